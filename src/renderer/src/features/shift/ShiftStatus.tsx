import { useTranslation } from 'react-i18next'
import { formatTime } from '../../shared/format'
import { useShift } from './use-shift'
// The shift's styles load with the status bar, not with the dialogs: the status line uses them
// at first paint, and they keep their place in the cascade (feature CSS before app/styles.css).
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
