import { useTranslation } from 'react-i18next'
import { formatAmount, formatDateTime } from '../shared/format'
import type { SmsPrompt } from '../shared/receipt-offer'
import { useApp } from './use-app'

/**
 * What an SMS receipt would say for the operation on screen, or null: the shell joins the
 * counter's card (a delivered approval) to the SMS feature, which never sees the counter.
 * The text is in the teller's language: agency/terminal, amount with currency, reference,
 * Luka operation number, date. The phone is Luka's `InfoUsuarioPagador.NumeroTelefono`.
 * (A created LuxCore deposit and a payment link offer theirs inside their own panels, through
 * shared/receipt-offer.)
 */
export function useReceiptPrompt(): SmsPrompt | null {
  const { t } = useTranslation()
  const result = useApp((s) => s.result)
  const lookedUp = useApp((s) => s.lookedUp)
  const terminal = useApp((s) => s.terminal)
  const language = useApp((s) => s.language)
  const decision = result?.decision
  if (!result || decision?.decision !== 'approve' || decision.state !== 'delivered') return null
  const payment = result.payment
  const reference = decision.reference ?? lookedUp?.value ?? String(payment.transactionId)
  const text = t('lox24.sms.receipt.luka', {
    agency: terminal || 'Taquilla',
    amount: formatAmount(payment.amount, language),
    reference,
    operation: payment.transactionId,
    date: formatDateTime(decision.updatedAt, language) ?? ''
  })
  return { about: { kind: 'luka', ref: String(payment.transactionId) }, phone: payment.payer.phone ?? '', text }
}
