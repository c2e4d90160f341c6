import { z } from 'zod'
import {
  MoneySchema,
  OutboxKindSchema,
  OutboxStateSchema,
  type OutboxItemView,
  type OutboxKind,
  type OutboxState
} from '@shared/contract'
import { AppErrorSchema, ProviderSchema, type AppError, type Provider } from '@shared/errors'
import type { Money } from '@shared/money'

/** An outbox item as stored (one JSON line per change). Times are epoch ms. */
export const OutboxItemSchema = z.object({
  id: z.string(),
  provider: ProviderSchema,
  kind: OutboxKindSchema,
  /** one active item per key (e.g. `luka:96336`): one write in flight per transaction */
  key: z.string(),
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
  attention: z.object({ reason: z.enum(['rejected', 'conflict']), detail: z.string().nullable() }).nullable(),
  discardReason: z.string().nullable()
})
export type OutboxItem = z.infer<typeof OutboxItemSchema>

export const ACTIVE_STATES: readonly OutboxState[] = ['pending', 'sending', 'attention']

export interface NewItem {
  kind: OutboxKind
  provider: Provider
  key: string
  payload: unknown
  subject: OutboxItem['subject']
  amount: Money | null
}

/** What a verify step found out at the provider after an attempt of unknown outcome. */
export type VerifyOutcome =
  | { state: 'applied'; result: unknown }
  | { state: 'not-applied' }
  | { state: 'conflict'; detail: string }

/** How one kind of write is delivered. `send` throws AppFailure; `verify` asks the provider. */
export interface DeliveryHandler {
  send(payload: unknown): Promise<unknown>
  verify?(payload: unknown): Promise<VerifyOutcome>
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

export type { AppError }
