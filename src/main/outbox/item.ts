import { z } from 'zod'
import {
  AttentionReasonSchema,
  MoneySchema,
  OutboxKindSchema,
  OutboxStateSchema,
  type OutboxItemView,
  type OutboxKind,
  type OutboxState
} from '@shared/contract'
import { AppErrorSchema, ProviderSchema, type Provider } from '@shared/errors'
import type { Money } from '@shared/money'

/** An outbox item as stored (one JSON line per change). Times are epoch ms. */
export const OutboxItemSchema = z.object({
  id: z.string(),
  provider: ProviderSchema,
  kind: OutboxKindSchema,
  /** one active item per key (e.g. `luka:96336`): one write in flight per transaction */
  key: z.string(),
  /** where and as whom the write was accepted (base URL + account); delivery refuses another */
  endpoint: z.string().nullable().default(null),
  payload: z.unknown(),
  subject: z.object({
    transactionId: z.number().int().nullable(),
    decision: z.enum(['approve', 'reject']).nullable(),
    merchantReference: z.string().nullable()
  }),
  amount: MoneySchema.nullable(),
  state: OutboxStateSchema,
  attempts: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  nextAttemptAt: z.number(),
  lastError: AppErrorSchema.nullable(),
  /** the last attempt may have reached the provider: ask before sending again */
  outcomeUnknown: z.boolean(),
  result: z.unknown(),
  attention: z.object({ reason: AttentionReasonSchema, detail: z.string().nullable() }).nullable(),
  discardReason: z.string().nullable()
})
export type OutboxItem = z.infer<typeof OutboxItemSchema>
export type AttentionReason = z.infer<typeof AttentionReasonSchema>

export const ACTIVE_STATES: readonly OutboxState[] = ['pending', 'sending', 'attention']

export interface NewItem {
  kind: OutboxKind
  provider: Provider
  key: string
  payload: unknown
  subject: OutboxItem['subject']
  amount: Money | null
  endpoint?: string | null
}

/** What a verify step found out at the provider after an attempt of unknown outcome. */
export type VerifyOutcome =
  | { state: 'applied'; result: unknown }
  | { state: 'not-applied' }
  /** the provider holds the other outcome */
  | { state: 'conflict'; detail: string }
  /** the provider answered something we cannot read as either: a person must look */
  | { state: 'unverified'; detail: string }

/**
 * How one kind of write is delivered. `send` throws AppFailure; `verify` asks the provider.
 * Both get the endpoint the item was accepted for, and must refuse (ENDPOINT_CHANGED) if the
 * settings now point elsewhere.
 */
export interface DeliveryHandler {
  send(payload: unknown, endpoint: string | null): Promise<unknown>
  verify?(payload: unknown, endpoint: string | null): Promise<VerifyOutcome>
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

export function toView(item: OutboxItem): OutboxItemView {
  return {
    id: item.id,
    provider: item.provider,
    kind: item.kind,
    subject: item.subject,
    amount: item.amount,
    state: item.state,
    attempts: item.attempts,
    createdAt: iso(item.createdAt)!,
    updatedAt: iso(item.updatedAt)!,
    nextAttemptAt: item.state === 'pending' ? iso(item.nextAttemptAt) : null,
    lastError: item.lastError,
    attention: item.attention,
    discardReason: item.discardReason
  }
}
