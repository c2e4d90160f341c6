import { useTranslation } from 'react-i18next'
import { Kbd } from '../../app/Kbd'
import { ariaKeys } from '../../app/shortcuts'
import { useShortcut } from '../../app/useShortcut'
import { useSettings } from './use-settings'

// Apart from the dialog: the status bar is on screen from the start, the settings load on demand.
/** The status bar's way in to the settings. */
export function SettingsButton() {
  const { t } = useTranslation()
  const openSettings = useSettings((s) => s.openSettings)
  useShortcut('openSettings', () => void openSettings())
  return (
    <button
      type="button"
      className="button button-quiet"
      onClick={() => void openSettings()}
      aria-keyshortcuts={ariaKeys('openSettings')}
    >
      {t('shortcuts.openSettings')} <Kbd shortcut="openSettings" />
    </button>
  )
}
