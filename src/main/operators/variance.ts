import type { CurrencyTotals } from '@shared/books'
import { currencyExponent } from '@shared/money'
import type { Env } from '../settings/settings'

/** TAQUILLA_VARIANCE_LIMIT: major units, the same for every currency; default 0 = any variance needs a supervisor. */
export function varianceLimit(env: Env): number {
  const limit = Number(env['TAQUILLA_VARIANCE_LIMIT']?.trim() || '0')
  return Number.isFinite(limit) && limit >= 0 ? limit : 0
}

/** Whether any currency's counted cash differs from the expected by more than the limit. */
export function beyondVarianceLimit(rows: readonly CurrencyTotals[], limitMajor: number): boolean {
  return rows.some((row) => Math.abs(row.variance ?? 0) > Math.round(limitMajor * 10 ** currencyExponent(row.currency)))
}
