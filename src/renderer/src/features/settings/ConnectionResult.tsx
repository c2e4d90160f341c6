import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { useSettings } from './use-settings'

/** What happened to the last save and the connection test that follows it. */
export function ConnectionResult() {
  const { t } = useTranslation()
  const saving = useSettings((s) => s.settingsSaving)
  const saved = useSettings((s) => s.settingsSaved)
  const error = useSettings((s) => s.settingsError)
  const check = useSettings((s) => s.connectionCheck)

  let line: string | null = null
  let failure = error
  if (saving) line = t('settings.saving')
  else if (check.state === 'testing') line = t('settings.testing')
  else if (check.state === 'done') {
    const { result } = check
    if (!result.ok) failure = result.error
    else if (result.value.state === 'online') line = t('settings.connected')
    else {
      line = t('settings.connectionState', { state: t(`status.states.${result.value.state}`) })
      failure = result.value.error ?? null
    }
  }

  return (
    <div className="settings-result">
      <p className="notice" role="status">
        {saved && !saving ? t('settings.saved') + ' ' : ''}
        {line}
      </p>
      {failure && <ErrorMessage error={failure} />}
    </div>
  )
}
