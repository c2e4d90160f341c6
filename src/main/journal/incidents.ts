import { randomUUID } from 'node:crypto'
import type { JournalVerification } from '@shared/books'
import { AppFailure } from '@shared/errors'
import type { SupervisorApproval } from '@shared/schemas/approval'
import type { Authorize } from '../operators/approval'
import type { Break } from './chain'
import type { Journal } from './journal'

/**
 * A damage found in the journal becomes an incident, recorded in the journal itself (what was
 * found, where, how many places) and open — on screen, after more work, restarts and "Verify
 * now" — until a supervisor acknowledges it with a note. Each damage is named by a fingerprint
 * (chain.ts) that later appends do not change, so it is recorded once and, the break being in
 * the file for good, never goes unseen by a later check.
 */
export function recordIncidents(journal: Journal): () => void {
  return journal.onChecked((breaks) => {
    const fresh = breaks.filter((found) => !journal.knownDamage(found.fingerprint))
    if (fresh.length === 0) return
    record(journal, fresh)
  })
}

function record(journal: Journal, fresh: Break[]): void {
  const first = fresh[0]!
  try {
    journal.append({
      action: 'journalIncident',
      refs: { incidentId: randomUUID() },
      result: first.reason,
      detail: {
        seq: first.seq,
        line: first.line,
        places: fresh.length,
        found: fresh.map((found) => found.fingerprint).join(' ')
      }
    })
  } catch (cause) {
    // a disk that refuses writes: the storage warning says so; the next check records it
    if (!(cause instanceof AppFailure && cause.error.code === 'STORAGE_UNWRITABLE')) throw cause
  }
}

/** A supervisor acknowledges an incident with a note; the journal records who approved. */
export async function acknowledgeIncident(
  journal: Journal,
  authorize: Authorize,
  input: { incidentId: string; note: string; approval?: SupervisorApproval | undefined }
): Promise<JournalVerification> {
  if (input.note.trim() === '') throw new AppFailure({ code: 'VALIDATION', reason: 'noteRequired', field: 'note' })
  const incident = journal.incident(input.incidentId)
  if (!incident) throw new AppFailure({ code: 'NOT_FOUND' })
  if (incident.acknowledged) return journal.verification
  const approver = await authorize('incidentAcknowledge', input.approval)
  journal.append({
    action: 'incidentAcknowledged',
    refs: { incidentId: incident.id },
    result: 'acknowledged',
    detail: { note: input.note.trim(), approverId: approver?.id ?? null, approverName: approver?.name ?? null }
  })
  return journal.verification
}
