import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DecisionRecord } from '@shared/contract'
import { useShortcut } from '../../shared/keyboard/useShortcut'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatRelative } from '../../shared/format'
import { attentionText } from '../../shared/outbox-text'
import { useNow } from '../../shared/use-now'
import { selectCanRetry } from './counter-slice'
import { useCounter } from './use-counter'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

/**
 * This terminal's decision and whether Luka has it. Only `delivered` is ever shown as a
 * success. `queued` says it waits in the outbox and offers "retry now" (F7); `attention`
 * and `discarded` say in capitals that Luka does not have it.
 */
export function DecisionOutcome({ record }: { record: DecisionRecord }) {
  const { t } = useTranslation()
  const outbox = useCounter((s) => (s.cardOutbox && s.cardOutbox.id === record.outboxId ? s.cardOutbox : null))

  const heading = <p className="outcome-heading">{t(`decision.decided.${record.decision}`)}</p>
  const note = record.note ? <p>{t('decision.note', { note: record.note })}</p> : null
  const attempts = <p>{t('decision.attempts', { attempts: record.attempts })}</p>
  const lastError = record.error ?? outbox?.lastError ?? null

  if (record.state === 'delivered') {
    const reply = record.reply
    return (
      <div className="outcome outcome-delivered" role="status">
        {heading}
        <p className="outcome-state">{t('decision.delivered')}</p>
        {reply?.statusDescription && <p>{t('decision.reply', { status: reply.statusDescription })}</p>}
        {reply?.id !== null && reply?.id !== undefined && <p>{t('decision.replyId', { id: reply.id })}</p>}
        {reply?.authorizationCode && <p>{t('decision.replyCode', { code: reply.authorizationCode })}</p>}
        {note}
      </div>
    )
  }

  if (record.state === 'sending') {
    return (
      <div className="outcome outcome-sending" role="status">
        {heading}
        <p className="outcome-state">{t('decision.sending', { attempts: Math.max(record.attempts, 1) })}</p>
        {note}
      </div>
    )
  }

  if (record.state === 'queued') {
    return (
      <div className="outcome outcome-queued">
        <div role="status">
          {heading}
          <p className="outcome-state">{t('decision.queued')}</p>
          <p>{t('decision.queuedHelp')}</p>
        </div>
        {attempts}
        <NextAttempt at={outbox?.nextAttemptAt ?? null} />
        <LastError error={lastError} />
        {note}
        <RetryButton />
      </div>
    )
  }

  const attention = record.state === 'attention'
  const why = attention && outbox ? attentionText(t, outbox) : null
  return (
    <div className="outcome outcome-failed">
      <div role="alert">
        {heading}
        <p className="outcome-state">{t(attention ? 'decision.attention' : 'decision.discarded')}</p>
        {why && <p className="outcome-why">{why}</p>}
        {attention && lastError && <ErrorMessage error={lastError} live={false} />}
        {!attention && outbox?.discardReason && <p>{t('outbox.discardReason', { reason: outbox.discardReason })}</p>}
      </div>
      {attention && <p>{t('decision.attentionHelp')}</p>}
      {attempts}
      {note}
    </div>
  )
}

function NextAttempt({ at }: { at: string | null }): ReactNode {
  const { t } = useTranslation()
  const language = useCounter((s) => s.language)
  const now = useNow(30_000)
  const when = at ? formatRelative(at, now, language) : null
  return when ? <p>{t('decision.nextAttempt', { when })}</p> : null
}

function LastError({ error }: { error: DecisionRecord['error'] }): ReactNode {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <div className="outcome-error">
      <p>{t('decision.lastError')}</p>
      <ErrorMessage error={error} live={false} />
    </div>
  )
}

/** F7: the queued decision's outbox item tries again now instead of at its next attempt. */
function RetryButton() {
  const { t } = useTranslation()
  const canRetry = useCounter(selectCanRetry)
  const retryDecision = useCounter((s) => s.retryDecision)
  useShortcut('retry', () => void retryDecision(), canRetry)
  return (
    <ShortcutButton shortcut="retry" disabled={!canRetry} onClick={() => void retryDecision()}>
      {t('shortcuts.retry')}
    </ShortcutButton>
  )
}
