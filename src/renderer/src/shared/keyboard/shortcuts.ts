/**
 * The one place that maps keys to actions. Controls take their `aria-keyshortcuts` value and
 * their on-screen hint from here, and `useShortcut` matches key presses against it, so the
 * three can never disagree.
 */
export interface ShortcutDef {
  /** KeyboardEvent.key, compared case-insensitively */
  key: string
  /** KeyboardEvent.code, for layouts where Alt/Ctrl change `key` (macOS Option+1 gives "¡") */
  code?: string
  ctrl?: boolean
  alt?: boolean
  /** the aria-keyshortcuts value (WAI-ARIA syntax: modifiers then key, joined by "+"); the
   * on-screen hint is derived from it with the key-cap names of the teller's language */
  aria: string
}

export const shortcuts = {
  approve: { key: 'F8', aria: 'F8' },
  reject: { key: 'F9', aria: 'F9' },
  retry: { key: 'F7', aria: 'F7' },
  openOutbox: { key: 'F6', aria: 'F6' },
  openLuxcore: { key: 'F2', aria: 'F2' },
  openShift: { key: 'F3', aria: 'F3' },
  openJournal: { key: 'F4', aria: 'F4' },
  openLink: { key: 'k', code: 'KeyK', ctrl: true, aria: 'Control+K' },
  searchByReference: { key: '1', code: 'Digit1', alt: true, aria: 'Alt+1' },
  searchByTransactionId: { key: '2', code: 'Digit2', alt: true, aria: 'Alt+2' },
  searchByAuthorizationCode: { key: '3', code: 'Digit3', alt: true, aria: 'Alt+3' },
  openSettings: { key: ',', code: 'Comma', ctrl: true, aria: 'Control+,' },
  connect: { key: 'l', code: 'KeyL', ctrl: true, aria: 'Control+L' },
  // LOX24: text the payer a receipt for the operation on screen; top up the SMS credit
  sendSms: { key: 'm', code: 'KeyM', ctrl: true, aria: 'Control+M' },
  openTopup: { key: 't', code: 'KeyT', alt: true, aria: 'Alt+T' },
  clear: { key: 'Escape', aria: 'Escape' },
  // Inside dialogs: handled by the dialog itself, listed here for hints and aria values.
  confirm: { key: 'Enter', aria: 'Enter' },
  cancel: { key: 'Escape', aria: 'Escape' },
  // Inside the outbox panel, for the selected item (the panel matches them itself).
  retryNow: { key: 'r', aria: 'R' },
  discard: { key: 'Delete', aria: 'Delete' },
  // Inside the LuxCore panel (the panel matches them itself).
  printVoucher: { key: 'p', code: 'KeyP', ctrl: true, aria: 'Control+P' },
  cancelDeposit: { key: 'Delete', aria: 'Delete' },
  previousPage: { key: 'PageUp', aria: 'PageUp' },
  nextPage: { key: 'PageDown', aria: 'PageDown' },
  // Inside the payment-link panel (the panel matches it itself).
  copyLink: { key: 'c', code: 'KeyC', alt: true, aria: 'Alt+C' },
  // Inside lists (the list matches them itself), listed for their key caps.
  firstRow: { key: 'Home', aria: 'Home' },
  lastRow: { key: 'End', aria: 'End' },
  previousRow: { key: 'ArrowUp', aria: 'ArrowUp' },
  nextRow: { key: 'ArrowDown', aria: 'ArrowDown' },
  // The document on view: the card's receipt on the counter screen (only while no dialog is
  // open, so never LuxCore's Ctrl+P), and inside the journal and Z report dialogs whatever they
  // show (each dialog matches them itself).
  printDocument: { key: 'p', code: 'KeyP', ctrl: true, aria: 'Control+P' },
  saveDocumentPdf: { key: 's', code: 'KeyS', ctrl: true, aria: 'Control+S' },
  exportCsv: { key: 'e', code: 'KeyE', ctrl: true, aria: 'Control+E' },
  // Inside the shift dialog (F3) with a shift open: the X report (the dialog matches it itself).
  xReport: { key: 'x', code: 'KeyX', alt: true, aria: 'Alt+X' }
} as const satisfies Record<string, ShortcutDef>

export type ShortcutId = keyof typeof shortcuts

/** The shortcuts listed in the status bar, in the order a teller meets them. */
export const mainShortcuts = [
  'searchByReference',
  'searchByTransactionId',
  'searchByAuthorizationCode',
  'approve',
  'reject',
  'retry',
  'openOutbox',
  'openLuxcore',
  'openShift',
  'openJournal',
  'openLink',
  'clear',
  'connect',
  'openSettings'
] as const satisfies readonly ShortcutId[]

export function matchesShortcut(def: ShortcutDef, event: KeyboardEvent): boolean {
  if (event.ctrlKey !== Boolean(def.ctrl) || event.altKey !== Boolean(def.alt)) return false
  if (event.metaKey || event.shiftKey) return false
  if (event.key.toLowerCase() === def.key.toLowerCase()) return true
  return def.code !== undefined && event.code === def.code
}

export function ariaKeys(id: ShortcutId): string {
  return shortcuts[id].aria
}

/**
 * Key-cap names as the keyboards of each language print them (a Spanish keyboard says Supr,
 * RePág, AvPág, Inicio, Fin); keys not listed read the same in both.
 */
const keyCaps: Record<string, Record<string, string>> = {
  es: {
    Control: 'Ctrl',
    Escape: 'Esc',
    Delete: 'Supr',
    PageUp: 'RePág',
    PageDown: 'AvPág',
    Home: 'Inicio',
    End: 'Fin'
  },
  en: { Control: 'Ctrl', Escape: 'Esc', Delete: 'Del', PageUp: 'PgUp', PageDown: 'PgDn', Home: 'Home', End: 'End' }
}
const arrows: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' }

/** What the teller sees in a <kbd>: the aria value with the key caps of `language` (Spanish by default). */
export function shortcutHint(id: ShortcutId, language = 'es'): string {
  const caps = keyCaps[language] ?? keyCaps.es!
  return shortcuts[id].aria
    .split('+')
    .map((part) => arrows[part] ?? caps[part] ?? part)
    .join('+')
}
