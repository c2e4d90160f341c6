import { z } from 'zod'

/** What the teller can search a Luka deferred payment by (luka-cash-payments.txt, query params). */
export const lookupKeys = ['reference', 'transactionId', 'authorizationCode'] as const
export const LookupKeySchema = z.enum(lookupKeys)
export type LookupKey = z.infer<typeof LookupKeySchema>

export const LOOKUP_MAX_LENGTH = 64
// C0/C1 control characters: a scanner's stray Tab or a pasted NUL must not reach Luka.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/

export type LookupProblem = 'empty' | 'tooLong' | 'controlChars' | 'notNumeric'

/** Checks an already-trimmed search value; the same rules run in the renderer and in main. */
export function lookupProblem(by: LookupKey, value: string): LookupProblem | null {
  if (value === '') return 'empty'
  if (value.length > LOOKUP_MAX_LENGTH) return 'tooLong'
  if (CONTROL_CHARS.test(value)) return 'controlChars'
  if (by === 'transactionId' && !/^\d{1,15}$/.test(value)) return 'notNumeric'
  return null
}

export const LookupQuerySchema = z
  .object({ by: LookupKeySchema, value: z.string().max(4096) })
  // Scanners end with Enter (sometimes CR/LF or Tab); people paste with spaces around.
  .transform((query) => ({ by: query.by, value: query.value.trim() }))
  .superRefine((query, ctx) => {
    const problem = lookupProblem(query.by, query.value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] })
  })
export type LookupQueryInput = z.input<typeof LookupQuerySchema>
export type LookupQuery = z.output<typeof LookupQuerySchema>

export const NOTE_MAX_LENGTH = 250
export const AUTH_CODE_MAX_LENGTH = 64

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value)
}
