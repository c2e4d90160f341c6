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

// Invisible characters that make text read differently from what is stored ("Trojan Source",
// CVE-2021-42574): bidi marks, embeddings, overrides and isolates, zero-width spaces and joiners,
// the BOM. And lone UTF-16 surrogates: no valid text has them, and they cannot be sent as UTF-8.
const HIDDEN_CHARS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function hasHiddenChars(value: string): boolean {
  return HIDDEN_CHARS.test(value) || LONE_SURROGATE.test(value)
}

export type LookupProblem = 'empty' | 'tooLong' | 'controlChars' | 'hiddenChars' | 'notNumeric'

/** Checks an already-trimmed search value; the same rules run in the renderer and in main. */
export function lookupProblem(by: LookupKey, value: string): LookupProblem | null {
  if (value === '') return 'empty'
  if (value.length > LOOKUP_MAX_LENGTH) return 'tooLong'
  if (hasControlChars(value)) return 'controlChars'
  if (hasHiddenChars(value)) return 'hiddenChars'
  if (by === 'transactionId' && !/^\d{1,15}$/.test(value)) return 'notNumeric'
  return null
}
