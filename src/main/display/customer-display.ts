import type { CustomerView, DisplayContent } from '@shared/contract'
import type { SettingsService } from '../settings/settings'
import type { EventBus } from '../support/events'

/** "Agencia CCCT, Taquilla 2" -> "Agencia CCCT": the customer sees the agency, not the counter's label. */
export const agencyName = (terminal: string): string => terminal.split(',')[0]!.trim()

/**
 * What the customer-facing screen shows. It holds ONE thing — the amount being paid and its
 * result, or the open link — replaced, never appended to, so nothing of an earlier customer
 * can remain; otherwise the agency's name. The main window sets it; the customer window
 * (Electron's second window, or the harness's /customer page) only reads it.
 */
export class CustomerDisplay {
  private content: DisplayContent = { kind: 'idle' }

  constructor(
    private readonly settings: SettingsService,
    private readonly bus: EventBus
  ) {
    settings.onChange(() => this.bus.emit('display.updated', this.view()))
  }

  view(): CustomerView {
    const { terminal, language } = this.settings.effective()
    return { agency: agencyName(terminal), language, content: this.content }
  }

  show(content: DisplayContent): CustomerView {
    this.content = content
    const view = this.view()
    this.bus.emit('display.updated', view)
    return view
  }
}
