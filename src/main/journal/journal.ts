import { createHash } from 'node:crypto'
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync
} from 'node:fs'
import { dirname } from 'node:path'
import { JournalEntrySchema, type JournalEntry, type JournalVerification, type NewJournalEntry } from '@shared/books'
import type { Clock } from '../support/clock'

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
  private fd: number | null = null
  private lastCheck: JournalVerification = { ok: true, entries: 0, firstBad: null, tornTail: false, checkedAt: '' }
  private readonly listeners = new Set<(entry: JournalEntry) => void>()

  constructor(
    readonly path: string,
    private readonly clock: Clock,
    private readonly who: () => Who,
    private readonly anchor?: JournalAnchor
  ) {}

  open(): JournalVerification {
    mkdirSync(dirname(this.path), { recursive: true })
    const { entries, report, tornAt, missingNewline } = this.read()
    if (tornAt !== null) truncateSync(this.path, tornAt)
    // a complete last line that lost its newline: give it one before anything is appended
    else if (missingNewline) appendFileSync(this.path, '\n')
    this.entries = entries
    this.lastCheck = report
    return report
  }

  /** Re-reads the file from disk and checks the chain (at start-up and on demand). */
  verify(): JournalVerification {
    this.lastCheck = this.read().report
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
    const { operator, terminal, training } = this.who()
    const body: Omit<JournalEntry, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at: new Date(this.clock.now()).toISOString(),
      operator,
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
    this.fd ??= openSync(this.path, 'a')
    writeSync(this.fd, `${JSON.stringify(entry)}\n`)
    fsyncSync(this.fd)
    this.anchor?.set({ seq: entry.seq, hash: entry.hash })
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
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  private read(): {
    entries: JournalEntry[]
    report: JournalVerification
    tornAt: number | null
    missingNewline: boolean
  } {
    const checkedAt = new Date(this.clock.now()).toISOString()
    const text = existsSync(this.path) ? readFileSync(this.path, 'utf8') : ''
    const lines = text.split('\n')
    const endsClean = text === '' || text.endsWith('\n')
    const entries: JournalEntry[] = []
    let firstBad: JournalVerification['firstBad'] = null
    let tornAt: number | null = null
    let offset = 0
    let prev = GENESIS
    lines.forEach((line, index) => {
      const start = offset
      offset += Buffer.byteLength(line) + 1
      if (line === '') return
      let entry: JournalEntry | null
      try {
        const parsed = JournalEntrySchema.safeParse(JSON.parse(line))
        entry = parsed.success ? parsed.data : null
      } catch {
        entry = null
      }
      if (!entry) {
        if (index === lines.length - 1 && !endsClean) tornAt = start
        else firstBad ??= { seq: null, line: index + 1, reason: 'malformed' }
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
    return {
      entries,
      tornAt,
      missingNewline: !endsClean && tornAt === null,
      report: { ok: firstBad === null, entries: entries.length, firstBad, tornTail: tornAt !== null, checkedAt }
    }
  }
}
