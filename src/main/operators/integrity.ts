import { randomUUID } from 'node:crypto'
import type { NewJournalEntry } from '@shared/books'
import { AppFailure } from '@shared/errors'
import type { AccountsFinding } from './accounts-decide'

/** The part of the journal this file needs (journal.ts). */
export interface IncidentJournal {
  readonly count: number
  bytes(from: number, to: number): Buffer
  knownDamage(fingerprint: string): boolean
  append(entry: NewJournalEntry): unknown
}

/** The incident's reason, per what was found (the renderer names each: journal-text.ts). */
function reason(finding: AccountsFinding): string {
  if (finding.outcome === 'lost') return 'operatorsLost'
  if (finding.outcome === 'fileKept') return 'operatorsCopy'
  return { missing: 'operatorsMissing', damaged: 'operatorsDamaged', rolledBack: 'operatorsRolledBack' }[
    finding.found as 'missing'
  ]
}

/**
 * What the start found wrong with the accounts becomes a journal incident, like a damage in the
 * journal itself (journal/incidents.ts): open until a supervisor acknowledges it with a note.
 * `found` carries the fingerprint, so a counter that stays locked records it once, not every start.
 */
export function recordAccountsIncident(journal: IncidentJournal, finding: AccountsFinding): void {
  if (journal.knownDamage(finding.fingerprint)) return
  append(journal, reason(finding), {
    damage: finding.found,
    outcome: finding.outcome,
    keptAs: finding.keptAs,
    found: finding.fingerprint
  })
}

/** `--recover-operators` on a counter whose accounts are lost: the installer's explicit, journaled act. */
export function recordRecovery(journal: IncidentJournal, at: number): void {
  append(journal, 'operatorsRecovery', { flag: '--recover-operators', found: `operators-recovery:${at}` })
}

function append(journal: IncidentJournal, result: string, detail: Record<string, string | null>): void {
  try {
    journal.append({
      action: 'journalIncident',
      refs: { incidentId: randomUUID() },
      result,
      detail: { file: 'operators.json', ...detail, seq: null, line: 0, places: 1 }
    })
  } catch (cause) {
    // a disk that refuses writes: the storage warning says so, and the counter stays locked anyway
    if (!(cause instanceof AppFailure && cause.error.code === 'STORAGE_UNWRITABLE')) throw cause
  }
}

const NEEDLES = ['"operatorId":"', '"action":"operatorsChanged"'].map((text) => Buffer.from(text))

/**
 * Whether the journal shows operator accounts existed: an entry written by a signed-in operator or
 * one that changed the accounts (accounts are never deleted, only disabled). Reads the lines from
 * `from` on, backwards a page at a time — where accounts were used, the last page says so.
 */
export function journalShowsAccounts(journal: IncidentJournal, from = 0): boolean {
  for (let to = journal.count; to > from; to -= 2000) {
    const page = journal.bytes(Math.max(from, to - 2000), to)
    if (NEEDLES.some((needle) => page.includes(needle))) return true
  }
  return false
}

const SCANNED_KEY = 'operatorsScanned'

/**
 * How far the journal was read and found without accounts, kept in the settings and MAC'd with the
 * journal's key, so a counter without accounts reads only its new lines at each start. A forged
 * mark does not verify (the whole journal is read); an old, genuine one only makes the read longer;
 * a journal now shorter than the mark is read whole.
 */
export function scannedMark(
  store: { get(key: string): unknown },
  mac: (text: string) => string,
  count: number
): number {
  const mark = store.get(SCANNED_KEY) as { lines?: unknown; mac?: unknown } | undefined
  if (typeof mark?.lines !== 'number' || typeof mark.mac !== 'string') return 0
  if (mark.mac !== mac(`scanned\n${mark.lines}`) || mark.lines > count) return 0
  return mark.lines
}

export function markScanned(
  store: { set(key: string, value: unknown): void },
  mac: (text: string) => string,
  lines: number
): void {
  store.set(SCANNED_KEY, { lines, mac: mac(`scanned\n${lines}`) })
}

/** `npm start -- --recover-operators`; the harness: TAQUILLA_RECOVER_OPERATORS=1 (or the same flag). */
export const RECOVER_FLAG = '--recover-operators'

export function recoverOperators(argv: readonly string[], env: Record<string, string | undefined>): boolean {
  const fromEnv = env['TAQUILLA_RECOVER_OPERATORS']?.trim().toLowerCase()
  return argv.includes(RECOVER_FLAG) || fromEnv === '1' || fromEnv === 'true'
}
