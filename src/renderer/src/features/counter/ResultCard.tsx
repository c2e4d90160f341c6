import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeferredPayment } from '@shared/contract'
import { Fact } from '../../shared/Fact'
import { formatAmount, formatDateTime } from '../../shared/format'
import { DecisionPanel } from './DecisionPanel'
import { processingStatusText } from './payment-text'
import { useCounter } from './use-counter'

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
        <Fact label={t('card.processingStatus')}>
          <span className={`processing processing-${payment.processingStatus ?? 'unknown'}`}>
            {processingStatusText(t, payment.processingStatus)}
          </span>
        </Fact>
        <Fact label={t('card.payerName')}>{text(payment.payer.name)}</Fact>
        <Fact label={t('card.email')}>{text(payment.payer.email)}</Fact>
        <Fact label={t('card.phone')}>{text(payment.payer.phone)}</Fact>
        <Fact label={t('card.idNumber')}>{text(payment.payer.idNumber)}</Fact>
        <Fact label={t('card.transactionId')}>{payment.transactionId}</Fact>
        <Fact label={t('card.traceId')}>{text(payment.traceId)}</Fact>
        <Fact label={t('card.merchantId')}>{text(payment.merchantId)}</Fact>
        {payment.merchantTransactionId && (
          <Fact label={t('card.merchantTransactionId')}>{payment.merchantTransactionId}</Fact>
        )}
        <Fact label={t('card.operationDate')}>
          {date && payment.operationDate ? (
            <time dateTime={payment.operationDate}>{date}</time>
          ) : (
            text(payment.operationDateRaw)
          )}
        </Fact>
        <Fact label={t('card.channel')}>{text(payment.channel)}</Fact>
        <Fact label={t('card.paymentMethod')}>{text(payment.paymentMethod)}</Fact>
        {payment.description && <Fact label={t('card.description')}>{payment.description}</Fact>}
      </dl>
      <DecisionPanel />
    </section>
  )
}
