import { useTranslation } from 'react-i18next'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { CloseShiftDialog } from './CloseShiftDialog'
import { OpenShiftDialog } from './OpenShiftDialog'
import { PastShiftsDialog } from './PastShiftsDialog'
import { useShift } from './use-shift'
import { XReportDialog } from './XReportDialog'
import { ZReportDialog } from './ZReportDialog'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import './shift.css'

/**
 * The shift (F3): with none open, "Abrir turno"; with one open, "Cerrar turno" (where Alt+X
 * takes an X report instead); after closing, the Z report. Each view is its own dialog, so each
 * takes the focus as it opens.
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
    case 'xreport':
      return <XReportDialog />
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
        <ShortcutButton shortcut="cancel" onClick={close}>
          {t('shift.done')}
        </ShortcutButton>
      </div>
    </Dialog>
  )
}
