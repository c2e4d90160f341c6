import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DecisionKind } from '@shared/contract'
import { AUTH_CODE_MAX_LENGTH, NOTE_MAX_LENGTH, hasControlChars } from '@shared/lookup-rules'
import type { Money } from '@shared/money'
import { Dialog } from '../../shared/Dialog'
import type { ValidationReason } from '../../shared/error-text'
import { readChange } from './change'
import { TenderedField } from './TenderedField'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

interface Props {
  kind: DecisionKind
  amount: string
  /** the payment's amount, for the change */
  money: Money
  transactionId: number
  onConfirm: (details: { note: string; authorizationCode: string; tendered: Money | null }) => void
  onCancel: () => void
}

type Problem = { field: 'note' | 'code'; reason: ValidationReason }

/** Newlines would be control characters to Luka; Enter confirms instead. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ')

/**
 * "Are you sure?" with the action and the amount in the title. Approve: F8 then Enter (the
 * cash received, for the change, is optional and never blocks). Reject: F9, the reason
 * (focused), Enter.
 */
export function ConfirmDecisionDialog({ kind, amount, money, transactionId, onConfirm, onCancel }: Props) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [code, setCode] = useState('')
  const [cash, setCash] = useState('')
  const [problem, setProblem] = useState<Problem | null>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const codeRef = useRef<HTMLInputElement>(null)
  const noteHelpId = useId()
  const problemId = useId()
  const reject = kind === 'reject'
  const change = readChange(money, cash)

  const confirm = (): void => {
    const trimmedNote = note.trim()
    const trimmedCode = code.trim()
    let found: Problem | null = null
    if (reject && trimmedNote === '') found = { field: 'note', reason: 'reasonRequired' }
    else if (hasControlChars(trimmedNote)) found = { field: 'note', reason: 'controlChars' }
    else if (hasControlChars(trimmedCode)) found = { field: 'code', reason: 'controlChars' }
    setProblem(found)
    if (found) {
      ;(found.field === 'note' ? noteRef : codeRef).current?.focus()
      return
    }
    const tendered = !reject && 'tendered' in change ? change.tendered : null
    onConfirm({ note: reject ? trimmedNote : '', authorizationCode: trimmedCode, tendered })
  }

  const describedBy = (field: Problem['field'], help?: string): string | undefined =>
    [help, problem?.field === field ? problemId : undefined].filter(Boolean).join(' ') || undefined

  return (
    <Dialog
      className={reject ? 'dialog-reject' : 'dialog-approve'}
      title={t(reject ? 'dialog.rejectTitle' : 'dialog.approveTitle', { amount })}
      description={t(reject ? 'dialog.rejectText' : 'dialog.approveText', { amount, id: transactionId })}
      onCancel={onCancel}
      onEnter={confirm}
      initialFocus={reject ? noteRef : codeRef}
    >
      {reject && (
        <div className="field">
          <label htmlFor={`${problemId}-note`}>{t('dialog.reason')}</label>
          <textarea
            id={`${problemId}-note`}
            ref={noteRef}
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            required
            value={note}
            onChange={(event) => setNote(oneLine(event.target.value))}
            aria-invalid={problem?.field === 'note'}
            aria-describedby={describedBy('note', noteHelpId)}
          />
          <p id={noteHelpId} className="hint">
            {t('dialog.reasonHelp', { max: NOTE_MAX_LENGTH })}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${problemId}-code`}>
          {t('dialog.authorizationCode')} <span className="hint">{t('dialog.optional')}</span>
        </label>
        <input
          id={`${problemId}-code`}
          ref={codeRef}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={AUTH_CODE_MAX_LENGTH}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-invalid={problem?.field === 'code'}
          aria-describedby={describedBy('code')}
        />
      </div>
      {!reject && <TenderedField value={cash} onChange={setCash} reading={change} currency={money.currency} />}
      {problem && (
        <p id={problemId} className="error" role="alert">
          {t(`errors.validation.${problem.reason}`)}
        </p>
      )}
      <div className="actions">
        <ShortcutButton
          shortcut="confirm"
          className={reject ? 'button button-reject' : 'button button-approve'}
          onClick={confirm}
        >
          {t(reject ? 'dialog.confirmReject' : 'dialog.confirmApprove')}
        </ShortcutButton>
        <ShortcutButton shortcut="cancel" onClick={onCancel}>
          {t('dialog.cancel')}
        </ShortcutButton>
      </div>
    </Dialog>
  )
}
