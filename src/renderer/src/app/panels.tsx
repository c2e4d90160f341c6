import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { lazyPanel, PanelLoading, type LazyPanel } from './lazy-panel'
import type { AppState } from './store'
import { useApp } from './use-app'

/*
 * The panels a shortcut opens are chunks of their own: the counter screen (search, card, status
 * bar) is all a teller needs at start, and its first paint no longer waits for them. Their
 * slices stay in the store (app/store.ts) and their texts in the locales, so a shortcut acts at
 * once (the panel's data is asked for while its code loads); only the components come later.
 */
const settings = lazyPanel(() => import('../features/settings/SettingsPanel').then((m) => m.SettingsPanel))
const outbox = lazyPanel(() => import('../features/outbox/OutboxPanel').then((m) => m.OutboxPanel))
const luxcore = lazyPanel(() => import('../features/luxcore/LuxcorePanel').then((m) => m.LuxcorePanel))
const shift = lazyPanel(() => import('../features/shift/ShiftDialog').then((m) => m.ShiftDialog))
const journal = lazyPanel(() => import('../features/journal/JournalView').then((m) => m.JournalView))

const everyPanel: readonly LazyPanel[] = [settings, outbox, luxcore, shift, journal]

/** Fetches every panel's chunk; resolves once all are here. A failed one is tried again when its panel opens. */
export function preloadPanels(): Promise<void> {
  return Promise.all(everyPanel.map((panel) => panel.preload())).then(() => undefined)
}

/**
 * After the first paint, while the window is idle, fetch the panels' chunks, so the first F-key
 * press opens its panel at once in practice (same-origin chunks: the CSP allows them).
 */
export function usePreloadPanels(): void {
  useEffect(() => {
    const run = (): void => void preloadPanels().catch(() => undefined)
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(run, { timeout: 2000 })
      return () => window.cancelIdleCallback(handle)
    }
    const timer = window.setTimeout(run, 500)
    return () => window.clearTimeout(timer)
  }, [])
}

interface SlotProps {
  panel: LazyPanel
  open: (state: AppState) => boolean
  close: (state: AppState) => () => void
  /** the panel's name, for its loading dialog */
  title: string
}

/** One panel, while its slice says it is open. */
function PanelSlot({ panel, open, close, title }: SlotProps) {
  const isOpen = useApp(open)
  const onCancel = useApp(close)
  if (!isOpen) return null
  return <panel.Panel fallback={<PanelLoading title={title} onCancel={onCancel} />} />
}

/** Every panel a shortcut opens, in the order the window has always stacked them. */
export function Panels() {
  const { t } = useTranslation()
  return (
    <>
      <PanelSlot
        panel={settings}
        open={(s) => s.settingsOpen}
        close={(s) => s.closeSettings}
        title={t('settings.title')}
      />
      <PanelSlot panel={outbox} open={(s) => s.outboxOpen} close={(s) => s.closeOutbox} title={t('outbox.title')} />
      <PanelSlot panel={luxcore} open={(s) => s.luxcoreOpen} close={(s) => s.closeLuxcore} title={t('luxcore.title')} />
      <PanelSlot
        panel={shift}
        open={(s) => s.shiftView !== null}
        close={(s) => s.closeShiftDialog}
        title={t('shift.title')}
      />
      <PanelSlot panel={journal} open={(s) => s.journalOpen} close={(s) => s.closeJournal} title={t('journal.title')} />
    </>
  )
}
