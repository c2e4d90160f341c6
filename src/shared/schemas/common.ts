import { z } from 'zod'
import { hasControlChars } from '../lookup'

/** Building blocks every part of the contract uses. */

export const MoneySchema = z.object({ minor: z.number().int(), currency: z.string() })

export const LanguageSchema = z.enum(['es', 'en'])
export type Language = z.infer<typeof LanguageSchema>

/** Trimmed text of at most `max` characters with no control characters. */
export const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControlChars(value), { message: 'controlChars' })
