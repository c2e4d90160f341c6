import type { BrowserWindow } from 'electron'
import { AppFailure } from '@shared/errors'
import type { ReceiptPrinter } from '../handlers/printing'

/** Thermal rolls print about this much of their width; the renderer lays the page out to fit it. */
const MIN_PAGE_MM = 40
const DEFAULT_PAGE_MM = 200

/** Electron's page size in microns for a roll `paperWidthMm` wide and as long as the document. */
export function rollPageSize(paperWidthMm: number, heightMm?: number): { width: number; height: number } {
  const length = Math.ceil(Math.max(MIN_PAGE_MM, heightMm ?? DEFAULT_PAGE_MM))
  return { width: paperWidthMm * 1000, height: length * 1000 }
}

/**
 * The receipt printer through the main window: the printers the OS offers, and a silent
 * print of what the page shows now (print.css picks the document) on a roll-sized page.
 */
export function createReceiptPrinter(window: () => BrowserWindow | null): ReceiptPrinter {
  const contents = () => {
    const current = window()
    if (!current || current.isDestroyed()) throw new AppFailure({ code: 'INTERNAL' })
    return current.webContents
  }
  return {
    list: async () => {
      const printers = await contents().getPrintersAsync()
      return printers.map((printer) => ({ name: printer.name, displayName: printer.displayName || printer.name }))
    },
    print: ({ deviceName, paperWidthMm, heightMm }) =>
      new Promise<void>((resolve, reject) => {
        contents().print(
          {
            silent: true,
            deviceName,
            printBackground: false,
            color: false,
            margins: { marginType: 'none' },
            pageSize: rollPageSize(paperWidthMm, heightMm)
          },
          (success, failureReason) =>
            success
              ? resolve()
              : reject(new AppFailure({ code: 'PRINT_FAILED', providerMessage: failureReason.slice(0, 200) }))
        )
      })
  }
}
