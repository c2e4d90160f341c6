import { z } from 'zod'
import { lookupKeys, lookupProblem } from './lookup-rules'

export * from './lookup-rules'

export const LookupKeySchema = z.enum(lookupKeys)

export const LookupQuerySchema = z
  .object({ by: LookupKeySchema, value: z.string().max(4096) })
  // Scanners end with Enter (sometimes CR/LF or Tab); people paste with spaces around.
  .transform((query) => ({ by: query.by, value: query.value.trim() }))
  .superRefine((query, ctx) => {
    const problem = lookupProblem(query.by, query.value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] })
  })
export type LookupQuery = z.output<typeof LookupQuerySchema>
