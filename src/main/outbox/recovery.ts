import type { DecisionRecord, Deposit } from '@shared/contract'
import type { Outbox } from './outbox'

/**
 * At start, every decision or deposit the books say is waiting must have its outbox item.
 * One the log lost (a cut, zero-fill or deleted outbox.log) is put back as an item of
 * unknown outcome: the provider is asked first (Luka's lookup, LuxCore's payment by merchant
 * reference) and it is sent only if the provider does not have it — never left "queued"
 * forever with nothing to deliver it. The endpoint it was accepted for was on the lost line,
 * so the current settings' provider is asked.
 */
export interface Recovered {
  kind: 'luka.notify' | 'luxcore.create'
  outboxId: string
  transactionId: number | null
  merchantReference: string | null
}

const WAITING_DECISION = new Set<DecisionRecord['state']>(['queued', 'sending'])

export function recoverLostItems(
  outbox: Outbox,
  books: { decisions: Iterable<DecisionRecord>; deposits: Iterable<Deposit> },
  who: { terminal: string; operator: string }
): Recovered[] {
  const recovered: Recovered[] = []
  for (const record of [...books.decisions]) {
    if (!WAITING_DECISION.has(record.state) || !record.outboxId || outbox.get(record.outboxId)) continue
    outbox.restore({
      id: record.outboxId,
      kind: 'luka.notify',
      provider: 'luka',
      key: `luka:${record.transactionId}`,
      payload: {
        transactionId: record.transactionId,
        decision: record.decision,
        note: record.note,
        terminal: who.terminal,
        authorizationCode: record.authorizationCode,
        reference: record.reference ?? null
      },
      subject: { transactionId: record.transactionId, decision: record.decision, merchantReference: null },
      amount: record.amount,
      createdAt: Date.parse(record.decidedAt) || Date.now(),
      attempts: record.attempts
    })
    recovered.push({
      kind: 'luka.notify',
      outboxId: record.outboxId,
      transactionId: record.transactionId,
      merchantReference: null
    })
  }
  for (const deposit of [...books.deposits]) {
    if (deposit.state !== 'queued' || !deposit.outboxId || outbox.get(deposit.outboxId)) continue
    const customer = Object.fromEntries(Object.entries(deposit.customer).filter(([, value]) => value !== ''))
    outbox.restore({
      id: deposit.outboxId,
      kind: 'luxcore.create',
      provider: 'luxcore',
      key: `luxcore:create:${deposit.merchantReference}`,
      payload: {
        amount: deposit.amount.minor,
        currency: deposit.amount.currency,
        method: deposit.method,
        type: 'deposit',
        merchant_reference: deposit.merchantReference,
        ...(deposit.description ? { description: deposit.description } : {}),
        ...(Object.keys(customer).length > 0 ? { customer } : {}),
        metadata: { terminal: who.terminal, operator: who.operator }
      },
      subject: { transactionId: null, decision: null, merchantReference: deposit.merchantReference },
      amount: deposit.amount,
      createdAt: Date.parse(deposit.createdAt) || Date.now(),
      attempts: 0
    })
    recovered.push({
      kind: 'luxcore.create',
      outboxId: deposit.outboxId,
      transactionId: null,
      merchantReference: deposit.merchantReference
    })
  }
  return recovered
}
