import type { JournalEntry } from '@shared/books'
import type { DecisionRecord, DeferredPayment } from '@shared/contract'
import type { Money } from '@shared/money'

export type ReceiptKind = 'approval' | 'rejection' | 'deposit'

/**
 * One receipt, whatever it is built from (the counter card, a journal entry). `status` is a
 * word of main's (delivered, queued, accepted, a LuxCore status…), said in the teller's
 * language when shown.
 */
export interface Receipt {
  kind: ReceiptKind
  provider: 'luka' | 'luxcore'
  terminal: string
  operator: string
  /** when it happened, ISO */
  at: string
  reference: string | null
  /** the provider's transaction ID (Luka's TransaccionId, LuxCore's payment id) */
  transactionId: string | null
  /** Luka's own operation number, once it answered */
  operationId: string | null
  amount: Money | null
  status: string
  authorizationCode: string | null
  /** cash the customer handed over (counter only) */
  tendered: Money | null
  /** printed again from the journal */
  reprint: boolean
}

/** The agency is what comes before the first comma of the terminal label ("Agencia CCCT, Taquilla 2"). */
export function agencyOf(terminal: string): string {
  return terminal.split(',')[0]?.trim() || terminal
}

const text = (value: unknown): string | null => {
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

export interface CardFacts {
  payment: DeferredPayment
  record: DecisionRecord
  /** what the teller searched when it was a payment reference */
  reference: string | null
  terminal: string
  operator: string
  tendered: Money | null
}

/** The receipt of the decision on the counter card. */
export function decisionReceipt({ payment, record, reference, terminal, operator, tendered }: CardFacts): Receipt {
  return {
    kind: record.decision === 'approve' ? 'approval' : 'rejection',
    provider: 'luka',
    terminal,
    operator,
    at: record.decidedAt,
    reference,
    transactionId: String(record.transactionId),
    operationId: text(record.reply?.id),
    amount: record.amount ?? payment.amount,
    status: record.state,
    authorizationCode: text(record.reply?.authorizationCode) ?? text(record.authorizationCode),
    tendered: record.decision === 'approve' ? tendered : null,
    reprint: false
  }
}

/** The journal entries a receipt can be printed again from. */
export const receiptActions = new Set<JournalEntry['action']>(['decision', 'decisionOutcome', 'depositCreated'])

/** A receipt rebuilt from a journal entry alone (refs, amount, detail, who, when), or null. */
export function entryReceipt(entry: JournalEntry): Receipt | null {
  if (!receiptActions.has(entry.action)) return null
  const { refs, detail } = entry
  const common = {
    terminal: entry.terminal,
    operator: entry.operator,
    at: entry.at,
    amount: entry.amount,
    status: entry.result,
    tendered: null,
    reprint: true
  }
  if (entry.action === 'depositCreated') {
    return {
      ...common,
      kind: 'deposit',
      provider: 'luxcore',
      reference: text(refs['merchantReference']),
      transactionId: text(refs['providerTransactionId']),
      operationId: null,
      authorizationCode: null
    }
  }
  return {
    ...common,
    kind: detail['decision'] === 'reject' ? 'rejection' : 'approval',
    provider: 'luka',
    reference: text(refs['reference']),
    transactionId: text(refs['transactionId']),
    operationId: text(detail['lukaId']),
    authorizationCode: text(detail['authorizationCode'])
  }
}

/** Change to give back, exactly: tendered − amount in minor units of the same currency. */
export function changeOf(amount: Money, tendered: Money): Money | null {
  return amount.currency === tendered.currency
    ? { minor: tendered.minor - amount.minor, currency: amount.currency }
    : null
}
