import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeferredPayment } from '@shared/contract'
import { formatAmount, formatDateTime } from '../../shared/format'
import { DecisionPanel } from './DecisionPanel'
import { processingStatusText } from './payment-text'
import { useCounter } from './use-counter'

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** The payment Luka found: amount first and large, then everything needed to check it. */
export function ResultCard({ payment }: { payment: DeferredPayment }) {
  const { t } = useTranslation()
  const language = useCounter((s) => s.language)
  const titleId = useId()
  const none = t('card.none')
  const text = (value: string | null): string => (value === null || value.trim() === '' ? none : value)
  const date = payment.operationDate ? formatDateTime(payment.operationDate, language) : null
  const usd = payment.amountUsd && payment.amountUsd.minor !== 0 ? payment.amountUsd : null

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {t('card.region')}
      </h2>
      <p className="amount">
        <span className="visually-hidden">{t('card.amount')}: </span>
        <span className="amount-value">{formatAmount(payment.amount, language)}</span>
      </p>
      {usd && (
        <p className="amount-usd">
          {t('card.amountUsd')}: {formatAmount(usd, language)}
        </p>
      )}
      <dl className="fields">
        <Item label={t('card.processingStatus')}>
          <span className={`processing processing-${payment.processingStatus ?? 'unknown'}`}>
            {processingStatusText(t, payment.processingStatus)}
          </span>
        </Item>
        <Item label={t('card.payerName')}>{text(payment.payer.name)}</Item>
        <Item label={t('card.email')}>{text(payment.payer.email)}</Item>
        <Item label={t('card.phone')}>{text(payment.payer.phone)}</Item>
        <Item label={t('card.idNumber')}>{text(payment.payer.idNumber)}</Item>
        <Item label={t('card.transactionId')}>{payment.transactionId}</Item>
        <Item label={t('card.traceId')}>{text(payment.traceId)}</Item>
        <Item label={t('card.merchantId')}>{text(payment.merchantId)}</Item>
        {payment.merchantTransactionId && (
          <Item label={t('card.merchantTransactionId')}>{payment.merchantTransactionId}</Item>
        )}
        <Item label={t('card.operationDate')}>
          {date && payment.operationDate ? (
            <time dateTime={payment.operationDate}>{date}</time>
          ) : (
            text(payment.operationDateRaw)
          )}
        </Item>
        <Item label={t('card.channel')}>{text(payment.channel)}</Item>
        <Item label={t('card.paymentMethod')}>{text(payment.paymentMethod)}</Item>
        {payment.description && <Item label={t('card.description')}>{payment.description}</Item>}
      </dl>
      <DecisionPanel />
    </section>
  )
}
