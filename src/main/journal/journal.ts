import { createHash } from 'node:crypto'
import { JournalEntrySchema, type JournalEntry, type JournalVerification, type NewJournalEntry } from '@shared/books'
import { DurableLog, type DurableRow } from '../storage/durable-log'
import { StorageHealth } from '../storage/health'
import type { Clock } from '../support/clock'
import { createLogger } from '../support/log'

export const GENESIS = '0'.repeat(64)

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * An entry's hash is over the exact JSON written for it (all fields but `hash`, in the order
 * written). Verification hashes the line's own text up to its hash field, so any change to a
 * line — even a reformatting — shows, and nothing has to be re-serialized to check.
 */
export function entryHash(entry: Omit<JournalEntry, 'hash'>): string {
  const { hash: _ignored, ...rest } = entry as JournalEntry
  return sha256(JSON.stringify(rest))
}

const HASH_FIELD = ',"hash":"'

/** The hash of a written line, recomputed from its own text (null when it has no hash field). */
function lineHash(line: string): string | null {
  const at = line.lastIndexOf(HASH_FIELD)
  return at < 0 ? null : sha256(line.slice(0, at) + '}')
}

/**
 * Where the journal's last seq and hash are also kept (the settings store: another file, in
 * another format). A chain alone cannot show that its last entries — or the whole file —
 * were removed; the anchor can. Someone able to rewrite both files consistently is beyond
 * what an unkeyed chain can detect.
 */
export interface JournalAnchor {
  get(): { seq: number; hash: string } | undefined
  set(head: { seq: number; hash: string }): void
}

export interface Who {
  operator: string
  /** the signed-in operator's account id (absent while sign-in is off) */
  operatorId?: string
  terminal: string
  /** training mode: every entry says so */
  training?: boolean
}

/**
 * The counter's append-only record. Each entry carries the hash of the previous one and its
 * own, so an edited, removed or reordered entry breaks the chain at a place we can name.
 * Every append is flushed (fsync) before it returns; a torn last line (power cut) is dropped
 * at open, not fatal. A broken chain never stops the counter: the warning stays visible and
 * new entries chain on from the last line as it stands.
 */
export class Journal {
  private entries: JournalEntry[] = []
  private readonly file: DurableLog
  private lastCheck: JournalVerification = { ok: true, entries: 0, firstBad: null, tornTail: false, checkedAt: '' }
  private readonly listeners = new Set<(entry: JournalEntry) => void>()

  constructor(
    readonly path: string,
    private readonly clock: Clock,
    private readonly who: () => Who,
    private readonly anchor?: JournalAnchor,
    health: StorageHealth = new StorageHealth(createLogger(() => undefined))
  ) {
    this.file = new DurableLog(path, { checksum: false, clock, health })
  }

  /**
   * Reads and checks the journal. Damage is kept aside and reported by the durable file; the
   * lines stay as they are (they are the evidence), except a torn last line, which is cut.
   */
  open(): JournalVerification {
    const read = this.file.open(isJsonObject)
    const { entries, report } = this.check(read.rows, read.damage?.kind === 'torn')
    // a broken chain is damage only the journal can see: keep a copy of the evidence (once) and say so
    if (!report.ok && !read.damage && report.firstBad) {
      const bad = read.rows[report.firstBad.line - 1]?.text ?? ''
      this.file.keepCopy(
        'damaged',
        1,
        `chain:${report.firstBad.reason}:${createHash('sha256').update(bad).digest('hex')}`
      )
    }
    this.entries = entries
    this.lastCheck = report
    return report
  }

  /** Re-reads the file from disk and checks the chain (at start-up and on demand). */
  verify(): JournalVerification {
    this.lastCheck = this.check(this.file.peek(isJsonObject), false).report
    return this.lastCheck
  }

  get verification(): JournalVerification {
    return this.lastCheck
  }

  all(): readonly JournalEntry[] {
    return this.entries
  }

  append(fresh: NewJournalEntry): JournalEntry {
    const last = this.entries[this.entries.length - 1]
    const { operator, operatorId, terminal, training } = this.who()
    const body: Omit<JournalEntry, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at: new Date(this.clock.now()).toISOString(),
      operator,
      ...(operatorId ? { operatorId } : {}),
      terminal,
      ...(training ? { training: true as const } : {}),
      action: fresh.action,
      refs: fresh.refs ?? {},
      amount: fresh.amount ?? null,
      amounts: fresh.amounts ?? [],
      result: fresh.result,
      detail: fresh.detail ?? {},
      prev: last?.hash ?? GENESIS
    }
    const entry: JournalEntry = { ...body, hash: entryHash(body) }
    this.file.append(JSON.stringify(entry)) // throws STORAGE_UNWRITABLE when the disk refuses
    try {
      this.anchor?.set({ seq: entry.seq, hash: entry.hash })
    } catch {
      // the settings file refused the head: the entry itself is durable; the storage warning says why
    }
    this.entries.push(entry)
    this.lastCheck = { ...this.lastCheck, entries: this.entries.length }
    for (const listener of this.listeners) listener(entry)
    return entry
  }

  onAppend(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.file.close()
  }

  private check(rows: DurableRow[], tornTail: boolean): { entries: JournalEntry[]; report: JournalVerification } {
    const checkedAt = new Date(this.clock.now()).toISOString()
    const lines = rows.map((row) => row.text)
    const entries: JournalEntry[] = []
    let firstBad: JournalVerification['firstBad'] = null
    let prev = GENESIS
    lines.forEach((line, index) => {
      let entry: JournalEntry | null
      try {
        const parsed = JournalEntrySchema.safeParse(JSON.parse(line))
        entry = parsed.success ? parsed.data : null
      } catch {
        entry = null
      }
      if (!entry) {
        firstBad ??= { seq: null, line: index + 1, reason: 'malformed' }
        return
      }
      if (!firstBad) {
        const expectedSeq = (entries[entries.length - 1]?.seq ?? 0) + 1
        if (lineHash(line) !== entry.hash) firstBad = { seq: entry.seq, line: index + 1, reason: 'edited' }
        else if (entry.seq !== expectedSeq || entry.prev !== prev) {
          const missingComesLater = lines.slice(index + 1).some((later) => later.includes(`"seq":${expectedSeq},`))
          firstBad = {
            seq: entry.seq,
            line: index + 1,
            reason:
              entry.seq > expectedSeq && !missingComesLater
                ? 'removed'
                : entry.seq === expectedSeq
                  ? 'edited'
                  : 'reordered'
          }
        }
      }
      prev = entry.hash
      entries.push(entry)
    })
    // the anchor kept elsewhere names an entry this file no longer ends with
    const head = this.anchor?.get()
    if (!firstBad && head && (entries.length < head.seq || entries[head.seq - 1]?.hash !== head.hash)) {
      firstBad = {
        seq: head.seq,
        line: Math.min(entries.length, head.seq) + 1,
        reason: entries.length < head.seq ? 'truncated' : 'edited'
      }
    }
    return { entries, report: { ok: firstBad === null, entries: entries.length, firstBad, tornTail, checkedAt } }
  }
}

/** A journal line reads when it is a JSON object; whether it is a good entry is the chain check's call. */
function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}
