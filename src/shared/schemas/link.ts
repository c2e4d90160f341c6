import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { CURRENCY_PATTERN, EMAIL_PATTERN, LINK_MAX_LENGTH, METHOD_KEY_PATTERN } from '../link-rules'
import { MoneySchema, shortText } from './common'
import { DeferredPaymentSchema } from './luka'

/** Luka payment links (luka-payment-link.txt) and the customer display. */

export const LinkTraceSchema = z.string().trim().min(1).max(80)

export const CreateLinkSchema = z.object({
  amount: z.object({
    minor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(CURRENCY_PATTERN)
  }),
  /** empty: send no MetodosPago and let Luka offer every method */
  methods: z.array(z.string().regex(METHOD_KEY_PATTERN)).max(20).default([]),
  name: shortText(LINK_MAX_LENGTH.name).default(''),
  email: shortText(LINK_MAX_LENGTH.email)
    .refine((value) => value === '' || EMAIL_PATTERN.test(value), { message: 'email' })
    .default(''),
  /** the trace of an earlier attempt whose outcome stayed unknown: the teller chose to create again */
  retryOf: LinkTraceSchema.optional()
})
export type CreateLinkInput = z.input<typeof CreateLinkSchema>
export type CreateLink = z.output<typeof CreateLinkSchema>

/**
 * created: Luka answered 201 with the URL · unknown: sent, but no answer we can trust (timeout,
 * connection dropped, 5xx) — a link may or may not exist · rejected: Luka refused it (400) ·
 * failed: it never reached Luka.
 */
export const LinkStateSchema = z.enum(['created', 'unknown', 'rejected', 'failed'])

export const PaymentLinkSchema = z.object({
  /** our IdTraza, unique per installation */
  trace: z.string(),
  state: LinkStateSchema,
  amount: MoneySchema,
  methods: z.array(z.string()),
  /** the `Location` header: the page the customer pays on */
  url: z.string().nullable(),
  linkId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  createdAt: z.string(),
  operator: z.string(),
  retryOf: z.string().nullable(),
  error: AppErrorSchema.nullable()
})
export type PaymentLink = z.infer<typeof PaymentLinkSchema>

export const LinkConfigSchema = z.object({ currencies: z.array(z.string()), methods: z.array(z.string()) })
export type LinkConfig = z.infer<typeof LinkConfigSchema>

/** A cash-payments query by reference = trace. Not found reads "no payment seen yet", never an error. */
export const LinkCheckSchema = z.object({
  trace: z.string(),
  seen: z.boolean(),
  payment: DeferredPaymentSchema.nullable()
})
export type LinkCheck = z.infer<typeof LinkCheckSchema>

/** What the customer-facing screen shows: one customer's amount, result or link — nothing older. */
export const DisplayContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({
    kind: z.literal('payment'),
    amount: MoneySchema,
    result: z.enum(['pending', 'approved', 'rejected', 'queued'])
  }),
  z.object({ kind: z.literal('link'), amount: MoneySchema, url: z.string().url().max(2048) })
])
export type DisplayContent = z.infer<typeof DisplayContentSchema>

export const CustomerViewSchema = z.object({
  /** the agency's name (the terminal label up to its comma) */
  agency: z.string(),
  language: z.enum(['es', 'en']),
  content: DisplayContentSchema
})
export type CustomerView = z.infer<typeof CustomerViewSchema>
