import type { TFunction } from 'i18next'
import type { Deposit } from '@shared/contract'

/** luxcore-payments-guide.txt, Payment Statuses: the words we translate; others show as LuxCore sent them. */
const documentedStatuses = [
  'pending',
  'processing',
  'completed',
  'failed',
  'cancelled',
  'expired',
  'refunded',
  'partial_refund'
] as const
type DocumentedStatus = (typeof documentedStatuses)[number]

const isDocumented = (status: string): status is DocumentedStatus =>
  (documentedStatuses as readonly string[]).includes(status)

export const luxcoreStatuses: readonly string[] = documentedStatuses

export function statusText(t: TFunction, status: string): string {
  return isDocumented(status) ? t(`luxcore.statuses.${status}`) : status
}

export function methodText(t: TFunction, method: string | null): string {
  if (method === 'oxxo' || method === 'cash') return t(`luxcore.methods.${method}`)
  return method ?? t('luxcore.deposit.none')
}

/** One word for where a deposit stands: LuxCore's status once it has it, else ours. */
export function progressText(t: TFunction, deposit: Deposit): string {
  if (deposit.state === 'created') return deposit.payment ? statusText(t, deposit.payment.status) : deposit.state
  return t(`luxcore.list.states.${deposit.state}`)
}
