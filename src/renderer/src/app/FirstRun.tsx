import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../shared/ErrorMessage'
import { useApp } from './use-app'

/**
 * Nothing configured yet: instead of only "Luka is not configured", two ways on — practise on
 * the simulators (a restart into training mode) or open the settings.
 */
export function FirstRun() {
  const { t } = useTranslation()
  const unconfigured = useApp((s) => s.appInfo?.training === false && s.lukaStatus?.state === 'unconfigured')
  const restartingTo = useApp((s) => s.restartingTo)
  const error = useApp((s) => s.trainingError)
  const switchMode = useApp((s) => s.switchMode)
  const openSettings = useApp((s) => s.openSettings)
  if (!unconfigured) return null

  return (
    <section className="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('training.firstRun.title')}</h2>
      <p>{t('training.firstRun.lead')}</p>
      {restartingTo ? (
        <p className="notice" role="status">
          {t('training.firstRun.restarting')}
        </p>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => void switchMode(true)}>
            {t('training.firstRun.practise')}
          </button>
          <button type="button" className="button" onClick={() => void openSettings()}>
            {t('training.firstRun.configure')}
          </button>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  )
}
