import { useTranslation } from 'react-i18next'
import type { OutboxItemView } from '@shared/contract'
import { errorLine } from '../../shared/error-text'
import { formatDateTime, formatRelative } from '../../shared/format'
import { amountText, attentionText, subjectText } from '../../shared/outbox-text'
import { useOutbox } from './use-outbox'

/** One item, everything a teller needs to judge it, in reading order. Plain text only. */
export function OutboxItemRow({ item, now }: { item: OutboxItemView; now: number }) {
  const { t } = useTranslation()
  const language = useOutbox((s) => s.language)
  const created = formatDateTime(item.createdAt, language) ?? item.createdAt
  const next = item.nextAttemptAt ? formatRelative(item.nextAttemptAt, now, language) : null
  const attention = attentionText(t, item)

  const facts = [t('outbox.attempts', { count: item.attempts })]
  if (next) facts.push(t('outbox.nextAttempt', { when: next }))
  facts.push(t('outbox.createdAt', { when: created }))

  return (
    <>
      <span className="outbox-row-head">
        <strong className="outbox-subject">{subjectText(t, item)}</strong>
        {' · '}
        <span className="outbox-amount">{amountText(t, item, language)}</span>
        {' · '}
        <span className={`outbox-state outbox-state-${item.state}`}>{t(`outbox.states.${item.state}`)}</span>
      </span>
      <span className="outbox-row-line">{facts.join(' · ')}</span>
      {attention && <span className="outbox-row-line outbox-row-attention">{attention}</span>}
      {item.lastError && item.state !== 'delivered' && (
        <span className="outbox-row-line outbox-row-error">
          {t('outbox.lastError', { error: errorLine(t, item.lastError) })}
        </span>
      )}
      {item.discardReason && (
        <span className="outbox-row-line">{t('outbox.discardReason', { reason: item.discardReason })}</span>
      )}
    </>
  )
}
