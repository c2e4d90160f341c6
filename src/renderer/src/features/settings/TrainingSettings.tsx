import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { useTraining } from '../../shared/use-training'

/**
 * Training mode in the settings: while practising, the Luka simulator can be taken down and
 * brought back (the outbox holds the decisions meanwhile); either way, the mode switch, which
 * restarts the app.
 */
export function TrainingSettings() {
  const { t } = useTranslation()
  const training = useTraining((s) => s.appInfo?.training ?? false)
  const forced = useTraining((s) => s.appInfo?.trainingForced ?? false)
  const lukaUp = useTraining((s) => s.trainingState?.lukaUp ?? true)
  const restartingTo = useTraining((s) => s.restartingTo)
  const error = useTraining((s) => s.trainingError)
  const setTrainingLuka = useTraining((s) => s.setTrainingLuka)
  const switchMode = useTraining((s) => s.switchMode)

  return (
    <section className="settings-training" aria-labelledby="settings-training-title">
      <h3 id="settings-training-title">{t('training.settings.title')}</h3>
      {training ? (
        <>
          <p>{t('training.settings.active')}</p>
          <p role="status" className={lukaUp ? 'notice' : 'notice training-down'}>
            {t(lukaUp ? 'training.settings.lukaUp' : 'training.settings.lukaDown')}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void setTrainingLuka(!lukaUp)}>
              {t(lukaUp ? 'training.settings.takeDown' : 'training.settings.bringUp')}
            </button>
            {!forced && (
              <button
                type="button"
                className="button"
                disabled={restartingTo !== null}
                onClick={() => void switchMode(false)}
              >
                {t('training.settings.leave')}
              </button>
            )}
          </div>
          {forced && <p className="notice">{t('training.settings.forced')}</p>}
        </>
      ) : (
        <>
          <p className="notice">{t('training.settings.enterHelp')}</p>
          <button
            type="button"
            className="button"
            disabled={restartingTo !== null}
            onClick={() => void switchMode(true)}
          >
            {t('training.settings.enter')}
          </button>
        </>
      )}
      {restartingTo && (
        <p className="notice" role="status">
          {t(restartingTo === 'training' ? 'training.firstRun.restarting' : 'training.firstRun.restartingReal')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  )
}
