import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { AUTH_CODE_MAX_LENGTH, NOTE_MAX_LENGTH } from '../lookup'
import { MoneySchema, shortText } from './common'

/** Luka: connection state, the deferred payment, decisions. */

export const LukaStatusSchema = z.object({
  state: z.enum(['unconfigured', 'signed-out', 'signing-in', 'online', 'bad-credentials', 'offline']),
  /** ISO time of the last exchange with Luka */
  checkedAt: z.string().nullable(),
  error: AppErrorSchema.optional()
})
export type LukaStatus = z.infer<typeof LukaStatusSchema>

export const DeferredPaymentSchema = z.object({
  transactionId: z.number().int(),
  amount: MoneySchema,
  amountUsd: MoneySchema.nullable(),
  payer: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    idNumber: z.string().nullable()
  }),
  traceId: z.string().nullable(),
  merchantId: z.string().nullable(),
  merchantTransactionId: z.string().nullable(),
  /** ISO 8601 instant, or null when Luka sent something unreadable (raw kept beside it) */
  operationDate: z.string().nullable(),
  operationDateRaw: z.string().nullable(),
  channel: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  /** `InfoProceso.EstatusProcesamiento`, lower-cased: "pending", "success", or whatever Luka says */
  processingStatus: z.string().nullable(),
  description: z.string().nullable()
})
export type DeferredPayment = z.infer<typeof DeferredPaymentSchema>

export const DecisionKindSchema = z.enum(['approve', 'reject'])
export type DecisionKind = z.infer<typeof DecisionKindSchema>

export const TransactionIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const DecisionRequestSchema = z
  .object({
    transactionId: TransactionIdSchema,
    decision: DecisionKindSchema,
    /** Luka `Observaciones`; required to reject */
    note: shortText(NOTE_MAX_LENGTH).default(''),
    /** Luka `CodigoAutorizacion`, optional */
    authorizationCode: shortText(AUTH_CODE_MAX_LENGTH).default('')
  })
  .superRefine((request, ctx) => {
    if (request.decision === 'reject' && request.note === '') {
      ctx.addIssue({ code: 'custom', message: 'reasonRequired', path: ['note'] })
    }
  })
export type DecisionRequest = z.output<typeof DecisionRequestSchema>

/** Luka's answer to the notify call (luka-cash-payments.txt, Notify Payment response). */
export const NotifyReplySchema = z.object({
  id: z.number().nullable(),
  statusId: z.number().nullable(),
  statusDescription: z.string().nullable(),
  authorizationCode: z.string().nullable(),
  traceId: z.string().nullable(),
  amountText: z.string().nullable(),
  createdAt: z.string().nullable()
})
export type NotifyReply = z.infer<typeof NotifyReplySchema>

/**
 * sending: the first attempt is under way · queued: in the outbox, will be delivered ·
 * delivered: Luka confirmed · attention: Luka refused it or decided it the other way — a
 * person must look · discarded: a person removed it from the outbox, with a reason.
 */
export const DecisionStateSchema = z.enum(['sending', 'queued', 'delivered', 'attention', 'discarded'])

/** What this terminal decided for a transaction, and whether Luka has it. */
export const DecisionRecordSchema = z.object({
  transactionId: z.number().int(),
  decision: DecisionKindSchema,
  note: z.string(),
  authorizationCode: z.string(),
  amount: MoneySchema.nullable(),
  state: DecisionStateSchema,
  attempts: z.number().int(),
  decidedAt: z.string(),
  updatedAt: z.string(),
  reply: NotifyReplySchema.nullable(),
  error: AppErrorSchema.nullable(),
  /** the outbox item carrying it to Luka */
  outboxId: z.string().nullable(),
  /** the payment reference the teller searched, when the search was by reference */
  reference: z.string().nullable().default(null)
})
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>

export const LookupResultSchema = z.object({
  payment: DeferredPaymentSchema,
  /** this terminal's decision for the transaction, if any */
  decision: DecisionRecordSchema.nullable()
})
export type LookupResult = z.infer<typeof LookupResultSchema>
