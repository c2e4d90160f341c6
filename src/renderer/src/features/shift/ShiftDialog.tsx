import { useTranslation } from 'react-i18next'
import { Kbd } from '../../app/Kbd'
import { ariaKeys } from '../../app/shortcuts'
import { useShortcut } from '../../app/useShortcut'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatTime } from '../../shared/format'
import { CloseShiftDialog } from './CloseShiftDialog'
import { OpenShiftDialog } from './OpenShiftDialog'
import { PastShiftsDialog } from './PastShiftsDialog'
import { useShift } from './use-shift'
import { ZReportDialog } from './ZReportDialog'
import './shift.css'

/**
 * The shift (F3): with none open, "Abrir turno"; with one open, "Cerrar turno"; after closing,
 * the Z report. Each view is its own dialog, so each takes the focus as it opens.
 */
export function ShiftDialog() {
  const view = useShift((s) => s.shiftView)
  switch (view) {
    case null:
      return null
    case 'loading':
      return <LoadingShift />
    case 'open':
      return <OpenShiftDialog />
    case 'close':
      return <CloseShiftDialog />
    case 'report':
      return <ZReportDialog />
    case 'past':
      return <PastShiftsDialog />
  }
}

function LoadingShift() {
  const { t } = useTranslation()
  const error = useShift((s) => s.shiftError)
  const close = useShift((s) => s.closeShiftDialog)
  return (
    <Dialog title={t('shift.title')} onCancel={close} className="dialog-shift">
      {error ? (
        <ErrorMessage error={error} />
      ) : (
        <p className="notice" role="status">
          {t('shift.loading')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={close} aria-keyshortcuts={ariaKeys('cancel')}>
          {t('shift.done')} <Kbd shortcut="cancel" />
        </button>
      </div>
    </Dialog>
  )
}

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
      <button type="button" className="button button-quiet" onClick={() => void openDialog()} aria-keyshortcuts={ariaKeys('openShift')}>
        {t('shortcuts.openShift')} <Kbd shortcut="openShift" />
      </button>
    </>
  )
}
