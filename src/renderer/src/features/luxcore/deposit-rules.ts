import type { CreateDepositInput, LuxcoreMethod } from '@shared/contract'
import type { AppError } from '@shared/errors'
import { DEPOSIT_LIMITS, DEPOSIT_MAX_LENGTH, EMAIL_PATTERN, PHONE_PATTERN } from '@shared/deposit-rules'
import { hasControlChars } from '@shared/lookup-rules'
import { parseAmountInput, type AmountProblem } from '@shared/money'

/** The deposit rules come from shared/deposit-rules.ts, the same ones the contract's schema is built on. */
export { EMAIL_PATTERN, PHONE_PATTERN }
export const DEPOSIT_LIMITS_MXN = DEPOSIT_LIMITS.MXN
export const MAX_LENGTH = DEPOSIT_MAX_LENGTH

export interface DepositDraft {
  amount: string
  method: LuxcoreMethod
  name: string
  email: string
  phone: string
  description: string
}

export const emptyDraft: DepositDraft = { amount: '', method: 'oxxo', name: '', email: '', phone: '', description: '' }

export type DepositField = 'amount' | 'name' | 'email' | 'phone' | 'description'
export type AmountReason = AmountProblem | 'belowMinimum' | 'aboveMaximum'
/** What is wrong, per field: an AmountReason for the amount, a validation reason for the others. */
export type DepositProblems = Partial<Record<DepositField, string>>

export function checkAmount(text: string): { minor: number } | { problem: AmountReason } {
  const parsed = parseAmountInput(text, 'MXN')
  if ('problem' in parsed) return parsed
  if (parsed.minor < DEPOSIT_LIMITS_MXN.min) return { problem: 'belowMinimum' }
  if (parsed.minor > DEPOSIT_LIMITS_MXN.max) return { problem: 'aboveMaximum' }
  return parsed
}

function textProblem(value: string, pattern?: RegExp, reason?: string): string | null {
  if (hasControlChars(value)) return 'controlChars'
  return pattern && value !== '' && !pattern.test(value) ? (reason ?? null) : null
}

/** The request to send, or what to fix first (in the form's order). */
export function checkDeposit(draft: DepositDraft): { input: CreateDepositInput } | { problems: DepositProblems } {
  const trimmed = {
    name: draft.name.trim(),
    email: draft.email.trim(),
    phone: draft.phone.trim(),
    description: draft.description.trim()
  }
  const amount = checkAmount(draft.amount)
  const problems: DepositProblems = {}
  if ('problem' in amount) problems.amount = amount.problem
  const found = {
    name: textProblem(trimmed.name),
    email: textProblem(trimmed.email, EMAIL_PATTERN, 'email'),
    phone: textProblem(trimmed.phone, PHONE_PATTERN, 'phone'),
    description: textProblem(trimmed.description)
  }
  for (const [field, problem] of Object.entries(found)) if (problem) problems[field as DepositField] = problem
  if ('problem' in amount || Object.keys(problems).length > 0) return { problems }
  return {
    input: {
      method: draft.method,
      amount: { minor: amount.minor, currency: 'MXN' },
      description: trimmed.description,
      customer: { name: trimmed.name, email: trimmed.email, phone: trimmed.phone }
    }
  }
}

const own = (table: Record<string, DepositField>, key: string): DepositField | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined

const reasonFields: Record<string, DepositField> = {
  belowMinimum: 'amount',
  aboveMaximum: 'amount',
  email: 'email',
  phone: 'phone'
}
const pathFields: Record<string, DepositField> = {
  amount: 'amount',
  'amount.minor': 'amount',
  description: 'description',
  'customer.name': 'name',
  'customer.email': 'email',
  'customer.phone': 'phone'
}

/** main's VALIDATION for a deposit, on the field it names (its reason, or the field path). */
export function problemsFromError(error: AppError | null): DepositProblems {
  if (error?.code !== 'VALIDATION') return {}
  const reason = error.reason ?? ''
  const field = own(reasonFields, reason) ?? own(pathFields, error.field ?? '')
  if (!field) return {}
  if (field === 'amount' && !own(reasonFields, reason)) return { amount: reason === 'too_big' ? 'tooLarge' : 'format' }
  return { [field]: reason }
}
