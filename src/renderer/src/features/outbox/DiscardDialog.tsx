import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxItemView } from '@shared/contract'
import { NOTE_MAX_LENGTH, hasControlChars } from '@shared/lookup-rules'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { providerName } from '../../shared/error-text'
import { amountText, subjectText } from '../../shared/outbox-text'
import { useOutbox } from './use-outbox'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

/** Newlines would be control characters to main; Enter confirms instead. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ')

type Problem = 'reasonRequired' | 'controlChars'

/**
 * "Take this out of the outbox?" naming the item and its amount. A typed reason is required:
 * Enter confirms only when there is one, Esc cancels.
 */
export function DiscardDialog({ item }: { item: OutboxItemView }) {
  const { t } = useTranslation()
  const language = useOutbox((s) => s.language)
  const busy = useOutbox((s) => s.outboxBusyId === item.id)
  const error = useOutbox((s) => s.outboxActionError)
  const discard = useOutbox((s) => s.discardOutboxItem)
  const cancel = useOutbox((s) => s.cancelDiscard)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<Problem | null>(null)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const id = useId()
  const what = subjectText(t, item)

  const confirm = (): void => {
    if (busy) return
    const trimmed = reason.trim()
    const found: Problem | null = trimmed === '' ? 'reasonRequired' : hasControlChars(trimmed) ? 'controlChars' : null
    setProblem(found)
    if (found) {
      reasonRef.current?.focus()
      return
    }
    void discard(trimmed)
  }

  // main refuses an empty reason with the generic "reasonRequired": say it for a discard.
  const refusedReason = error?.code === 'VALIDATION' && error.reason === 'reasonRequired'
  const shownProblem: Problem | null = problem ?? (refusedReason ? 'reasonRequired' : null)
  const problemText =
    shownProblem === 'reasonRequired'
      ? t('outbox.discard.reasonRequired')
      : shownProblem
        ? t('errors.validation.controlChars')
        : null

  return (
    <Dialog
      className="dialog-reject"
      title={t('outbox.discard.title', { what })}
      description={t('outbox.discard.text', {
        what,
        amount: amountText(t, item, language),
        provider: providerName(item.provider)
      })}
      onCancel={cancel}
      onEnter={confirm}
      initialFocus={reasonRef}
    >
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('outbox.discard.reason')}</label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          required
          value={reason}
          onChange={(event) => setReason(oneLine(event.target.value))}
          aria-invalid={shownProblem !== null}
          aria-describedby={[`${id}-help`, shownProblem ? `${id}-problem` : ''].join(' ').trim()}
        />
        <p id={`${id}-help`} className="hint">
          {t('outbox.discard.reasonHelp', { max: NOTE_MAX_LENGTH })}
        </p>
      </div>
      {problemText && (
        <p id={`${id}-problem`} className="error" role="alert">
          {problemText}
        </p>
      )}
      {error && !refusedReason && <ErrorMessage error={error} />}
      <div className="actions">
        <ShortcutButton shortcut="confirm" className="button button-reject" disabled={busy} onClick={confirm}>
          {t('outbox.discard.confirm')}
        </ShortcutButton>
        <ShortcutButton shortcut="cancel" onClick={cancel}>
          {t('outbox.discard.cancel')}
        </ShortcutButton>
      </div>
    </Dialog>
  )
}
