import { z } from 'zod'
import type { NotifyReply } from '@shared/contract'
import type { DeliveryHandler, VerifyOutcome } from '../outbox/item'
import type { DecisionNotice, LukaClient } from './client'

/** What an outbox item of kind `luka.notify` carries. */
export const DecisionNoticeSchema = z.object({
  transactionId: z.number().int(),
  decision: z.enum(['approve', 'reject']),
  note: z.string(),
  terminal: z.string(),
  authorizationCode: z.string()
})

/**
 * Delivers a teller's decision to Luka through the outbox. Luka's notify has no idempotency
 * key, so after an attempt of unknown outcome the outbox calls `verify`: the transaction is
 * looked up and compared with what we meant to say.
 *
 * Luka documents `pending` and `success` only (api-notes.md); the word for a rejected
 * payment is not documented, so any other decided state counts as "rejected".
 */
export function lukaNotifyDelivery(client: () => LukaClient): DeliveryHandler {
  return {
    send: (payload) => client().notifyDecision(DecisionNoticeSchema.parse(payload) as DecisionNotice),
    verify: async (payload): Promise<VerifyOutcome> => {
      const notice = DecisionNoticeSchema.parse(payload)
      const payment = await client().lookupDeferredPayment({ by: 'transactionId', value: String(notice.transactionId) })
      const status = payment.processingStatus ?? ''
      if (status === 'pending') return { state: 'not-applied' }
      const approvedAtLuka = status === 'success'
      if (approvedAtLuka === (notice.decision === 'approve')) {
        const reply: NotifyReply = {
          id: payment.transactionId,
          statusId: approvedAtLuka ? 6 : 7,
          statusDescription: payment.description,
          authorizationCode: null,
          traceId: payment.traceId,
          amountText: null,
          createdAt: null
        }
        return { state: 'applied', result: reply }
      }
      return { state: 'conflict', detail: `Taquilla: ${notice.decision}; Luka: ${status || 'unknown'}` }
    }
  }
}
