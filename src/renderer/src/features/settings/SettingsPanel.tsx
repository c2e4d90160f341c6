import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { matchesShortcut, shortcuts } from '../../shared/keyboard/shortcuts'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { LedgerSettings } from './LedgerSettings'
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
  const showOperators = useSettings((s) => s.showOperators)
  // the settings dialog is modal (screen shortcuts wait): it answers Alt+O, its Operators button, itself
  useEffect(() => {
    if (!open) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!matchesShortcut(shortcuts.openOperators, event)) return
      event.preventDefault()
      showOperators()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [open, showOperators])
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
          <LedgerSettings />
          <ShortcutButton shortcut="openOperators" className="button button-quiet" onClick={showOperators}>
            {t('operators.manage.title')}
          </ShortcutButton>
        </>
      ) : (
        <p className="notice" role="status">
          {t('settings.loading')}
        </p>
      )}
    </Dialog>
  )
}
