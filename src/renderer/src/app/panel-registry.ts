import type { ShortcutId } from '../shared/keyboard/shortcuts'
import { lazyPanel, type LazyPanel } from './lazy-panel'
import type { AppState } from './store'

/**
 * Every panel a shortcut opens, in one list: the status bar's launchers, the panel slots and the
 * idle preload all derive from it, so a new panel is one entry here (plus its slice in
 * app/store.ts and its texts in the locales).
 *
 * Each panel's code is a chunk of its own: the counter screen (search, card, status bar) is all a
 * teller needs at start. The slices stay in the store and the texts in the locales, so a shortcut
 * acts at once (the panel's data is asked for while its code loads); only the component comes later.
 */
export interface PanelDef {
  id: string
  /** the key that opens it, and the launcher's label (`shortcuts.<id>` in the locales) */
  shortcut: ShortcutId
  /** the locale key of the panel's name, for its loading dialog */
  title: string
  panel: LazyPanel
  isOpen: (state: AppState) => boolean
  open: (state: AppState) => () => unknown
  close: (state: AppState) => () => void
}

/** In the order the status bar shows the launchers. */
export const panelRegistry: readonly PanelDef[] = [
  {
    id: 'outbox',
    shortcut: 'openOutbox',
    title: 'outbox.title',
    panel: lazyPanel(() => import('../features/outbox/OutboxPanel').then((m) => m.OutboxPanel)),
    isOpen: (s) => s.outboxOpen,
    open: (s) => s.openOutbox,
    close: (s) => s.closeOutbox
  },
  {
    id: 'luxcore',
    shortcut: 'openLuxcore',
    title: 'luxcore.title',
    panel: lazyPanel(() => import('../features/luxcore/LuxcorePanel').then((m) => m.LuxcorePanel)),
    isOpen: (s) => s.luxcoreOpen,
    open: (s) => s.openLuxcore,
    close: (s) => s.closeLuxcore
  },
  {
    id: 'shift',
    shortcut: 'openShift',
    title: 'shift.title',
    panel: lazyPanel(() => import('../features/shift/ShiftDialog').then((m) => m.ShiftDialog)),
    isOpen: (s) => s.shiftView !== null,
    open: (s) => s.openShiftDialog,
    close: (s) => s.closeShiftDialog
  },
  {
    id: 'journal',
    shortcut: 'openJournal',
    title: 'journal.title',
    panel: lazyPanel(() => import('../features/journal/JournalView').then((m) => m.JournalView)),
    isOpen: (s) => s.journalOpen,
    open: (s) => s.openJournal,
    close: (s) => s.closeJournal
  },
  {
    id: 'link',
    shortcut: 'openLink',
    title: 'link.title',
    panel: lazyPanel(() => import('../features/link/LinkPanel').then((m) => m.LinkPanel)),
    isOpen: (s) => s.linkOpen,
    open: (s) => s.openLink,
    close: (s) => s.closeLink
  },
  {
    id: 'settings',
    shortcut: 'openSettings',
    title: 'settings.title',
    panel: lazyPanel(() => import('../features/settings/SettingsPanel').then((m) => m.SettingsPanel)),
    isOpen: (s) => s.settingsOpen,
    open: (s) => s.openSettings,
    close: (s) => s.closeSettings
  },
  {
    // supervisors only: creating the top-up asks for a supervisor's PIN (topup-slice)
    id: 'topup',
    shortcut: 'openTopup',
    title: 'lox24.topup.title',
    panel: lazyPanel(() => import('../features/sms/TopupDialog').then((m) => m.TopupDialog)),
    isOpen: (s) => s.topupOpen,
    open: (s) => s.openTopup,
    close: (s) => s.closeTopup
  }
]
