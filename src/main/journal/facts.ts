import { createHash } from 'node:crypto'
import type { JournalEntry } from '@shared/books'

/**
 * What makes an entry unique, so the same fact is never written twice — events are replayed
 * at every start (the outbox re-announces its items), and the journal itself says what has
 * been written. Entries without a key (sign-in, lookup, shift, settings) are always written.
 */
export function factKey(entry: Pick<JournalEntry, 'action' | 'refs' | 'result'>): string | null {
  const { refs } = entry
  switch (entry.action) {
    case 'decision':
      return `decision:${refs['outboxId']}`
    case 'decisionOutcome':
      return `decisionOutcome:${refs['outboxId']}:${entry.result}`
    case 'depositCreated':
      return `depositCreated:${refs['merchantReference']}`
    case 'depositOutcome':
    case 'depositStatus':
      return `${entry.action}:${refs['merchantReference']}:${entry.result}`
    case 'sms':
    case 'topup':
      return `${entry.action}:${refs['outboxId']}`
    case 'smsDelivery':
    case 'topupStatus':
      return `${entry.action}:${refs['outboxId']}:${entry.result}`
    case 'outboxDiscarded':
      return `outboxDiscarded:${refs['outboxId']}`
    default:
      return null
  }
}

/**
 * A fact key as a 52-bit number (13 hex digits of its SHA-256): a year of facts fits in a few
 * MB, and two facts sharing one is about a one-in-10^10 chance over that year.
 */
export function factId(key: string): number {
  return parseInt(createHash('sha256').update(key).digest('hex').slice(0, 13), 16)
}
