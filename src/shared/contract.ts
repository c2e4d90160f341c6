import { z } from 'zod'
import {
  AcknowledgeIncidentSchema,
  CloseShiftSchema,
  JournalPageSchema,
  JournalQuerySchema,
  JournalVerificationSchema,
  OpenShiftSchema,
  ShiftSchema,
  XReportSchema,
  ZReportSchema
} from './books'
import type { AppError } from './errors'
import { LookupQuerySchema, NOTE_MAX_LENGTH } from './lookup'
import { eventNames, ipcChannel, operationNames, type EventName, type OperationName } from './operations'
import {
  AppInfoSchema,
  PrintRequestSchema,
  PrinterSchema,
  PublicSettingsSchema,
  SettingsUpdateSchema,
  StorageStatusSchema,
  UpdateStatusSchema
} from './schemas/app'
import { SupervisorApprovalSchema } from './schemas/approval'
import { shortText } from './schemas/common'
import {
  CreateLinkSchema,
  CustomerViewSchema,
  DisplayContentSchema,
  LinkCheckSchema,
  LinkConfigSchema,
  LinkTraceSchema,
  PaymentLinkSchema
} from './schemas/link'
import {
  DecisionRecordSchema,
  DecisionRequestSchema,
  LookupResultSchema,
  LukaStatusSchema,
  TransactionIdSchema
} from './schemas/luka'
import {
  BalanceSchema,
  CreateDepositSchema,
  DepositSchema,
  ListPaymentsSchema,
  LuxcoreStatusSchema,
  PaymentPageSchema,
  ReferenceSchema
} from './schemas/luxcore'
import {
  CreateTopupSchema,
  Lox24AccountSchema,
  Lox24StatusSchema,
  PaymentMethodsSchema,
  SendSmsSchema,
  SmsRecordSchema,
  TopupSchema
} from './schemas/lox24'
import {
  AddOperatorSchema,
  DisableOperatorSchema,
  IdleLockSchema,
  OperatorsStateSchema,
  ResetPinSchema,
  SignInSchema
} from './schemas/operators'
import { LedgerEnrolSchema, LedgerLeaveSchema, LedgerViewSchema } from './schemas/ledger'
import { OutboxIdSchema, OutboxItemViewSchema, OutboxListSchema, OutboxSummarySchema } from './schemas/outbox'
import { TrainingStateSchema } from './schemas/training'

/**
 * THE contract between the renderer and main. Every operation and event is declared here
 * once; main registers handlers from it, preload derives one function per operation from
 * it, the harness serves it over HTTP, and the renderer's bridge client is typed from it.
 * The schemas themselves live by area in ./schemas/ and are re-exported from here.
 */
export * from './schemas/app'
export * from './schemas/common'
export * from './schemas/ledger'
export * from './schemas/link'
export * from './schemas/luka'
export * from './schemas/lox24'
export * from './schemas/luxcore'
export * from './schemas/operators'
export * from './schemas/outbox'
export * from './schemas/training'

// ---------------------------------------------------------------- the list

const none = z.undefined()

function operation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

// `satisfies` makes the compiler refuse a missing or an extra operation/event name.

