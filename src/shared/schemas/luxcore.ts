import { z } from 'zod'
import { DEPOSIT_LIMITS, DEPOSIT_MAX_LENGTH, EMAIL_PATTERN, PHONE_PATTERN } from '../deposit-rules'
import { AppErrorSchema } from '../errors'
import { MAX_OFFSET, MoneySchema, shortText } from './common'

/** LuxCore deposits. */

export const LuxcoreMethodSchema = z.enum(['oxxo', 'cash'])
export type LuxcoreMethod = z.infer<typeof LuxcoreMethodSchema>

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
  customer: z
    .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
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

export const CreateDepositSchema = z.object({
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
      email: optionalText(DEPOSIT_MAX_LENGTH.email).refine((value) => value === '' || EMAIL_PATTERN.test(value), {
        message: 'email'
      }),
      phone: optionalText(DEPOSIT_MAX_LENGTH.phone).refine((value) => value === '' || PHONE_PATTERN.test(value), {
        message: 'phone'
      })
    })
    .default({ name: '', email: '', phone: '' })
})
export type CreateDepositInput = z.input<typeof CreateDepositSchema>
export type CreateDeposit = z.output<typeof CreateDepositSchema>

export const ListPaymentsSchema = z.object({
  status: shortText(40).optional(),
  method: LuxcoreMethodSchema.optional(),
  /** ISO 8601 */
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(MAX_OFFSET).default(0)
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

export const ReferenceSchema = z.object({ merchantReference: shortText(100).min(1) })
