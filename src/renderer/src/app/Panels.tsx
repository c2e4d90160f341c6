import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ShortcutButton } from '../shared/keyboard/ShortcutButton'
import { useShortcut } from '../shared/keyboard/useShortcut'
import { PanelLoading } from './lazy-panel'
import { panelRegistry, type PanelDef } from './panel-registry'
import { useApp } from './use-app'

/** Fetches every panel's chunk; resolves once all are here. A failed one is tried again when its panel opens. */
export function preloadPanels(): Promise<void> {
  return Promise.all(panelRegistry.map((def) => def.panel.preload())).then(() => undefined)
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

/** One panel, while its slice says it is open. */
function PanelSlot({ def }: { def: PanelDef }) {
  const { t } = useTranslation()
  const isOpen = useApp(def.isOpen)
  const onCancel = useApp(def.close)
  if (!isOpen) return null
  return <def.panel.Panel fallback={<PanelLoading title={t(def.title as never)} onCancel={onCancel} />} />
}

/** Every registered panel's slot. */
export function Panels() {
  return (
    <>
      {panelRegistry.map((def) => (
        <PanelSlot key={def.id} def={def} />
      ))}
    </>
  )
}

/** The status bar's way in to one panel: its button, and its key anywhere on the counter screen. */
function Launcher({ def }: { def: PanelDef }) {
  const { t } = useTranslation()
  const open = useApp(def.open)
  const launch = (): void => void open()
  useShortcut(def.shortcut, launch)
  return (
    <ShortcutButton shortcut={def.shortcut} className="button button-quiet" onClick={launch}>
      {t(`shortcuts.${def.shortcut}` as never)}
    </ShortcutButton>
  )
}

/** Every registered panel's launcher, in registry order. */
export function Launchers() {
  return (
    <>
      {panelRegistry.map((def) => (
        <Launcher key={def.id} def={def} />
      ))}
    </>
  )
}
