import { randomUUID } from 'node:crypto'
import { AppFailure } from '@shared/errors'
import type { Journal } from '../journal/journal'
import type { Logger } from '../support/log'
import type { LedgerMismatch } from './replicator'

const REASONS = {
  truncated: 'ledgerTruncated',
  different: 'ledgerDifferent',
  fork: 'ledgerFork',
  chain: 'ledgerChain'
} as const satisfies Record<LedgerMismatch['kind'], string>

/**
 * The agency ledger holds what this journal no longer does: a journal incident like the keyed
 * journal's own (journal/incidents.ts), open app-wide until a supervisor acknowledges it. The
 * fingerprint names the server's entry, not how it differs, so a cut that later reads as a
 * different entry (new entries continuing past the cut) is one incident — and the journal's own
 * `known` set keeps it from being raised again after a restart.
 */
export function ledgerIncident(journal: Journal, mismatch: LedgerMismatch, log: Logger): void {
  const fingerprint = `ledger:${mismatch.seq}:${mismatch.serverHash ?? '-'}`
  if (journal.knownDamage(fingerprint)) return
  log.error('ledger: the agency server holds what this journal does not', { ...mismatch })
  try {
    journal.append({
      action: 'journalIncident',
      refs: { incidentId: randomUUID() },
      result: REASONS[mismatch.kind],
      detail: {
        source: 'agencyLedger',
        kind: mismatch.kind,
        seq: mismatch.seq,
        serverHash: mismatch.serverHash,
        line: 0,
        places: 1,
        found: fingerprint
      }
    })
  } catch (cause) {
    // a disk that refuses writes: the storage warning says so; the next sync raises it again
    if (!(cause instanceof AppFailure && cause.error.code === 'STORAGE_UNWRITABLE')) throw cause
  }
}
