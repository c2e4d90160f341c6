import { DecisionRecordSchema, NotifyReplySchema, type DecisionRecord } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { OutboxItem } from '../outbox/item'
import type { Fsync } from '../storage/group-commit'
import type { StorageHealth } from '../storage/health'
import { JsonlFile } from '../storage/jsonl'

/** What the decision was, from the outbox item's payload. */
export type DecisionFacts = Pick<
  DecisionRecord,
  'transactionId' | 'decision' | 'note' | 'authorizationCode' | 'amount' | 'decidedAt' | 'reference'
>

const STATE_OF: Record<OutboxItem['state'], DecisionRecord['state']> = {
  pending: 'queued',
  sending: 'sending',
  delivered: 'delivered',
  attention: 'attention',
  discarded: 'discarded'
}

/**
 * This terminal's decisions, one per Luka transaction, kept durably so a second decision
 * for the same transaction is refused even after a restart. Delivery itself is the outbox's
 * job: a record is created and moved only by its outbox item's changes (`follow`).
 * The last line for a transaction wins.
 */
export class DecisionBook {
  private readonly file: JsonlFile<DecisionRecord>
  private readonly records = new Map<number, DecisionRecord>()
  /** a transaction's last line still waiting for its (shared) fsync */
  private readonly unflushed = new Map<number, Promise<void>>()

  constructor(path: string, health?: StorageHealth, fsync?: Fsync) {
    this.file = new JsonlFile(path, health, undefined, fsync)
    const { records } = this.file.read((value) => {
      const parsed = DecisionRecordSchema.safeParse(value)
      return parsed.success ? parsed.data : null
    })
    for (const record of records) this.records.set(record.transactionId, record)
  }

  /** Every decision, for the start-up check that each one waiting has its outbox item. */
  all(): IterableIterator<DecisionRecord> {
    return this.records.values()
  }

  get(transactionId: number): DecisionRecord | null {
    return this.records.get(transactionId) ?? null
  }

  /** Refuses a decision for a transaction this terminal already decided (a discarded one may be decided again). */
  assertUndecided(transactionId: number): void {
    const existing = this.records.get(transactionId)
    if (!existing || existing.state === 'discarded') return
    const inFlight = existing.state === 'sending' || existing.state === 'queued'
    throw new AppFailure({ code: inFlight ? 'DECISION_IN_FLIGHT' : 'ALREADY_DECIDED' })
  }

  /**
   * Follows the outbox item. Written to disk when the state changes; attempt counts between
   * those are kept in memory (the outbox has them durably). The line is flushed by group commit:
   * nobody is told about the record before `flushed` resolves.
   */
  follow(transactionId: number, item: OutboxItem, facts: DecisionFacts): DecisionRecord {
    const existing = this.records.get(transactionId)
    const sameItem = existing?.outboxId === item.id
    // another item's record wins unless that one was discarded (the teller decided again)
    if (existing && !sameItem && existing.state !== 'discarded') return existing
    const reply = NotifyReplySchema.safeParse(item.result)
    const next: DecisionRecord = {
      ...(sameItem ? existing : facts),
      state: STATE_OF[item.state],
      attempts: item.attempts,
      updatedAt: new Date(item.updatedAt).toISOString(),
      reply: reply.success ? reply.data : (existing?.reply ?? null),
      error: item.state === 'delivered' ? null : item.lastError,
      outboxId: item.id
    }
    if (existing && existing.state === next.state) {
      this.records.set(transactionId, next)
      return next
    }
    return this.write(next)
  }

  /**
   * Resolves once the transaction's record as it stands is on disk (its fsync shared with the
   * lines written meanwhile); rejects with STORAGE_UNWRITABLE if the disk refused it.
   */
  flushed(transactionId: number): Promise<void> {
    return this.unflushed.get(transactionId) ?? Promise.resolve()
  }

  /** Flushes the lines still waiting for their fsync, then closes. */
  close(): void {
    this.file.close()
  }

  private write(record: DecisionRecord): DecisionRecord {
    // in memory first: the outbox item is the durable truth, and the record is rebuilt from it
    // at the next start if the disk refuses this line (which throws STORAGE_UNWRITABLE)
    const id = record.transactionId
    this.records.set(id, record)
    const line = this.file.appendGrouped(record)
    this.unflushed.set(id, line)
    const settled = () => {
      if (this.unflushed.get(id) === line) this.unflushed.delete(id)
    }
    line.then(settled, settled) // a refusal reaches whoever waits on `flushed`
    return record
  }
}
