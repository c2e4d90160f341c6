import type { TFunction } from 'i18next'
import type { Language, OutboxItemView } from '@shared/contract'
import { providerName } from './error-text'
import { formatAmount } from './format'

/** What an item is about: "Aprobación · Luka 96336", or the merchant reference for LuxCore. */
export function subjectText(t: TFunction, item: OutboxItemView): string {
  const provider = providerName(item.provider)
  const { transactionId, decision, merchantReference } = item.subject
  if (item.kind === 'luka.notify') {
    const id = transactionId ?? merchantReference ?? t('card.none')
    return t(`outbox.subject.${decision ?? 'notify'}`, { provider, id })
  }
  const reference = merchantReference ?? (transactionId === null ? t('card.none') : String(transactionId))
  const key = ({ 'luxcore.create': 'create', 'lox24.sms': 'sms', 'lox24.topup': 'topup' } as const)[item.kind as string]
  return t(`outbox.subject.${key ?? 'cancel'}`, { provider, reference })
}

export function amountText(t: TFunction, item: OutboxItemView, language: Language): string {
  return item.amount ? formatAmount(item.amount, language) : t('outbox.noAmount')
}

/** Why a person must look, with the provider's detail when it gave one. */
export function attentionText(t: TFunction, item: OutboxItemView): string | null {
  if (!item.attention) return null
  const reason = t(`outbox.attention.${item.attention.reason}`, { provider: providerName(item.provider) })
  const detail = item.attention.detail?.trim()
  return detail ? `${reason}: ${detail}` : reason
}
