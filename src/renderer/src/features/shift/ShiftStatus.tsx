import { useTranslation } from 'react-i18next'
import { formatTime } from '../../shared/format'
import { useShift } from './use-shift'
// Only the status line's rule loads at start; the dialogs' (shift.css) come with the lazy panel.
import './shift-status.css'

/** The status bar: since when the shift is open (or that none is); F3 is the registry's launcher. */
export function ShiftStatus() {
  const { t } = useTranslation()
  const shift = useShift((s) => s.shift)
  const known = useShift((s) => s.shiftKnown)
  const language = useShift((s) => s.language)
  if (!known) return null
  const time = shift ? (formatTime(shift.openedAt, language) ?? shift.openedAt) : null
  return (
    <p className={`status-item shift-state ${shift ? 'shift-open' : 'shift-none'}`}>
      {time ? t('shift.status.open', { time }) : t('shift.status.none')}
    </p>
  )
}
