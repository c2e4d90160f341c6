import type { TFunction } from 'i18next'

/** Luka's `EstatusProcesamiento` in the teller's words; unknown values are shown as Luka sent them. */
export function processingStatusText(t: TFunction, status: string | null): string {
  if (status === 'pending') return t('card.statuses.pending')
  if (status === 'success') return t('card.statuses.success')
  return status ?? t('card.none')
}
