import { useTranslation } from 'react-i18next'
import { Kbd } from '../../app/Kbd'
import { ariaKeys } from '../../app/shortcuts'
import { useShortcut } from '../../app/useShortcut'
import { formatTime } from '../../shared/format'
import { useShift } from './use-shift'
// The shift's styles load with the status bar, not with the dialogs: the status line uses them
// at first paint, and they keep their place in the cascade (feature CSS before app/styles.css).
import './shift.css'

// Apart from the dialogs: the status bar is on screen from the start, the dialogs load on demand.
/** The status bar: since when the shift is open (or that none is), and F3. */
export function ShiftStatus() {
  const { t } = useTranslation()
  const shift = useShift((s) => s.shift)
  const known = useShift((s) => s.shiftKnown)
  const language = useShift((s) => s.language)
  const openDialog = useShift((s) => s.openShiftDialog)
  useShortcut('openShift', () => void openDialog())
  const time = shift ? (formatTime(shift.openedAt, language) ?? shift.openedAt) : null
  return (
    <>
      {known && (
        <p className={`status-item shift-state ${shift ? 'shift-open' : 'shift-none'}`}>
          {time ? t('shift.status.open', { time }) : t('shift.status.none')}
        </p>
      )}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void openDialog()}
        aria-keyshortcuts={ariaKeys('openShift')}
      >
        {t('shortcuts.openShift')} <Kbd shortcut="openShift" />
      </button>
    </>
  )
}
