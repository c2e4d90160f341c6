import type { TFunction } from 'i18next'
import type { ZReport } from '@shared/books'
import type { Language } from '@shared/contract'
import type { CashReading } from '../../shared/cash-input'
import { formatAmount } from '../../shared/format'

/** The drawer's currencies, always offered; any other currency the shift saw is added after them. */
export const DRAWER_CURRENCIES = ['USD', 'VES', 'MXN'] as const

export function drawerCurrencies(report: ZReport | null): string[] {
  const seen = report?.currencies.map((row) => row.currency) ?? []
  return [
    ...DRAWER_CURRENCIES,
    ...seen.filter((currency) => !(DRAWER_CURRENCIES as readonly string[]).includes(currency))
  ]
}

/** counted − expected: "Sobrante USD 2,00", "Faltante USD 6,53", "Cuadra". */
export function varianceText(t: TFunction, variance: number, currency: string, language: Language): string {
  if (variance === 0) return t('shift.variance.even')
  const amount = formatAmount({ minor: Math.abs(variance), currency }, language)
  return t(variance > 0 ? 'shift.variance.over' : 'shift.variance.short', { amount })
}

/** "2 · USD 266,53" */
export function countAmountText(
  t: TFunction,
  total: { count: number; minor: number },
  currency: string,
  language: Language
): string {
  return t('zreport.countAmount', {
    count: total.count,
    amount: formatAmount({ minor: total.minor, currency }, language)
  })
}

/** The amount as understood, beside the field ("= USD 100,00"), or nothing while unreadable. */
export function understoodText(
  t: TFunction,
  reading: CashReading,
  currency: string,
  language: Language
): string | null {
  return 'minor' in reading
    ? t('shift.understood', { amount: formatAmount({ minor: reading.minor, currency }, language) })
    : null
}
