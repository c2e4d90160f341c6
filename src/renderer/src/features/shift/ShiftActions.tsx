import { useTranslation } from 'react-i18next'
import { Kbd } from '../../app/Kbd'
import { ariaKeys } from '../../app/shortcuts'

interface Props {
  /** the confirm button's words: open or close the shift */
  submitLabel: string
  busy: boolean
  onSubmit: () => void
  onShowPast: () => void
  onCancel: () => void
}

/** The row under both shift dialogs: confirm (Enter), past shifts, cancel (Esc). */
export function ShiftActions({ submitLabel, busy, onSubmit, onShowPast, onCancel }: Props) {
  const { t } = useTranslation()
  return (
    <div className="actions">
      <button
        type="button"
        className="button button-approve"
        disabled={busy}
        onClick={onSubmit}
        aria-keyshortcuts={ariaKeys('confirm')}
      >
        {submitLabel} <Kbd shortcut="confirm" />
      </button>
      <button type="button" className="button button-quiet" onClick={onShowPast}>
        {t('shift.past.button')}
      </button>
      <button type="button" className="button" onClick={onCancel} aria-keyshortcuts={ariaKeys('cancel')}>
        {t('shift.cancel')} <Kbd shortcut="cancel" />
      </button>
    </div>
  )
}
