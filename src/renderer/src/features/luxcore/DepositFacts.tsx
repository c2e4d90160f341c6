import { useTranslation } from 'react-i18next'
import type { Deposit } from '@shared/contract'
import { Fact } from '../../shared/Fact'
import { formatAmount, formatDateTime } from '../../shared/format'
import { Countdown } from './Countdown'
import { methodText, statusText } from './deposit-text'
import { useLuxcore } from './use-luxcore'

/**
 * What identifies a deposit and what it costs: our reference always, LuxCore's transaction,
 * status, fee, net and expiry once LuxCore has it.
 */
export function DepositFacts({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation()
  const language = useLuxcore((s) => s.language)
  const none = t('luxcore.deposit.none')
  const payment = deposit.payment
  const when = (iso: string | null): string => (iso ? (formatDateTime(iso, language) ?? iso) : none)
  const customer = [deposit.customer.name, deposit.customer.email, deposit.customer.phone].filter(Boolean).join(' · ')

  return (
    <dl className="fields deposit-facts">
      <Fact label={t('luxcore.deposit.reference')}>{deposit.merchantReference}</Fact>
      {payment && <Fact label={t('luxcore.deposit.transactionId')}>{payment.transactionId}</Fact>}
      {payment && (
        <Fact label={t('luxcore.deposit.status')}>
          <span className={`luxcore-status luxcore-status-${payment.terminal ? 'final' : 'open'}`}>
            {statusText(t, payment.status)}
          </span>
        </Fact>
      )}
      <Fact label={t('luxcore.deposit.amount')}>{formatAmount(payment?.amount ?? deposit.amount, language)}</Fact>
      {payment && (
        <Fact label={t('luxcore.deposit.fee')}>{payment.fee ? formatAmount(payment.fee, language) : none}</Fact>
      )}
      {payment && (
        <Fact label={t('luxcore.deposit.net')}>{payment.net ? formatAmount(payment.net, language) : none}</Fact>
      )}
      <Fact label={t('luxcore.deposit.method')}>{methodText(t, payment?.method ?? deposit.method)}</Fact>
      <Fact label={t('luxcore.deposit.createdAt')}>{when(payment?.createdAt ?? deposit.createdAt)}</Fact>
      {payment && <Fact label={t('luxcore.deposit.expiresAt')}>{when(payment.expiresAt)}</Fact>}
      {payment?.expiresAt && !payment.terminal && (
        <Fact label={t('luxcore.deposit.countdown')}>
          <Countdown until={payment.expiresAt} />
        </Fact>
      )}
      {customer && <Fact label={t('luxcore.deposit.customer')}>{customer}</Fact>}
    </dl>
  )
}
