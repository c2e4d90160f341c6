import type { DeferredPayment, NotifyReply } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { LookupQuery } from '@shared/lookup'
import { isSafeAmount } from '@shared/money'
import { field, text } from './lenient'

// A reply from Luka is believed only when it is about what was asked: a proxy's cache, a
// mixed-up session or a bug on the other side must never put another payment on the counter
// or mark a decision "delivered" that Luka holds the other way.

function mismatch(lukaSaid: string): AppFailure {
  return new AppFailure({ code: 'REPLY_MISMATCH', provider: 'luka', providerMessage: lukaSaid })
}

/**
 * Fields that would name what was searched. They are not in the documented Transaction
 * Response (luka-cash-payments.txt), so they are only checked when Luka sends them.
 */
const ECHOES = { reference: ['ReferenciaPago', 'Referencia'], authorizationCode: ['CodigoAutorizacion'] } as const

/** A lookup reply must be the transaction asked for, with an amount above zero and within the currency's safe range. */
export function checkLookupReply(query: LookupQuery, payment: DeferredPayment, json: unknown): void {
  const id = payment.transactionId
  if (id <= 0 || (query.by === 'transactionId' && Number(query.value) !== id)) {
    throw mismatch(`TransaccionId ${id} ≠ ${query.value}`)
  }
  if (query.by !== 'transactionId') {
    for (const name of ECHOES[query.by]) {
      const echoed = text(field(json, name))
      if (echoed !== null && echoed.toLowerCase() !== query.value.toLowerCase()) {
        throw mismatch(`${name} ${echoed} ≠ ${query.value}`)
      }
    }
  }
  const { minor, currency } = payment.amount
  if (minor <= 0 || !isSafeAmount(minor, currency)) {
    throw mismatch(`TransaccionId ${id}: Monto ${text(field(json, 'Monto')) ?? minor} ${currency}`)
  }
}

/**
 * A notify reply must name the transaction and the status we sent (Id, Estatus.Id). Anything
 * else — another transaction, the opposite decision, or a reply that names neither — is not a
 * confirmation: the outbox verifies it with a lookup, and a person gets both facts if it
 * still does not add up.
 */
export function checkNotifyReply(transactionId: number, statusId: number, reply: NotifyReply): void {
  if (reply.id === transactionId && reply.statusId === statusId) return
  const described = reply.statusDescription ? ` «${reply.statusDescription}»` : ''
  throw mismatch(
    `Id ${reply.id ?? '—'}, Estatus ${reply.statusId ?? '—'}${described} ≠ IdTx ${transactionId}, IdEstatus ${statusId}`
  )
}
