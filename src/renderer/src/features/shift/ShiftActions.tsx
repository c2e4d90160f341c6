import { useTranslation } from 'react-i18next'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

interface Props {
  /** the confirm button's words: open or close the shift */
  submitLabel: string
  busy: boolean
  onSubmit: () => void
  onShowPast: () => void
  onCancel: () => void
  /** with a shift open: an X report (Alt+X; the dialog matches the key) */
  onXReport?: () => void
}

/** The row under both shift dialogs: confirm (Enter), past shifts, the X report (shift open), cancel (Esc). */
export function ShiftActions({ submitLabel, busy, onSubmit, onShowPast, onCancel, onXReport }: Props) {
  const { t } = useTranslation()
  return (
    <div className="actions">
      <ShortcutButton shortcut="confirm" className="button button-approve" disabled={busy} onClick={onSubmit}>
        {submitLabel}
      </ShortcutButton>
      <button type="button" className="button button-quiet" onClick={onShowPast}>
        {t('shift.past.button')}
      </button>
      {onXReport && (
        <ShortcutButton shortcut="xReport" className="button button-quiet" disabled={busy} onClick={onXReport}>
          {t('xreport.button')}
        </ShortcutButton>
      )}
      <ShortcutButton shortcut="cancel" onClick={onCancel}>
        {t('shift.cancel')}
      </ShortcutButton>
    </div>
  )
}
