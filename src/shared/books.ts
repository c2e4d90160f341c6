import { z } from 'zod'
import { isSafeAmount } from './money'
import { MAX_OFFSET, MoneySchema as Money, requiredText, shortText } from './schemas/common'
import { SupervisorApprovalSchema } from './schemas/approval'
import { JOURNAL_ACTIONS, type JournalAction } from './vocabulary'

/** The counter's books: journal entries, the chain check, shifts and the Z report. */

export const JournalActionSchema = z.enum(JOURNAL_ACTIONS)
export type { JournalAction }

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const JournalEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  operator: z.string(),
  terminal: z.string(),
  /** written in training mode: practice on the simulators, no real payment */
  training: z.literal(true).optional(),
  action: JournalActionSchema,
  /** provider references: reference, transactionId, merchantReference, providerTransactionId, outboxId, shiftId */
  refs: z.record(z.string(), z.union([z.string(), z.number()])),
  amount: Money.nullable(),
  /** several amounts (a float or a count per currency) */
  amounts: z.array(Money),
  result: z.string(),
  /** small facts (decision, method, note, changed fields…) — never a secret */
  detail: z.record(z.string(), Scalar),
  prev: z.string(),
  hash: z.string()
})
export type JournalEntry = z.infer<typeof JournalEntrySchema>

export type NewJournalEntry = Pick<JournalEntry, 'action' | 'result'> &
  Partial<Pick<JournalEntry, 'refs' | 'amount' | 'amounts' | 'detail'>>

/** A damage found in the journal, recorded in it, open until a supervisor acknowledges it with a note. */
export const JournalIncidentSchema = z.object({
  id: z.string(),
  at: z.string(),
  reason: z.string(),
  seq: z.number().int().nullable(),
  line: z.number().int(),
  /** how many places were found broken at that check */
  places: z.number().int(),
  acknowledged: z.object({ at: z.string(), note: z.string(), by: z.string() }).nullable()
})
export type JournalIncident = z.infer<typeof JournalIncidentSchema>

export const JournalVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** the first entry that breaks the chain, by line (and seq when readable) */
  firstBad: z
    .object({
      seq: z.number().int().nullable(),
      line: z.number().int(),
      /** truncated: entries this journal is known to have had are gone from its end (or the file) */
      /** unanchored: the head kept elsewhere is missing or not signed with the key; key: the key is not this journal's */
      reason: z.enum(['edited', 'removed', 'reordered', 'malformed', 'truncated', 'unanchored', 'key'])
    })
    .nullable(),
  /** a torn last line (interrupted write) was dropped */
  tornTail: z.boolean(),
  checkedAt: z.string(),
  /** the incidents no supervisor has acknowledged yet (issue 11) */
  incidents: z.array(JournalIncidentSchema).default([]),
  /** os: the key is sealed by the OS; file: a key file in the data folder (browser mode, no keyring) — weaker */
  protection: z.enum(['os', 'file', 'none']).default('none'),
  /** full: every entry checked; start: only what came after the last verified checkpoint (the full check runs in the background) */
  scope: z.enum(['full', 'start']).default('full')
})
export type JournalVerification = z.infer<typeof JournalVerificationSchema>

export const AcknowledgeIncidentSchema = z.object({
  incidentId: requiredText(64),
  note: requiredText(500),
  approval: SupervisorApprovalSchema.optional()
})

export const JournalQuerySchema = z.object({
  text: shortText(100).default(''),
  /** local day, YYYY-MM-DD */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  action: JournalActionSchema.optional(),
  result: shortText(40).optional(),
  offset: z.number().int().min(0).max(MAX_OFFSET).default(0),
  limit: z.number().int().min(1).max(500).default(100)
})
export type JournalQuery = z.output<typeof JournalQuerySchema>

export const JournalPageSchema = z.object({ items: z.array(JournalEntrySchema), total: z.number().int() })

export const ShiftSchema = z.object({
  id: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  operator: z.string(),
  terminal: z.string(),
  float: z.array(Money)
})
export type Shift = z.infer<typeof ShiftSchema>

export const CurrencyTotalsSchema = z.object({
  currency: z.string(),
  float: z.number().int(),
  /** approved Luka cash payments whose delivery Luka confirmed */
  approvals: z.object({ count: z.number().int(), minor: z.number().int() }),
  /** cash taken, Luka not yet confirmed (outbox), listed apart */
  approvalsWaiting: z.object({ count: z.number().int(), minor: z.number().int() }),
  rejections: z.object({ count: z.number().int(), minor: z.number().int() }),
  /** LuxCore cash deposits taken at the counter */
  deposits: z.object({ count: z.number().int(), minor: z.number().int() }),
  expected: z.number().int(),
  counted: z.number().int().nullable(),
  variance: z.number().int().nullable()
})
export type CurrencyTotals = z.infer<typeof CurrencyTotalsSchema>

const CountAmount = z.object({ count: z.number().int(), minor: z.number().int() })

/**
 * One operator's part of a shift in one currency. Keyed by the account id when the entries
 * carry one (operator accounts), else by the name; `name` is the latest name seen for the key.
 */
export const OperatorTotalsSchema = z.object({
  operatorId: z.string().nullable(),
  name: z.string(),
  currency: z.string(),
  /** approvals not withdrawn, Luka's confirmation or not: the cash this operator took */
  approvals: CountAmount,
  rejections: CountAmount,
  /** LuxCore cash deposits still standing, as in the currency totals */
  deposits: CountAmount
})
export type OperatorTotals = z.infer<typeof OperatorTotalsSchema>

export const ZReportSchema = z.object({
  shift: ShiftSchema,
  currencies: z.array(CurrencyTotalsSchema),
  /** counts per action and result, e.g. decision/approve, depositCreated/created */
  actions: z.array(z.object({ action: z.string(), result: z.string(), count: z.number().int() })),
  waiting: z.array(z.object({ transactionId: z.number().int(), amount: Money, state: z.string() })),
  /** Luka payment links created or left unknown in the shift: paid online, not cash, not in the drawer */
  links: z
    .array(
      z.object({
        trace: z.string(),
        orderNumber: z.string().nullable(),
        amount: Money,
        state: z.string(),
        at: z.string()
      })
    )
    .default([]),
  note: z.string(),
  journalOk: z.boolean(),
  /** journal incidents recorded or acknowledged during the shift */
  incidents: z.array(JournalIncidentSchema).default([]),
  /** who did what in the shift, per operator and currency (issue 11) */
  operators: z.array(OperatorTotalsSchema).default([])
})
export type ZReport = z.infer<typeof ZReportSchema>

/** An X report: the open shift's running totals, taken mid-shift; the shift stays open. */
export const XReportSchema = z.object({
  report: ZReportSchema,
  /** when it was taken (its journal entry) */
  takenAt: z.string(),
  /** the n-th X report of this shift */
  number: z.number().int().positive()
})
export type XReport = z.infer<typeof XReportSchema>

/** Cash in the drawer for one currency: never negative, within the currency's safe range, an ISO code (upper case). */
const DrawerAmount = z
  .object({
    minor: z.number().int().min(0),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/)
  })
  .refine((amount) => isSafeAmount(amount.minor, amount.currency), { message: 'tooLarge', path: ['minor'] })
const DrawerAmounts = z
  .array(DrawerAmount)
  .max(10)
  .refine((rows) => new Set(rows.map((row) => row.currency)).size === rows.length, { message: 'duplicateCurrency' })

export const OpenShiftSchema = z.object({ float: DrawerAmounts })
export const CloseShiftSchema = z.object({
  counted: DrawerAmounts,
  note: shortText(500).default('')
})
