import { useTranslation } from 'react-i18next'
import type { PaymentLink } from '@shared/contract'
import { formatAmount, formatDateTime } from '../../shared/format'
import type { SmsPrompt } from '../../shared/receipt-offer'
import { useLink } from './use-link'

/**
 * The SMS for a created payment link: agency, amount, the link's URL (where the customer
 * pays), Luka's order number (else our trace), date. No phone to offer: the teller types it.
 */
export function useLinkSms(link: PaymentLink & { url: string }): SmsPrompt {
  const { t } = useTranslation()
  const terminal = useLink((s) => s.terminal)
  const language = useLink((s) => s.language)
  const text = t('lox24.sms.receipt.link', {
    agency: terminal || 'Taquilla',
    amount: formatAmount(link.amount, language),
    url: link.url,
    reference: link.orderNumber ?? link.trace,
    date: formatDateTime(link.createdAt, language) ?? ''
  })
  return { about: { kind: 'link', ref: link.trace }, phone: '', text }
}
