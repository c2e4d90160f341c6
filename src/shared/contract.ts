import { z } from 'zod'
import {
  CloseShiftSchema,
  JournalPageSchema,
  JournalQuerySchema,
  JournalVerificationSchema,
  OpenShiftSchema,
  ShiftSchema,
  ZReportSchema
} from './books'
import { DEPOSIT_LIMITS, DEPOSIT_MAX_LENGTH, EMAIL_PATTERN, PHONE_PATTERN } from './deposit-rules'
import { AppErrorSchema, ProviderSchema, type AppError } from './errors'
import {
  AUTH_CODE_MAX_LENGTH,
  LookupKeySchema,
  LookupQuerySchema,
  NOTE_MAX_LENGTH,
  hasControlChars
} from './lookup'
import { eventNames, ipcChannel, operationNames, type EventName, type OperationName } from './operations'

/**
 * THE contract between the renderer and main. Every operation and event is declared here
 * once; main registers handlers from it, preload derives one function per operation from
 * it, the harness serves it over HTTP, and the renderer's bridge client is typed from it.
 */

export const MoneySchema = z.object({ minor: z.number().int(), currency: z.string() })

export const LanguageSchema = z.enum(['es', 'en'])
export type Language = z.infer<typeof LanguageSchema>

// ---------------------------------------------------------------- app + settings

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'harness']),
  terminal: z.string(),
  operator: z.string(),
  language: LanguageSchema
})

export const LukaEnvironmentSchema = z.enum(['qa', 'production', 'custom'])

export const PublicSettingsSchema = z.object({
  lukaEnvironment: LukaEnvironmentSchema,
  lukaCustomUrl: z.string(),
  /** the URL actually used (environment, custom URL or LUKA_BASE_URL) */
  lukaBaseUrl: z.string(),
  lukaUsername: z.string(),
  /** the password itself never leaves main */
  hasLukaPassword: z.boolean(),
  terminal: z.string(),
  operator: z.string(),
  language: LanguageSchema,
  luxcoreBaseUrl: z.string(),
  /** the key itself never leaves main */
  hasLuxcoreApiKey: z.boolean(),
  luxcoreKeyMode: z.enum(['test', 'live', 'unknown']).nullable(),
  /** settings fixed by environment variables (read-only in the UI) */
  overridden: z.array(z.string()),
  encryptionAvailable: z.boolean()
})
export type PublicSettings = z.infer<typeof PublicSettingsSchema>

const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControlChars(value), { message: 'controlChars' })

/**
 * A provider URL typed in the settings: https, or plain http only to this computer (a local
 * test server). Credentials are sent there, so nothing else is accepted from the UI;
 * provisioning can still set any URL with LUKA_BASE_URL / LUXCORE_BASE_URL.
 */
const ProviderUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => value === '' || /^https:\/\/[^\s]+$/i.test(value) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/[^\s]*)?$/i.test(value), {
    message: 'url'
  })

export const SettingsUpdateSchema = z
  .object({
    lukaEnvironment: LukaEnvironmentSchema,
    lukaCustomUrl: ProviderUrlSchema,
    lukaUsername: shortText(200),
    /** write-only; an empty string leaves the stored password as it is */
    lukaPassword: z.string().max(500),
    terminal: shortText(100),
    operator: shortText(100),
    language: LanguageSchema,
    luxcoreBaseUrl: ProviderUrlSchema,
    /** write-only; an empty string leaves the stored key as it is */
    luxcoreApiKey: z.string().trim().max(500)
  })
  .partial()
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>

// ---------------------------------------------------------------- Luka

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

const TransactionIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

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
export type DecisionRequestInput = z.input<typeof DecisionRequestSchema>
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

// ---------------------------------------------------------------- outbox

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

const OutboxIdSchema = z.object({ id: z.string().min(1).max(64) })

// ---------------------------------------------------------------- LuxCore

export const LuxcoreMethodSchema = z.enum(['oxxo', 'cash'])
export type LuxcoreMethod = z.infer<typeof LuxcoreMethodSchema>

/** luxcore-payments-guide.txt, Payment Statuses; an unknown word is kept as it came. */
export const LUXCORE_TERMINAL_STATUSES = ['completed', 'failed', 'cancelled', 'expired', 'refunded', 'partial_refund'] as const

