import { parseAmountInput, type AmountProblem, type Money } from '@shared/money'
import { changeOf } from '../../shared/receipts/receipt'

/** What the "cash received" field says about the change to give back. */
export type ChangeReading =
  | { kind: 'none' }
  | { kind: 'problem'; problem: Exclude<AmountProblem, 'empty'> }
  | { kind: 'change' | 'short' | 'exact'; tendered: Money; difference: Money }

/**
 * The cash typed by the teller, read exactly in the payment's currency, against the amount:
 * change when it is more, how much is missing when it is less. Never blocks anything.
 */
export function readChange(amount: Money, typed: string): ChangeReading {
  const parsed = parseAmountInput(typed, amount.currency)
  if ('problem' in parsed)
    return parsed.problem === 'empty' ? { kind: 'none' } : { kind: 'problem', problem: parsed.problem }
  const tendered = { minor: parsed.minor, currency: amount.currency }
  const change = changeOf(amount, tendered)
  if (!change) return { kind: 'none' }
  const kind = change.minor > 0 ? 'change' : change.minor < 0 ? 'short' : 'exact'
  return { kind, tendered, difference: { minor: Math.abs(change.minor), currency: amount.currency } }
}