export const contract = {
  'app.info': operation(none, AppInfoSchema),
  /** damage found in the data files and whether the disk takes writes: the app-wide warning */
  'app.storage': operation(none, StorageStatusSchema),
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
    OutboxIdSchema.extend({
      reason: shortText(NOTE_MAX_LENGTH).refine((value) => value !== '', { message: 'reasonRequired' }),
      approval: SupervisorApprovalSchema.optional()
    }),
    OutboxItemViewSchema
  ),
  'luxcore.status': operation(none, LuxcoreStatusSchema),
  'luxcore.createDeposit': operation(CreateDepositSchema, DepositSchema),
  'luxcore.deposits': operation(none, z.array(DepositSchema)),
  'luxcore.refreshDeposit': operation(ReferenceSchema, DepositSchema),
  'luxcore.cancelDeposit': operation(ReferenceSchema, DepositSchema),
  'luxcore.listPayments': operation(ListPaymentsSchema, PaymentPageSchema),
  'luxcore.balance': operation(z.object({ currency: z.literal('MXN').default('MXN') }), BalanceSchema),
  'lox24.status': operation(none, Lox24StatusSchema),
  /** `check`: a person asked, so a token LOX24 refused gets one more try */
  'lox24.account': operation(z.object({ check: z.boolean().default(false) }), Lox24AccountSchema),
  'lox24.paymentMethods': operation(none, PaymentMethodsSchema),
  'lox24.sendSms': operation(SendSmsSchema, SmsRecordSchema),
  'lox24.smsList': operation(none, z.array(SmsRecordSchema)),
  'lox24.createTopup': operation(CreateTopupSchema, TopupSchema),
  'lox24.topups': operation(none, z.array(TopupSchema)),
  'journal.query': operation(JournalQuerySchema, JournalPageSchema),
  'journal.status': operation(none, JournalVerificationSchema),
  'journal.verify': operation(none, JournalVerificationSchema),
  /** A supervisor acknowledges a journal incident with a note (journaled with who approved). */
  'journal.acknowledge': operation(AcknowledgeIncidentSchema, JournalVerificationSchema),
  'shift.current': operation(none, z.object({ shift: ShiftSchema.nullable(), report: ZReportSchema.nullable() })),
  'shift.open': operation(OpenShiftSchema, ShiftSchema),
  'shift.close': operation(CloseShiftSchema, ZReportSchema),
  'shift.report': operation(z.object({ shiftId: shortText(64).min(1) }), ZReportSchema),
  'shift.list': operation(none, z.array(ShiftSchema)),
  /** an X report of the open shift (journaled); the shift stays open */
  'shift.xReport': operation(none, XReportSchema),
  /** One file for support in <data dir>/diagnostics/: versions, settings without secrets, outbox and journal summaries, logs. */
  'app.exportDiagnostics': operation(none, z.object({ path: z.string() })),
  'printer.list': operation(none, z.array(PrinterSchema)),
  /**
   * Electron with a receipt printer chosen: prints the named document silently to it, roll-sized
   * (`silent: true`). Otherwise `silent: false` (nothing printed): the renderer opens the system
   * dialog as before. Browser mode answers NOT_CONFIGURED.
   */
  'app.print': operation(PrintRequestSchema, z.object({ silent: z.boolean() })),
  /** Electron: the window as PDF through a save dialog. Browser mode answers NOT_CONFIGURED: use the browser's print. */
  'app.savePdf': operation(
    z.object({ name: shortText(120).min(1) }),
    z.object({ saved: z.boolean(), path: z.string().nullable() })
  ),
  /** Saves the mode to start in and restarts the app (modes never switch while running). */
  'app.switchMode': operation(z.object({ training: z.boolean() }), z.object({ restarting: z.boolean() })),
  'training.state': operation(none, TrainingStateSchema),
  'training.setLuka': operation(z.object({ up: z.boolean() }), TrainingStateSchema),
  'link.config': operation(none, LinkConfigSchema),
  /** Interactive, never queued: an unknown outcome comes back as state "unknown", for the teller to decide. */
  'link.create': operation(CreateLinkSchema, PaymentLinkSchema),
  'link.today': operation(none, z.array(PaymentLinkSchema)),
  'link.check': operation(z.object({ trace: LinkTraceSchema }), LinkCheckSchema),
  /** The only operation the customer display's window may call (see platform/customer-window.ts). */
  'display.get': operation(none, CustomerViewSchema),
  'display.show': operation(DisplayContentSchema, CustomerViewSchema),
  'update.status': operation(none, UpdateStatusSchema),
  /** install the downloaded update now (restarts); refused with the reason while a shift is open or the outbox is not empty */
  'update.install': operation(none, UpdateStatusSchema),
  // operators (issue 11): PINs go in, never come out; managing accounts needs a supervisor
  'operators.state': operation(none, OperatorsStateSchema),
  'operators.signIn': operation(SignInSchema, OperatorsStateSchema),
  'operators.signOut': operation(none, OperatorsStateSchema),
  'operators.lock': operation(none, OperatorsStateSchema),
  /** keyboard or mouse input at the counter (sent at most every few seconds): resets the idle lock */
  'operators.activity': operation(none, z.object({ locked: z.boolean() })),
  'operators.add': operation(AddOperatorSchema, OperatorsStateSchema),
  'operators.setDisabled': operation(DisableOperatorSchema, OperatorsStateSchema),
  'operators.resetPin': operation(ResetPinSchema, OperatorsStateSchema),
  'operators.setIdleLock': operation(IdleLockSchema, OperatorsStateSchema),
  // the agency ledger (issue 15): enrolling and leaving need a supervisor (settingsChange)
  'ledger.status': operation(none, LedgerViewSchema),
  'ledger.enrol': operation(LedgerEnrolSchema, LedgerViewSchema),
  'ledger.leave': operation(LedgerLeaveSchema, LedgerViewSchema)
} as const satisfies Record<OperationName, { input: z.ZodType; output: z.ZodType }>

export const events = {
  'luka.status': LukaStatusSchema,
  'decision.updated': DecisionRecordSchema,
  'outbox.updated': OutboxSummarySchema,
  'outbox.item': OutboxItemViewSchema,
  'luxcore.deposit': DepositSchema,
  'lox24.status': Lox24StatusSchema,
  'lox24.account': Lox24AccountSchema,
  'lox24.sms': SmsRecordSchema,
  'lox24.topup': TopupSchema,
  'journal.changed': JournalVerificationSchema,
  'storage.changed': StorageStatusSchema,
  'display.updated': CustomerViewSchema,
  'update.status': UpdateStatusSchema,
  'operators.state': OperatorsStateSchema,
  'ledger.status': LedgerViewSchema
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
export function parseInput<K extends OperationName>(name: K, raw: unknown): Result<OperationArgs<K>> {
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
