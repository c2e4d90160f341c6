import type { JournalEntry, NewJournalEntry } from '@shared/books'
import type { DecisionRecord, Deposit, OutboxItemView, SmsRecord, Topup } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { Journal } from '../journal/journal'
import type { EventBus } from '../support/events'
import { isLuxcoreDocumented } from '@shared/vocabulary'
import { factKey } from '../journal/facts'

const FINAL_DECISION = new Set(['delivered', 'attention', 'discarded'])

/** Writes the journal from what happens: decisions, deposits, discards (via events) and direct calls. */
export class JournalRecorder {
  constructor(private readonly journal: Journal) {}

  /**
   * Appends unless the same fact is already in the journal. A disk that refuses the write
   * never stops what is being recorded (the storage warning says it; keyed facts are written
   * at a later start, when the events are replayed).
   */
  record(entry: NewJournalEntry): JournalEntry | null {
    const key = factKey({ action: entry.action, refs: entry.refs ?? {}, result: entry.result })
    if (key && this.journal.hasFact(key)) return null
    let written: JournalEntry
    try {
      written = this.journal.append(entry)
    } catch (cause) {
      if (cause instanceof AppFailure && cause.error.code === 'STORAGE_UNWRITABLE') return null
      throw cause
    }
    return written
  }

  follow(bus: EventBus): () => void {
    return bus.subscribe((name, payload) => {
      if (name === 'decision.updated') this.decision(payload as DecisionRecord)
      else if (name === 'luxcore.deposit') this.deposit(payload as Deposit)
      else if (name === 'outbox.item') this.discard(payload as OutboxItemView)
      else if (name === 'lox24.sms') this.sms(payload as SmsRecord)
      else if (name === 'lox24.topup') this.topup(payload as Topup)
    })
  }

  private decision(record: DecisionRecord): void {
    if (!record.outboxId) return
    const refs: Record<string, string | number> = { transactionId: record.transactionId, outboxId: record.outboxId }
    if (record.reference) refs['reference'] = record.reference
    this.record({
      action: 'decision',
      refs,
      amount: record.amount,
      result: 'accepted',
      detail: { decision: record.decision, note: record.note, authorizationCode: record.authorizationCode }
    })
    if (FINAL_DECISION.has(record.state)) {
      this.record({
        action: 'decisionOutcome',
        refs,
        amount: record.amount,
        result: record.state,
        detail: {
          decision: record.decision,
          lukaStatus: record.reply?.statusDescription ?? null,
          lukaId: record.reply?.id ?? null,
          // the code Luka answered with, for reprinted receipts (the teller's own is on the decision entry)
          lukaAuthorizationCode: record.reply?.authorizationCode ?? null,
          error: record.error?.code ?? null
        }
      })
    }
  }

  private deposit(deposit: Deposit): void {
    const refs: Record<string, string> = { merchantReference: deposit.merchantReference }
    if (deposit.payment) refs['providerTransactionId'] = deposit.payment.transactionId
    if (deposit.outboxId) refs['outboxId'] = deposit.outboxId
    this.record({
      action: 'depositCreated',
      refs,
      amount: deposit.amount,
      result: 'accepted',
      detail: { method: deposit.method }
    })
    if (deposit.state === 'attention' || deposit.state === 'discarded') {
      this.record({
        action: 'depositOutcome',
        refs,
        amount: deposit.amount,
        result: deposit.state,
        detail: { error: deposit.error?.code ?? null }
      })
    }
    const status = deposit.payment?.status
    if (status && isLuxcoreDocumented(status)) {
      this.record({
        action: 'depositStatus',
        refs,
        amount: deposit.amount,
        result: status,
        detail: { method: deposit.method }
      })
    }
  }

  /** Every SMS: for which operation, to which phone (masked but for the last 4 digits), outcome. */
  private sms(sms: SmsRecord): void {
    const { kind, ref } = sms.about
    const about: Record<string, string | number> =
      kind === 'luka'
        ? { outboxId: sms.id, transactionId: Number(ref) || ref }
        : kind === 'link'
          ? { outboxId: sms.id, trace: ref }
          : { outboxId: sms.id, merchantReference: ref }
    const refs = sms.uuid ? { ...about, smsId: sms.uuid } : about
    const detail = { phone: sms.phoneMasked, segments: sms.segments, error: sms.error?.code ?? null }
    this.record({ action: 'sms', refs: about, result: 'accepted', detail })
    if (sms.state !== 'queued' && sms.state !== 'sending')
      this.record({ action: 'smsDelivery', refs, result: sms.state, detail })
    if (sms.delivery?.final) this.record({ action: 'smsDelivery', refs, result: sms.delivery.state, detail })
  }

  /** Every top-up: amount, method, status (the operator is on every entry). */
  private topup(topup: Topup): void {
    const refs: Record<string, string | number> = { outboxId: topup.id }
    if (topup.payment) refs['paymentId'] = topup.payment.id
    const detail = {
      method: topup.type,
      methodId: topup.methodId,
      total: topup.payment?.amount?.minor ?? null,
      vat: topup.payment?.vat?.minor ?? null,
      fee: topup.payment?.fee?.minor ?? null,
      invoice: topup.payment?.invoice ?? null,
      error: topup.payment?.error ?? topup.error?.code ?? null,
      approvedBy: topup.approvedBy?.name ?? null,
      approverId: topup.approvedBy?.id ?? null
    }
    this.record({ action: 'topup', refs: { outboxId: topup.id }, amount: topup.net, result: 'accepted', detail })
    if (topup.state !== 'queued' && topup.state !== 'sending')
      this.record({ action: 'topupStatus', refs, amount: topup.net, result: topup.state, detail })
    const status = topup.payment?.statusName
    if (status && status !== 'unknown')
      this.record({ action: 'topupStatus', refs, amount: topup.net, result: status, detail })
  }

  private discard(item: OutboxItemView): void {
    if (item.state === 'discarded') this.record(discardEntry(item))
  }
}

/** The journal entry of an outbox discard, with the reason the person gave. */
export function discardEntry(item: OutboxItemView): NewJournalEntry {
  return {
    action: 'outboxDiscarded',
    refs: {
      outboxId: item.id,
      ...(item.subject.transactionId !== null ? { transactionId: item.subject.transactionId } : {}),
      ...(item.subject.merchantReference ? { merchantReference: item.subject.merchantReference } : {})
    },
    amount: item.amount,
    result: 'discarded',
    detail: { kind: item.kind, reason: item.discardReason }
  }
}
