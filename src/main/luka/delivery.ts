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
  authorizationCode: z.string(),
  /** the searched payment reference, for the records (never sent to Luka: the body is built field by field) */
  reference: z.string().nullable().optional()
})

/**
 * Luka's words for a decided payment. Documented: `pending` and `success` (api-notes.md); the
 * word for a rejected payment is not, so only these common spellings are read as rejected.
 * Anything else — or no status at all — is not guessed at: the item goes to a person.
 */
const REJECTED_WORDS = new Set([
  'rejected',
  'rechazado',
  'rechazada',
  'declined',
  'denied',
  'failed',
  'fallido',
  'cancelled',
  'canceled',
  'anulado'
])

/**
 * Delivers a teller's decision to Luka through the outbox. Luka's notify has no idempotency
 * key, so after an attempt of unknown outcome the outbox calls `verify`: the transaction is
 * looked up and compared with what we meant to say.
 */
export function lukaNotifyDelivery(client: () => LukaClient): DeliveryHandler {
  return {
    send: (payload) => client().notifyDecision(DecisionNoticeSchema.parse(payload) as DecisionNotice),
    verify: async (payload): Promise<VerifyOutcome> => {
      const notice = DecisionNoticeSchema.parse(payload)
      const payment = await client().lookupDeferredPayment({ by: 'transactionId', value: String(notice.transactionId) })
      const status = payment.processingStatus ?? ''
      if (status === 'pending') return { state: 'not-applied' }
      const lukaSays = status === 'success' ? 'approve' : REJECTED_WORDS.has(status) ? 'reject' : null
      if (lukaSays === null) return { state: 'unverified', detail: `Luka: ${status || '(sin estado)'}` }
      if (lukaSays === notice.decision) {
        const reply: NotifyReply = {
          id: payment.transactionId,
          statusId: lukaSays === 'approve' ? 6 : 7,
          statusDescription: payment.description,
          authorizationCode: null,
          traceId: payment.traceId,
          amountText: null,
          createdAt: null
        }
        return { state: 'applied', result: reply }
      }
      return { state: 'conflict', detail: `Taquilla: ${notice.decision}; Luka: ${status}` }
    }
  }
}
