import { z } from 'zod'
import { AppErrorSchema, ProviderSchema } from '../errors'
import { MoneySchema, shortText } from './common'
import { DecisionKindSchema } from './luka'

/** The outbox, as the teller sees it. */

export const OutboxStateSchema = z.enum(['pending', 'sending', 'delivered', 'attention', 'discarded'])

export const AttentionReasonSchema = z.enum(['rejected', 'conflict', 'unverified'])
export type OutboxState = z.infer<typeof OutboxStateSchema>

export const OutboxKindSchema = z.enum(['luka.notify', 'luxcore.create', 'luxcore.cancel'])
export type OutboxKind = z.infer<typeof OutboxKindSchema>

/** One provider write waiting in (or gone through) the outbox, as the teller sees it. */
export const OutboxItemViewSchema = z.object({
  id: z.string(),
  provider: ProviderSchema,
  kind: OutboxKindSchema,
  /** what it is about, in provider terms */
  subject: z.object({
    transactionId: z.number().int().nullable(),
    decision: DecisionKindSchema.nullable(),
    merchantReference: z.string().nullable()
  }),
  amount: MoneySchema.nullable(),
  state: OutboxStateSchema,
  attempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** when the drainer will try again (pending only) */
  nextAttemptAt: z.string().nullable(),
  lastError: AppErrorSchema.nullable(),
  /**
   * why a person must look: the provider refused it, the transaction was decided the other
   * way, or the provider's answer could not tell whether the write took effect
   */
  attention: z.object({ reason: AttentionReasonSchema, detail: z.string().nullable() }).nullable(),
  discardReason: z.string().nullable()
})
export type OutboxItemView = z.infer<typeof OutboxItemViewSchema>

export const ProviderStateSchema = z.enum(['online', 'degraded', 'offline'])

export const OutboxSummarySchema = z.object({
  providers: z.array(
    z.object({
      provider: ProviderSchema,
      state: ProviderStateSchema,
      /** pending + sending */
      waiting: z.number().int(),
      attention: z.number().int(),
      /** ISO time the oldest waiting item was accepted */
      oldestAt: z.string().nullable()
    })
  ),
  /** waiting amounts per currency (pending + sending + attention) */
  totals: z.array(z.object({ currency: z.string(), minor: z.number().int(), count: z.number().int() }))
})
export type OutboxSummary = z.infer<typeof OutboxSummarySchema>

export const OutboxListSchema = z.object({
  /** pending, sending and attention items, oldest first */
  active: z.array(OutboxItemViewSchema),
  /** recently delivered or discarded, newest first */
  history: z.array(OutboxItemViewSchema)
})

export const OutboxIdSchema = z.object({ id: shortText(64).min(1) })
