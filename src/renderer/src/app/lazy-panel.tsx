import { lazy, Suspense, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../shared/Dialog'

/** A panel whose code is a chunk of its own, fetched when it first opens (or sooner, by `preload`). */
export interface LazyPanel {
  /** Renders the panel: at once if its chunk is here, else `fallback` until it is. */
  Panel: ComponentType<{ fallback: ReactNode }>
  /** Fetches and runs the chunk; the same promise for every caller until it fails. */
  preload: () => Promise<unknown>
}

/**
 * `React.lazy` around a dynamic `import()`, plus what lazy alone lacks for a keyboard app:
 *
 * - Once the chunk is here (preloaded while the window was idle, or opened before), the panel
 *   renders in the same commit as the key press, exactly as an eagerly bundled one: lazy alone
 *   would still suspend once on a resolved promise and flash the fallback for a frame.
 * - A chunk that failed to load is asked for again next time, instead of failing forever.
 */
export function lazyPanel(load: () => Promise<ComponentType>): LazyPanel {
  let loaded: ComponentType | null = null
  let loading: Promise<ComponentType> | null = null

  const preload = (): Promise<ComponentType> => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null
        Lazy = lazyComponent()
        throw error
      }
    )
    return loading
  }
  const lazyComponent = (): LazyExoticComponent<ComponentType> => lazy(async () => ({ default: await preload() }))
  let Lazy = lazyComponent()

  function Panel({ fallback }: { fallback: ReactNode }) {
    // Chosen once, as the panel opens: a panel that opened under Suspense stays there (switching
    // to the loaded component while open would mount it a second time).
    const [Ready] = useState(() => loaded)
    if (Ready) return <Ready />
    return (
      <Suspense fallback={fallback}>
        <Lazy />
      </Suspense>
    )
  }

  return { Panel, preload }
}

/**
 * What a panel shows while its chunk loads: a modal dialog like the panel's own, so it owns the
 * keyboard at once (screen shortcuts wait, Esc closes the panel). It takes the focus; the panel's
 * dialog, once loaded, takes it from there and gives it back where it was before the key press.
 */
export function PanelLoading({ title, onCancel }: { title: string; onCancel: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('app.panelLoading', { panel: title })} onCancel={onCancel} className="dialog-loading">
      <p className="notice" role="status">
        {t('app.loading')}
      </p>
    </Dialog>
  )
}
