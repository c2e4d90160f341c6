/**
 * What the teller may search by and type, as plain rules (no zod): the renderer checks
 * input with these before any request, and lookup.ts builds the contract's schemas on them.
 */

/** luka-cash-payments.txt, query params */
export const lookupKeys = ['reference', 'transactionId', 'authorizationCode'] as const
export type LookupKey = (typeof lookupKeys)[number]

export const LOOKUP_MAX_LENGTH = 64
export const NOTE_MAX_LENGTH = 250
export const AUTH_CODE_MAX_LENGTH = 64

// C0/C1 control characters: a scanner's stray Tab or a pasted NUL must not reach Luka.
// eslint-disable-next-line no-control-regex -- this regex is about control characters
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value)
}

export type LookupProblem = 'empty' | 'tooLong' | 'controlChars' | 'notNumeric'

/** Checks an already-trimmed search value; the same rules run in the renderer and in main. */
export function lookupProblem(by: LookupKey, value: string): LookupProblem | null {
  if (value === '') return 'empty'
  if (value.length > LOOKUP_MAX_LENGTH) return 'tooLong'
  if (hasControlChars(value)) return 'controlChars'
  if (by === 'transactionId' && !/^\d{1,15}$/.test(value)) return 'notNumeric'
  return null
}