export const LuxcoreStatusSchema = z.object({
  configured: z.boolean(),
  /** qp_test_… / qp_prod_… — shown prominently so nobody takes real money on a test key */
  keyMode: z.enum(['test', 'live', 'unknown']).nullable(),
  baseUrl: z.string()
})
export type LuxcoreStatus = z.infer<typeof LuxcoreStatusSchema>

/** A LuxCore payment as read back (leniently) from the API. */
export const LuxcorePaymentSchema = z.object({
  transactionId: z.string(),
  status: z.string(),
  amount: MoneySchema,
  fee: MoneySchema.nullable(),
  net: MoneySchema.nullable(),
  method: z.string().nullable(),
  type: z.string().nullable(),
  merchantReference: z.string().nullable(),
  createdAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  customer: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /**
   * Every instruction object the reply carried (bank_details, payment_page, redirect_url,
   * voucher, reference, barcode…), JSON-safe and size-capped: the exact OXXO/cash shape is
   * not public, so the panel renders whatever comes.
   */
  instructions: z.record(z.string(), z.unknown()),
  /** a value to draw as a barcode, when the reply carries one */
  barcode: z.string().nullable(),
  terminal: z.boolean()
})
export type LuxcorePayment = z.infer<typeof LuxcorePaymentSchema>

/** A deposit this counter created: its local record, and the payment once LuxCore has it. */
export const DepositSchema = z.object({
  merchantReference: z.string(),
  method: LuxcoreMethodSchema,
  amount: MoneySchema,
  description: z.string(),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  /** queued: waiting in the outbox · created: LuxCore has it · attention / discarded: see the outbox */
  state: z.enum(['queued', 'created', 'attention', 'discarded']),
  createdAt: z.string(),
  outboxId: z.string().nullable(),
  error: AppErrorSchema.nullable(),
  payment: LuxcorePaymentSchema.nullable(),
  /** a cancel request waiting in the outbox */
  cancelling: z.boolean()
})
export type Deposit = z.infer<typeof DepositSchema>

const optionalText = (max: number) => shortText(max).default('')

export { DEPOSIT_LIMITS }

export const CreateDepositSchema = z
  .object({
    method: LuxcoreMethodSchema,
    /** minor units, already converted exactly from what the teller typed */
    amount: z
      .object({ minor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), currency: z.literal('MXN') })
      .refine((amount) => amount.minor >= DEPOSIT_LIMITS.MXN.min, { message: 'belowMinimum' })
      .refine((amount) => amount.minor <= DEPOSIT_LIMITS.MXN.max, { message: 'aboveMaximum' }),
    description: optionalText(DEPOSIT_MAX_LENGTH.description),
    customer: z
      .object({
        name: optionalText(DEPOSIT_MAX_LENGTH.name),
        email: optionalText(DEPOSIT_MAX_LENGTH.email).refine((value) => value === '' || EMAIL_PATTERN.test(value), { message: 'email' }),
        phone: optionalText(DEPOSIT_MAX_LENGTH.phone).refine((value) => value === '' || PHONE_PATTERN.test(value), { message: 'phone' })
      })
      .default({ name: '', email: '', phone: '' })
  })
export type CreateDepositInput = z.input<typeof CreateDepositSchema>
export type CreateDeposit = z.output<typeof CreateDepositSchema>

export const ListPaymentsSchema = z.object({
  status: z.string().trim().max(40).optional(),
  method: LuxcoreMethodSchema.optional(),
  /** ISO 8601 */
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).default(0)
})

export const PaymentPageSchema = z.object({
  items: z.array(LuxcorePaymentSchema),
  /** when LuxCore says how many there are */
  total: z.number().int().nullable(),
  limit: z.number().int(),
  offset: z.number().int()
})

export const BalanceSchema = z.object({
  currency: z.string(),
  balance: MoneySchema,
  available: MoneySchema,
  frozen: MoneySchema
})

const ReferenceSchema = z.object({ merchantReference: z.string().min(1).max(100) })

// ---------------------------------------------------------------- the list

const none = z.undefined()

function operation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

// `satisfies` makes the compiler refuse a missing or an extra operation/event name.

