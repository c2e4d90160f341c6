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
  /** the aria-keyshortcuts value (WAI-ARIA syntax: modifiers then key, joined by "+") */
  aria: string
  /** what the teller sees in a <kbd> */
  hint: string
}

export const shortcuts = {
  approve: { key: 'F8', aria: 'F8', hint: 'F8' },
  reject: { key: 'F9', aria: 'F9', hint: 'F9' },
  retry: { key: 'F7', aria: 'F7', hint: 'F7' },
  openOutbox: { key: 'F6', aria: 'F6', hint: 'F6' },
  openLuxcore: { key: 'F2', aria: 'F2', hint: 'F2' },
  openShift: { key: 'F3', aria: 'F3', hint: 'F3' },
  openJournal: { key: 'F4', aria: 'F4', hint: 'F4' },
  searchByReference: { key: '1', code: 'Digit1', alt: true, aria: 'Alt+1', hint: 'Alt+1' },
  searchByTransactionId: { key: '2', code: 'Digit2', alt: true, aria: 'Alt+2', hint: 'Alt+2' },
  searchByAuthorizationCode: { key: '3', code: 'Digit3', alt: true, aria: 'Alt+3', hint: 'Alt+3' },
  openSettings: { key: ',', code: 'Comma', ctrl: true, aria: 'Control+,', hint: 'Ctrl+,' },
  connect: { key: 'l', code: 'KeyL', ctrl: true, aria: 'Control+L', hint: 'Ctrl+L' },
  clear: { key: 'Escape', aria: 'Escape', hint: 'Esc' },
  // Inside dialogs: handled by the dialog itself, listed here for hints and aria values.
  confirm: { key: 'Enter', aria: 'Enter', hint: 'Enter' },
  cancel: { key: 'Escape', aria: 'Escape', hint: 'Esc' },
  // Inside the outbox panel, for the selected item (the panel matches them itself).
  retryNow: { key: 'r', aria: 'R', hint: 'R' },
  discard: { key: 'Delete', aria: 'Delete', hint: 'Supr' },
  // Inside the LuxCore panel (the panel matches them itself).
  printVoucher: { key: 'p', code: 'KeyP', ctrl: true, aria: 'Control+P', hint: 'Ctrl+P' },
  cancelDeposit: { key: 'Delete', aria: 'Delete', hint: 'Supr' },
  previousPage: { key: 'PageUp', aria: 'PageUp', hint: 'RePág' },
  nextPage: { key: 'PageDown', aria: 'PageDown', hint: 'AvPág' },
  // The document on view: the card's receipt on the counter screen (only while no dialog is
  // open, so never LuxCore's Ctrl+P), and inside the journal and Z report dialogs whatever they
  // show (each dialog matches them itself).
  printDocument: { key: 'p', code: 'KeyP', ctrl: true, aria: 'Control+P', hint: 'Ctrl+P' },
  saveDocumentPdf: { key: 's', code: 'KeyS', ctrl: true, aria: 'Control+S', hint: 'Ctrl+S' },
  exportCsv: { key: 'e', code: 'KeyE', ctrl: true, aria: 'Control+E', hint: 'Ctrl+E' }
} as const satisfies Record<string, ShortcutDef>

export type ShortcutId = keyof typeof shortcuts

/** The shortcuts listed in the status bar, in the order a teller meets them. */
export const mainShortcuts: readonly ShortcutId[] = [
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
  'clear',
  'connect',
  'openSettings'
]

export function matchesShortcut(def: ShortcutDef, event: KeyboardEvent): boolean {
  if (event.ctrlKey !== Boolean(def.ctrl) || event.altKey !== Boolean(def.alt)) return false
  if (event.metaKey || event.shiftKey) return false
  if (event.key.toLowerCase() === def.key.toLowerCase()) return true
  return def.code !== undefined && event.code === def.code
}

export function ariaKeys(id: ShortcutId): string {
  return shortcuts[id].aria
}

export function shortcutHint(id: ShortcutId): string {
  return shortcuts[id].hint
}
