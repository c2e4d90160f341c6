import { useTranslation } from 'react-i18next'
import { Kbd } from '../../app/Kbd'
import { ariaKeys } from '../../app/shortcuts'
import { useShortcut } from '../../app/useShortcut'
import { useLuxcore } from './use-luxcore'

// Apart from the panel: the status bar is on screen from the start, the panel loads on demand.
/** The status bar's way in to the LuxCore panel (F2). */
export function LuxcoreButton() {
  const { t } = useTranslation()
  const openLuxcore = useLuxcore((s) => s.openLuxcore)
  useShortcut('openLuxcore', () => void openLuxcore())
  return (
    <button
      type="button"
      className="button button-quiet"
      onClick={() => void openLuxcore()}
      aria-keyshortcuts={ariaKeys('openLuxcore')}
    >
      {t('shortcuts.openLuxcore')} <Kbd shortcut="openLuxcore" />
    </button>
  )
}