export const contract = {
  'app.info': operation(none, AppInfoSchema),
  'settings.get': operation(none, PublicSettingsSchema),
  'settings.update': operation(SettingsUpdateSchema, PublicSettingsSchema),
  'luka.status': operation(none, LukaStatusSchema),
  'luka.signIn': operation(none, LukaStatusSchema),
  'luka.lookup': operation(LookupQuerySchema, LookupResultSchema),
  'luka.decide': operation(DecisionRequestSchema, DecisionRecordSchema),
  'luka.retryDecision': operation(z.object({ transactionId: TransactionIdSchema }), DecisionRecordSchema),
  'outbox.summary': operation(none, OutboxSummarySchema),
  'outbox.list': operation(none, OutboxListSchema),
  'outbox.retryNow': operation(OutboxIdSchema, OutboxItemViewSchema),
  'outbox.discard': operation(
    OutboxIdSchema.extend({ reason: shortText(NOTE_MAX_LENGTH).refine((value) => value !== '', { message: 'reasonRequired' }) }),
    OutboxItemViewSchema
  ),
  'luxcore.status': operation(none, LuxcoreStatusSchema),
  'luxcore.createDeposit': operation(CreateDepositSchema, DepositSchema),
  'luxcore.deposits': operation(none, z.array(DepositSchema)),
  'luxcore.refreshDeposit': operation(ReferenceSchema, DepositSchema),
  'luxcore.cancelDeposit': operation(ReferenceSchema, DepositSchema),
  'luxcore.listPayments': operation(ListPaymentsSchema, PaymentPageSchema),
  'luxcore.balance': operation(z.object({ currency: z.literal('MXN').default('MXN') }), BalanceSchema),
  'journal.query': operation(JournalQuerySchema, JournalPageSchema),
  'journal.status': operation(none, JournalVerificationSchema),
  'journal.verify': operation(none, JournalVerificationSchema),
  'shift.current': operation(none, z.object({ shift: ShiftSchema.nullable(), report: ZReportSchema.nullable() })),
  'shift.open': operation(OpenShiftSchema, ShiftSchema),
  'shift.close': operation(CloseShiftSchema, ZReportSchema),
  'shift.report': operation(z.object({ shiftId: z.string().min(1).max(64) }), ZReportSchema),
  'shift.list': operation(none, z.array(ShiftSchema)),
  /** Electron: the window as PDF through a save dialog. Browser mode answers NOT_CONFIGURED: use the browser's print. */
  'app.savePdf': operation(z.object({ name: z.string().trim().min(1).max(120) }), z.object({ saved: z.boolean(), path: z.string().nullable() }))
} as const satisfies Record<OperationName, { input: z.ZodType; output: z.ZodType }>

export const events = {
  'luka.status': LukaStatusSchema,
  'decision.updated': DecisionRecordSchema,
  'outbox.updated': OutboxSummarySchema,
  'outbox.item': OutboxItemViewSchema,
  'luxcore.deposit': DepositSchema,
  'journal.changed': JournalVerificationSchema
} as const satisfies Record<EventName, z.ZodType>

export { eventNames, ipcChannel, operationNames }
export type { EventName, OperationName }

export type OperationInput<K extends OperationName> = z.input<(typeof contract)[K]['input']>
export type OperationArgs<K extends OperationName> = z.output<(typeof contract)[K]['input']>
export type OperationOutput<K extends OperationName> = z.output<(typeof contract)[K]['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

/** What main implements (and the harness serves): input already validated. */
export type Handlers = {
  [K in OperationName]: (input: OperationArgs<K>) => Promise<Result<OperationOutput<K>>>
}

/** What the renderer calls: preload in Electron, the HTTP bridge in browser mode. */
export type TaquillaApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>
} & {
  events: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void }
}

/** Validates an operation's raw input with the contract; the VALIDATION error names the field. */
export function parseInput<K extends OperationName>(
  name: K,
  raw: unknown
): Result<OperationArgs<K>> {
  const parsed = contract[name].input.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data as OperationArgs<K> }
  const issue = parsed.error.issues[0]
  return {
    ok: false,
    error: {
      code: 'VALIDATION',
      field: issue?.path.join('.') || undefined,
      reason: issue?.code === 'custom' ? issue.message : issue?.code
    }
  }
}

export { LookupKeySchema }
