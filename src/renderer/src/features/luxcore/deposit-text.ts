import type { TFunction } from 'i18next'
import type { Deposit } from '@shared/contract'
import { isLuxcoreDocumented, LUXCORE_STATUSES } from '@shared/vocabulary'

/** The documented words are translated; others show as LuxCore sent them. */
export const luxcoreStatuses: readonly string[] = LUXCORE_STATUSES

export function statusText(t: TFunction, status: string): string {
  return isLuxcoreDocumented(status) ? t(`luxcore.statuses.${status}`) : status
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
