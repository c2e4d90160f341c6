import { AppFailure } from '@shared/errors'
import type { DeliveryHandler, VerifyOutcome } from '../outbox/item'
import type { LuxcoreClient } from './client'
import { CancelBodySchema, CreateBodySchema } from './deposits'

/**
 * LuxCore writes through the outbox. Create needs no verify step: `merchant_reference` is
 * LuxCore's idempotency key (a repeated reference answers 200 with the existing payment),
 * so sending again after an unknown outcome returns the same payment.
 */
export function luxcoreCreateDelivery(client: () => LuxcoreClient): DeliveryHandler {
  return {
    send: async (payload) => {
      const body = CreateBodySchema.parse(payload)
      const payment = await client().createPayment(body)
      // a repeated reference answers with the existing payment: make sure it is this one
      const same =
        (payment.merchantReference === null || payment.merchantReference === body.merchant_reference) &&
        payment.amount.minor === body.amount &&
        payment.amount.currency === body.currency &&
        (payment.method === null || payment.method === body.method)
      if (!same) {
        throw new AppFailure({
          code: 'PROVIDER_REJECTED',
          provider: 'luxcore',
          providerCode: 'REPLY_MISMATCH',
          providerMessage:
            `${payment.transactionId}: ${payment.amount.minor} ${payment.amount.currency} ${payment.method ?? ''}`.trim()
        })
      }
      return payment
    }
  }
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
