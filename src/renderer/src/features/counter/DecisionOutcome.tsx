import { useTranslation } from 'react-i18next'
import type { DecisionRecord } from '@shared/contract'
import { Kbd } from '../../app/Kbd'
import { ariaKeys } from '../../app/shortcuts'
import { useShortcut } from '../../app/useShortcut'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { selectCanRetry } from './counter-slice'
import { useCounter } from './use-counter'

/**
 * This terminal's decision and whether Luka has it. Only `delivered` is ever shown as a
 * success; `not-delivered` says so in capitals and offers the retry.
 */
export function DecisionOutcome({ record }: { record: DecisionRecord }) {
  const { t } = useTranslation()
  const canRetry = useCounter(selectCanRetry)
  const retryDecision = useCounter((s) => s.retryDecision)
  useShortcut('retry', () => void retryDecision(), canRetry)

  const heading = <p className="outcome-heading">{t(`decision.decided.${record.decision}`)}</p>
  const note = record.note ? <p>{t('decision.note', { note: record.note })}</p> : null

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

  return (
    <div className="outcome outcome-failed">
      <div role="alert">
        {heading}
        <p className="outcome-state">{t('decision.notDelivered')}</p>
        <p>{t('decision.notDeliveredHelp')}</p>
        {record.error && <ErrorMessage error={record.error} live={false} />}
      </div>
      <p>{t('decision.attempts', { attempts: record.attempts })}</p>
      {note}
      <button
        type="button"
        className="button"
        disabled={!canRetry}
        onClick={() => void retryDecision()}
        aria-keyshortcuts={ariaKeys('retry')}
      >
        {t('shortcuts.retry')} <Kbd shortcut="retry" />
      </button>
    </div>
  )
}
