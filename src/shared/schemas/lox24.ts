import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { phoneCountries } from '../phone'
import { SupervisorApprovalSchema } from './approval'
import { MoneySchema, requiredText } from './common'

/** LOX24: SMS receipts for payers and the agency's SMS credit (lox24-create-payment.txt, api-notes.md). */

/** lox24-create-payment.txt: `currency` is EUR or CHF. */
export const Lox24CurrencySchema = z.enum(['EUR', 'CHF'])

/** GET /me: the SMS credit. */
export const Lox24AccountSchema = z.object({
  balance: MoneySchema,
  /** below the warning threshold of the settings */
  low: z.boolean(),
  threshold: MoneySchema,
  checkedAt: z.string()
})
export type Lox24Account = z.infer<typeof Lox24AccountSchema>

export const Lox24StatusSchema = z.object({
  configured: z.boolean(),
  receipts: z.boolean(),
  sender: z.string(),
  country: z.enum(phoneCountries),
  /** LOX24 blocked this IP (429): nothing is sent before this time */
  blockedUntil: z.string().nullable(),
  /** the token was refused (401/403): nothing is sent with it again until it is changed or checked */
  refused: AppErrorSchema.nullable()
})
export type Lox24Status = z.infer<typeof Lox24StatusSchema>

/** GET /payment-methods: the SEPA mandate and the stored cards. */
export const PaymentMethodsSchema = z.object({
  sepa: z.object({ id: z.number().int(), ibanMasked: z.string().nullable() }).nullable(),
  cards: z.array(
    z.object({
      id: z.number().int(),
      brand: z.string().nullable(),
      last4: z.string().nullable(),
      expMonth: z.number().int().nullable(),
      expYear: z.number().int().nullable()
    })
  )
})
export type PaymentMethods = z.infer<typeof PaymentMethodsSchema>

/** lox24-create-payment.txt, `status`. */
export const TopupStatusNameSchema = z.enum([
  'new',
  'inProgress',
  'done',
  'cancelledByUser',
  'cancelledByTimeout',
  'cancelledByAdmin',
  'error',
  'unknown'
])

/** One LOX24 payment attempt (a top-up of the SMS credit), amounts in minor units. */
export const TopupPaymentSchema = z.object({
  id: z.number().int(),
  status: z.number().int().nullable(),
  statusName: TopupStatusNameSchema,
  final: z.boolean(),
  amount: MoneySchema.nullable(),
  net: MoneySchema.nullable(),
  vat: MoneySchema.nullable(),
  fee: MoneySchema.nullable(),
  type: z.number().int().nullable(),
  invoice: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string().nullable(),
  completedAt: z.string().nullable()
})
export type TopupPayment = z.infer<typeof TopupPaymentSchema>

export const TopupMethodSchema = z.object({ type: z.enum(['sepa', 'stored_card']), methodId: z.number().int().min(1) })

export const CreateTopupSchema = TopupMethodSchema.extend({
  /** the net amount, in the account's currency */
  net: z.object({
    minor: z.number().int().min(1).max(100_000_00),
    currency: Lox24CurrencySchema
  }),
  /** a supervisor's PIN typed on the spot (top-up is supervisor-only once sign-in is on) */
  approval: SupervisorApprovalSchema.optional()
})
export type CreateTopup = z.infer<typeof CreateTopupSchema>

/** A top-up as the panel follows it: its outbox item, then LOX24's payment. */
export const TopupSchema = z.object({
  id: z.string(),
  net: MoneySchema,
  type: z.enum(['sepa', 'stored_card']),
  methodId: z.number().int(),
  state: z.enum(['queued', 'sending', 'created', 'unconfirmed', 'attention', 'discarded']),
  payment: TopupPaymentSchema.nullable(),
  error: AppErrorSchema.nullable(),
  createdAt: z.string(),
  /** the supervisor who approved it; null with sign-in off */
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable()
})
export type Topup = z.infer<typeof TopupSchema>

/** What an SMS receipt is about: a Luka operation, a LuxCore deposit or a Luka payment link. */
export const SmsAboutSchema = z.object({
  kind: z.enum(['luka', 'luxcore', 'link']),
  /** Luka transaction id, LuxCore merchant reference or the link's trace (IdTraza) */
  ref: requiredText(120)
})

export const SendSmsSchema = z.object({
  about: SmsAboutSchema,
  phone: requiredText(40),
  /** one line: no control or hidden characters */
  text: requiredText(1530)
})
export type SendSms = z.infer<typeof SendSmsSchema>

/** LOX24's delivery facts for one SMS, read with GET /sms/{uuid}. */
export const SmsDeliverySchema = z.object({
  statusCode: z.number().int().nullable(),
  dlrCode: z.number().int().nullable(),
  /** accepted (0), transmitted (100), delivered (dlr 1), failed (status ≥ 200 or dlr 8/16) */
  state: z.enum(['accepted', 'transmitted', 'delivered', 'failed']),
  final: z.boolean()
})
export type SmsDelivery = z.infer<typeof SmsDeliverySchema>

export const SmsRecordSchema = z.object({
  id: z.string(),
  about: SmsAboutSchema,
  /** every digit but the last 4 hidden */
  phoneMasked: z.string(),
  segments: z.number().int(),
  unicode: z.boolean(),
  /** the outbox's side: queued, sent (LOX24 gave a uuid), unconfirmed (outcome unknown: never re-sent by itself) */
  state: z.enum(['queued', 'sending', 'sent', 'unconfirmed', 'attention', 'discarded']),
  uuid: z.string().nullable(),
  delivery: SmsDeliverySchema.nullable(),
  error: AppErrorSchema.nullable(),
  createdAt: z.string()
})
export type SmsRecord = z.infer<typeof SmsRecordSchema>
