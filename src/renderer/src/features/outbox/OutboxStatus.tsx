import { useTranslation } from 'react-i18next'
import { errorLine, providerName } from '../../shared/error-text'
import { formatAmount, formatRelative } from '../../shared/format'
import { useNow } from '../../shared/use-now'
import { useOutbox } from './use-outbox'
import './outbox-status.css'

/**
 * The status bar's view of the outbox: per provider its state, what waits and since when,
 * then the amounts waiting per currency. The ages refresh every 30 s.
 */
export function OutboxStatus() {
  const { t } = useTranslation()
  const summary = useOutbox((s) => s.outboxSummary)
  const error = useOutbox((s) => s.outboxSummaryError)
  const language = useOutbox((s) => s.language)
  const now = useNow(30_000)

  if (!summary) {
    return error ? (
      <p className="status-item outbox-error">
        {t('outbox.summaryError')} {errorLine(t, error)}
      </p>
    ) : null
  }

  return (
    <div className="outbox-status" role="group" aria-label={t('outbox.status')}>
      {summary.providers.map((entry) => {
        const age = entry.oldestAt && entry.waiting > 0 ? formatRelative(entry.oldestAt, now, language) : null
        const parts = [t('outbox.waiting', { count: entry.waiting })]
        if (age) parts.push(t('outbox.oldest', { age }))
        if (entry.attention > 0) parts.push(t('outbox.attentionCount', { count: entry.attention }))
        return (
          <p key={entry.provider} className={`status-item outbox-provider provider-${entry.state}`}>
            <strong>
              {t('outbox.provider', {
                provider: providerName(entry.provider),
                state: t(`outbox.providerStates.${entry.state}`)
              })}
            </strong>
            {' · '}
            {parts.join(' · ')}
            {entry.attention > 0 && (
              <span className="outbox-attention-mark" aria-hidden="true">
                {' '}
                ⚠
              </span>
            )}
          </p>
        )
      })}
      {summary.totals.length > 0 && (
        <p className="status-item outbox-totals">
          {t('outbox.totals')}{' '}
          {summary.totals
            .map((total) =>
              t('outbox.total', {
                amount: formatAmount({ minor: total.minor, currency: total.currency }, language),
                count: total.count
              })
            )
            .join(' · ')}
        </p>
      )}
    </div>
  )
}
