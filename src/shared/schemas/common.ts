import { z } from 'zod'
import { hasControlChars, hasHiddenChars } from '../lookup-rules'

/** Building blocks every part of the contract uses. */

export const MoneySchema = z.object({ minor: z.number().int(), currency: z.string() })

export const LanguageSchema = z.enum(['es', 'en'])
export type Language = z.infer<typeof LanguageSchema>

/** How far a caller may page into a list (a journal holds some 100 000 entries a year). */
export const MAX_OFFSET = 10_000_000

const noHiddenChars = (value: string) => !hasHiddenChars(value)

/**
 * Any text a caller sends: no bidi controls, zero-width characters or lone surrogates (they
 * make a reference or a name read differently from what is stored, and cannot be sent as UTF-8).
 */
export const cleanString = () => z.string().refine(noHiddenChars, { message: 'hiddenChars' })

/** Trimmed text of at most `max` characters with no control or hidden characters. */
export const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControlChars(value), { message: 'controlChars' })
    .refine(noHiddenChars, { message: 'hiddenChars' })

/** Like shortText, and never blank (the counter's terminal label, the operator's name). */
export const requiredText = (max: number) => shortText(max).refine((value) => value !== '', { message: 'required' })
