import { useTranslation } from 'react-i18next'
import { createSliceHook } from '../../shared/store'
import type { UpdatesSlice } from './updates-slice'
// loaded with the status bar, like the other status items' styles (after the base, main.tsx)
import './updates.css'

const [useUpdates] = createSliceHook<UpdatesSlice>()

/** One status-bar item: download progress, "update ready (version)" and why it waits, or a failure. */
export function UpdateStatus() {
  const { t } = useTranslation()
  const update = useUpdates((s) => s.update)
  const install = useUpdates((s) => s.installUpdate)
  if (!update) return null
  const version = update.version ?? ''
  switch (update.state) {
    case 'downloading':
      return (
        <p className="status-item update-state" aria-label={t('updates.label')}>
          {t('updates.downloading', { version, percent: Math.floor(update.percent ?? 0) })}
        </p>
      )
    case 'ready':
      return (
        <p className="status-item update-state update-ready" role="status" aria-label={t('updates.label')}>
          {t('updates.ready', { version })}
          {update.waiting ? (
            <> — {t(`updates.waiting.${update.waiting}`)}</>
          ) : (
            <button type="button" className="button button-quiet" onClick={() => void install()}>
              {t('updates.install')}
            </button>
          )}
        </p>
      )
    case 'installing':
      return <p className="status-item update-state">{t('updates.installing', { version })}</p>
    case 'failed':
      return (
        <p
          className={`status-item update-state update-${update.failure ?? 'other'}`}
          role={update.failure === 'integrity' ? 'alert' : undefined}
        >
          {t(`updates.failure.${update.failure ?? 'other'}`)}
        </p>
      )
    default:
      return null // off, checking, current: nothing to say
  }
}
