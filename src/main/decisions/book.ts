import {
  DecisionRecordSchema,
  type DecisionRecord,
  type DecisionRequest,
  type NotifyReply
} from '@shared/contract'
import { AppFailure, type AppError } from '@shared/errors'
import type { Money } from '@shared/money'
import type { Clock } from '../support/clock'
import { JsonlFile } from '../storage/jsonl'

/**
 * This terminal's decisions, one per Luka transaction, kept durably so a second decision
 * for the same transaction is refused even after a restart. Each state change is appended
 * (fsync) before the notify is sent; the last line for a transaction wins on load.
 */
export class DecisionBook {
  private readonly file: JsonlFile<DecisionRecord>
  private readonly records = new Map<number, DecisionRecord>()

  constructor(path: string, private readonly clock: Clock) {
    this.file = new JsonlFile(path)
    const { records } = this.file.read((value) => {
      const parsed = DecisionRecordSchema.safeParse(value)
      return parsed.success ? parsed.data : null
    })
    for (const record of records) this.records.set(record.transactionId, record)
    // A send that was under way when the app stopped has an unknown outcome: it is shown
    // as not delivered (with a retry) — never as delivered.
    for (const record of this.records.values()) {
      if (record.state === 'sending') {
        this.write({ ...record, state: 'not-delivered', error: { code: 'NETWORK', provider: 'luka' } })
      }
    }
  }

  get(transactionId: number): DecisionRecord | null {
    return this.records.get(transactionId) ?? null
  }

  /** Records a new decision as "sending". Refuses a second decision for the transaction. */
  begin(request: DecisionRequest, amount: Money | null): DecisionRecord {
    const existing = this.records.get(request.transactionId)
    if (existing?.state === 'sending') throw new AppFailure({ code: 'DECISION_IN_FLIGHT' })
    if (existing) throw new AppFailure({ code: 'ALREADY_DECIDED' })
    const now = new Date(this.clock.now()).toISOString()
    return this.write({
      transactionId: request.transactionId,
      decision: request.decision,
      note: request.note,
      authorizationCode: request.authorizationCode,
      amount,
      state: 'sending',
      attempts: 1,
      decidedAt: now,
      updatedAt: now,
      reply: null,
      error: null
    })
  }

  /** Sends an undelivered decision again: the same decision, never a different one. */
  beginRetry(transactionId: number): DecisionRecord {
    const existing = this.records.get(transactionId)
    if (!existing) throw new AppFailure({ code: 'NOT_FOUND' })
    if (existing.state === 'sending') throw new AppFailure({ code: 'DECISION_IN_FLIGHT' })
    if (existing.state === 'delivered') throw new AppFailure({ code: 'ALREADY_DECIDED' })
    return this.write({
      ...existing,
      state: 'sending',
      attempts: existing.attempts + 1,
      updatedAt: new Date(this.clock.now()).toISOString()
    })
  }

  delivered(transactionId: number, reply: NotifyReply): DecisionRecord {
    return this.settle(transactionId, { state: 'delivered', reply, error: null })
  }

  notDelivered(transactionId: number, error: AppError): DecisionRecord {
    return this.settle(transactionId, { state: 'not-delivered', error })
  }

  close(): void {
    this.file.close()
  }

  private settle(transactionId: number, change: Partial<DecisionRecord>): DecisionRecord {
    const existing = this.records.get(transactionId)
    if (!existing) throw new AppFailure({ code: 'INTERNAL' })
    return this.write({ ...existing, ...change, updatedAt: new Date(this.clock.now()).toISOString() })
  }

  private write(record: DecisionRecord): DecisionRecord {
    this.file.append(record)
    this.records.set(record.transactionId, record)
    return record
  }
}
