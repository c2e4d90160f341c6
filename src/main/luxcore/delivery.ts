import type { DeliveryHandler, VerifyOutcome } from '../outbox/item'
import type { LuxcoreClient } from './client'
import { CancelBodySchema, CreateBodySchema } from './deposits'

/**
 * LuxCore writes through the outbox. Create needs no verify step: `merchant_reference` is
 * LuxCore's idempotency key (a repeated reference answers 200 with the existing payment),
 * so sending again after an unknown outcome returns the same payment.
 */
export function luxcoreCreateDelivery(client: () => LuxcoreClient): DeliveryHandler {
  // the client checks that a repeated reference answers with this very payment (REPLY_MISMATCH)
  return { send: (payload) => client().createPayment(CreateBodySchema.parse(payload)) }
}

/**
 * Cancel has no key of its own: after an unknown outcome (or a refusal such as
 * PAYMENT_ALREADY_PROCESSED) the payment is fetched and its status decides.
 */
export function luxcoreCancelDelivery(client: () => LuxcoreClient): DeliveryHandler {
  return {
    send: async (payload) => {
      const { transactionId } = CancelBodySchema.parse(payload)
      return (await client().cancelPayment(transactionId)) ?? (await client().getPayment(transactionId))
    },
    verify: async (payload): Promise<VerifyOutcome> => {
      const { transactionId } = CancelBodySchema.parse(payload)
      const payment = await client().getPayment(transactionId)
      if (payment.status === 'cancelled') return { state: 'applied', result: payment }
      if (!payment.terminal) return { state: 'not-applied' }
      return { state: 'conflict', detail: `Taquilla: cancel; LuxCore: ${payment.status}` }
    }
  }
}
