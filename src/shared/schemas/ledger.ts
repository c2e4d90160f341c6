import { z } from 'zod'
import { isAllowedProviderUrl } from '../provider-url'
import { SupervisorApprovalSchema } from './approval'
import { requiredText, shortText } from './common'

/** The agency ledger as the counter sees it (issue 15): enrolment and how far the copy is behind. */

export const LedgerStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('upToDate') }),
  z.object({ state: z.literal('behind'), behind: z.number().int().min(0) }),
  z.object({ state: z.literal('unreachable'), behind: z.number().int().min(0) }),
  /** the server's own word (badSignature, unknownTerminal…), `mismatch` (the anchor), `noKey` (key not for this server) */
  z.object({ state: z.literal('refused'), code: z.string() }),
  /** not enrolled, or training mode (training entries never reach the agency ledger) */
  z.object({ state: z.literal('off') })
])
export type LedgerState = z.infer<typeof LedgerStateSchema>

export const LedgerViewSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string(),
  terminalId: z.string().nullable(),
  agency: z.string(),
  counter: z.string(),
  status: LedgerStateSchema,
  lastSyncAt: z.string().nullable(),
  training: z.boolean()
})
export type LedgerView = z.infer<typeof LedgerViewSchema>

/** https anywhere, plain http only to this computer: the provider URLs' rule (provider-url.ts). */
const LedgerUrlSchema = shortText(300).refine(isAllowedProviderUrl, { message: 'url' })

export const LedgerEnrolSchema = z.object({
  serverUrl: LedgerUrlSchema,
  /** the owner page's one-time code, e.g. ABCD-EFGH-JKMN */
  code: requiredText(64),
  agency: requiredText(100),
  counter: requiredText(100),
  approval: SupervisorApprovalSchema.optional()
})
export type LedgerEnrol = z.infer<typeof LedgerEnrolSchema>

export const LedgerLeaveSchema = z.object({ approval: SupervisorApprovalSchema.optional() })
