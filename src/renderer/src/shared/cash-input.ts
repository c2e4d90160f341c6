import { parseAmountInput, type AmountProblem } from '@shared/money'

/** Cash in a drawer: blank and zero are 0, never negative; read exactly, in minor units. */
export type CashReading = { minor: number } | { problem: Exclude<AmountProblem, 'empty'> }

export function readCash(typed: string, currency: string): CashReading {
  if (typed.trim() === '') return { minor: 0 }
  const parsed = parseAmountInput(typed, currency)
  if ('minor' in parsed) return parsed
  // parseAmountInput refuses 0 (a payment is never 0); a float or a count may be
  if (parsed.problem === 'notPositive' && !typed.includes('-')) return { minor: 0 }
  if (parsed.problem === 'empty') return { problem: 'format' }
  return { problem: parsed.problem }
}
