import { z } from 'zod'
import { SmsAboutSchema } from '@shared/contract'
import { decimalToMinor } from '@shared/money'
import type { DeliveryHandler, VerifyOutcome } from '../outbox/item'
import type { Lox24Client } from './client'

/** An SMS as queued: LOX24's body plus what the journal and the screen need. */
export const SmsPayloadSchema = z.object({
  body: z.object({
    text: z.string(),
    sender_id: z.string(),
    phone: z.string(),
    callback_data: z.string(),
    is_unicode: z.boolean()
  }),
  about: SmsAboutSchema,
  phoneMasked: z.string(),
  segments: z.number().int()
})
export type SmsPayload = z.infer<typeof SmsPayloadSchema>

export const TopupPayloadSchema = z.object({
  body: z.object({ net_val: z.string(), type: z.enum(['sepa', 'stored_card']), method_id: z.number().int() }),
  currency: z.string(),
  /** epoch ms: a payment LOX24 made for this request is no older (minus clock skew) */
  acceptedAt: z.number(),
  /** who approved it (never the PIN); absent on items queued before approvals existed */
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable().default(null)
})
export type TopupPayload = z.infer<typeof TopupPayloadSchema>

/**
 * POST /sms has no idempotency key and no way to look an SMS up by our id: after an
 * unknown outcome it is never sent again by itself (a customer texted twice is a
 * complaint; a missing text is visible) — the outbox puts it on the attention list.
 */
export function smsDelivery(client: () => Lox24Client): DeliveryHandler {
  return {
    noAutoResend: true,
    send: async (payload) => client().sendSms(SmsPayloadSchema.parse(payload).body)
  }
}

/** lox24-create-payment.txt `type`: 1 SEPA, 91 stored card. */
const PAYMENT_TYPE = { sepa: 1, stored_card: 91 } as const
/** how far LOX24's clock may be behind ours */
const CLOCK_SKEW_MS = 5 * 60_000

/**
 * POST /payments has no idempotency key either. After an unknown outcome the recent
 * payments are searched (same net amount and method type, created since the request) before
 * anyone is offered to try again; nothing found → attention as "unconfirmed".
 */
export function topupDelivery(client: () => Lox24Client): DeliveryHandler {
  return {
    noAutoResend: true,
    send: async (payload) => client().createPayment(TopupPayloadSchema.parse(payload).body),
    verify: async (payload): Promise<VerifyOutcome> => {
      const { body, acceptedAt } = TopupPayloadSchema.parse(payload)
      const { items } = await client().listPayments(1)
      const net = decimalToMinor(body.net_val, 2)
      const found = items.find(
        (payment) =>
          payment.net?.minor === net &&
          (payment.type === null || payment.type === PAYMENT_TYPE[body.type]) &&
          payment.createdAt !== null &&
          Date.parse(payment.createdAt) >= acceptedAt - CLOCK_SKEW_MS
      )
      return found ? { state: 'applied', result: found } : { state: 'not-applied' }
    }
  }
}
