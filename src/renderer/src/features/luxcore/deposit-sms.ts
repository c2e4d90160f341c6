import { useTranslation } from 'react-i18next'
import type { Deposit } from '@shared/contract'
import { formatAmount, formatDateTime } from '../../shared/format'
import type { SmsPrompt } from '../../shared/receipt-offer'
import { useLuxcore } from './use-luxcore'

/**
 * The SMS receipt for a deposit LuxCore created: agency, amount, our merchant reference (what
 * the customer quotes), LuxCore's transaction id, date. The phone is the one typed in the
 * form, if any — LuxCore has no payer's phone to offer.
 */
export function useDepositSms(deposit: Deposit): SmsPrompt | null {
  const { t } = useTranslation()
  const terminal = useLuxcore((s) => s.terminal)
  const language = useLuxcore((s) => s.language)
  if (deposit.state !== 'created' || !deposit.payment) return null
  const text = t('lox24.sms.receipt.luxcore', {
    agency: terminal || 'Taquilla',
    amount: formatAmount(deposit.payment.amount, language),
    reference: deposit.merchantReference,
    operation: deposit.payment.transactionId,
    date: formatDateTime(deposit.createdAt, language) ?? ''
  })
  return { about: { kind: 'luxcore', ref: deposit.merchantReference }, phone: deposit.customer.phone, text }
}
