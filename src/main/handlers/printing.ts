import type { Printer } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { SettingsService } from '../settings/settings'
import type { Impls } from './guard'

/** The receipt printer, as the platform layer offers it (platform/printer.ts); absent in browser mode. */
export interface ReceiptPrinter {
  list(): Promise<Printer[]>
  /** prints what the window shows now (the page's print stylesheet decides), silently, roll-sized */
  print(options: { deviceName: string; paperWidthMm: 80 | 58; heightMm?: number }): Promise<void>
}

export function printingHandlers(deps: {
  settings: SettingsService
  printer?: ReceiptPrinter
}): Impls<'printer.list' | 'app.print'> {
  return {
    'printer.list': async () => (deps.printer ? deps.printer.list() : []),
    'app.print': async ({ heightMm, printer }) => {
      if (!deps.printer) throw new AppFailure({ code: 'NOT_CONFIGURED' })
      const chosen = printer ? { name: printer.name, paperWidthMm: printer.paperWidthMm } : deps.settings.printer()
      // no receipt printer chosen: the system dialog, as before (the renderer opens it)
      if (chosen.name === '') return { silent: false }
      await deps.printer.print({ deviceName: chosen.name, paperWidthMm: chosen.paperWidthMm, heightMm })
      return { silent: true }
    }
  }
}
