import { useTranslation } from 'react-i18next'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { SettingsForm } from './SettingsForm'
import { TrainingSettings } from './TrainingSettings'
import { useSettings } from './use-settings'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import './settings.css'

/** The settings dialog (Ctrl+, opens it, Esc closes it). */
export function SettingsPanel() {
  const { t } = useTranslation()
  const open = useSettings((s) => s.settingsOpen)
  const settings = useSettings((s) => s.settings)
  const loadError = useSettings((s) => s.settingsLoadError)
  const closeSettings = useSettings((s) => s.closeSettings)
  if (!open) return null

  return (
    <Dialog title={t('settings.title')} onCancel={closeSettings} className="dialog-settings">
      {loadError ? (
        <>
          <ErrorMessage error={loadError} />
          <ShortcutButton shortcut="cancel" onClick={closeSettings}>
            {t('settings.close')}
          </ShortcutButton>
        </>
      ) : settings ? (
        <>
          <SettingsForm settings={settings} />
          <TrainingSettings />
        </>
      ) : (
        <p className="notice" role="status">
          {t('settings.loading')}
        </p>
      )}
    </Dialog>
  )
}
