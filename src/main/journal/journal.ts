import type { JournalEntry, JournalIncident, JournalVerification, NewJournalEntry } from '@shared/books'
import { DurableLog } from '../storage/durable-log'
import { StorageHealth } from '../storage/health'
import type { Clock } from '../support/clock'
import { createLogger } from '../support/log'
import { anchorText, checkAnchor, type JournalAnchor } from './anchor'
import { GENESIS, sha256, type Break } from './chain'
import { writeCheckpoint } from './checkpoint'
import { factId } from './facts'
import { macWith, type JournalKey } from './key'
import { JournalLines } from './lines'
import { checkEveryLine, keyMismatch } from './full-check'
import { startFromCheckpoint, startWhole, type Started } from './start'
import { JournalState, type ShiftRef } from './state'

export { GENESIS } from './chain'
export type { JournalAnchor } from './anchor'

/** An unkeyed entry's hash (older journals, and journals opened without a key). */
export function entryHash(entry: Omit<JournalEntry, 'hash'>): string {
  const { hash: _ignored, ...rest } = entry as JournalEntry
  return sha256(JSON.stringify(rest))
}

export interface Who {
  operator: string
  /** the signed-in operator's account id (absent while sign-in is off) */
  operatorId?: string
  terminal: string
  /** training mode: every entry says so */
  training?: boolean
}

export interface JournalTuning {
  /** below this file size the whole file is checked at start (8 MiB, about 20 000 entries: tens of ms) */
  quickAbove: number
  /** a checkpoint is written after this many appends (and at close, and after a clean full check) */
  checkpointEvery: number
}

const TUNING: JournalTuning = { quickAbove: 8 << 20, checkpointEvery: 1000 }

/**
 * The counter's append-only record. Each entry carries the previous entry's hash and its own —
 * an HMAC with the journal's key (key.ts) — so an edited, removed or reordered entry breaks
 * the chain at a place we can name, and nobody without the key can recompute it. Every append
 * is flushed (fsync) before it returns; a torn last line (power cut) is dropped at open.
 *
 * At scale (a year is ~365 000 entries) nothing holds the entries: they are read from disk by
 * line (lines.ts), a start checks only what follows the last keyed checkpoint (start.ts), and
 * the full check runs in the background and on demand. A broken chain never stops the counter.
 */
export class Journal {
  private readonly file: DurableLog
  private readonly lines: JournalLines
  private readonly mac: ((text: string) => string) | null
  private state = new JournalState()
  private last: { seq: number; hash: string } | null = null
  /** appends continue from the anchor when the file lost its end (the gap stays visible) */
  private resume: { seq: number; hash: string } | null = null
  private keyed = false
  private breaks: Break[] = []
  private sinceCheckpoint = 0
  private lastCheck: JournalVerification
  private readonly listeners = new Set<(entry: JournalEntry) => void>()
  private readonly checkListeners = new Set<(breaks: Break[]) => void>()

  constructor(
    readonly path: string,
    private readonly clock: Clock,
    private readonly who: () => Who,
    private readonly anchor?: JournalAnchor,
    health: StorageHealth = new StorageHealth(createLogger(() => undefined)),
    private readonly key: JournalKey | null = null,
    private readonly tuning: JournalTuning = TUNING
  ) {
    this.file = new DurableLog(path, { checksum: false, clock, health })
    this.lines = new JournalLines(path)
    this.mac = key ? macWith(key.key) : null
    this.lastCheck = this.report([], false, 'full')
  }

  /**
   * Reads and checks the journal: from the last keyed checkpoint when one verifies, else the
   * whole file. Damage is kept aside and reported; the lines stay as they are (the evidence),
   * except a torn last line, which is cut. An older unkeyed journal is continued by a keyed
   * entry that names its last seq and hash.
   */
  open(): JournalVerification {
    const context = {
      path: this.path,
      file: this.file,
      lines: this.lines,
      mac: this.mac,
      anchorSeq: this.anchor?.get()?.seq ?? null,
      quickAbove: this.tuning.quickAbove
    }
    const quick = startFromCheckpoint(context)
    const started = quick ?? startWhole(context)
    this.adopt(started)
    // a whole read is worth a checkpoint at the next occasion
    if (!quick) this.sinceCheckpoint = this.count
    const tornTail = started.tornTail
    const found = this.anchorBreak()
    // a key that is not the journal's explains every other break: it comes first
    if (found) this.breaks = found.reason === 'key' ? [found, ...this.breaks] : [...this.breaks, found]
    const report = (this.lastCheck = this.report(this.breaks, tornTail, quick === null ? 'full' : 'start'))
    const keyReplaced = this.breaks.some((found) => found.reason === 'key')
    if (this.key?.created && this.last && !this.keyed && !keyReplaced) {
      const { seq, hash } = this.last
      this.append({ action: 'journalKeyed', result: 'migrated', detail: { continuesSeq: seq, continuesHash: hash } })
    }
    this.notifyChecked()
    return report
  }

  /** Re-reads the whole file from disk and checks every entry (on demand; blocks until done). */
  verify(): JournalVerification {
    const steps = this.fullCheck()
    let step = steps.next()
    while (!step.done) step = steps.next()
    return step.value
  }

  /** The same full check, a page at a time between other work (at start-up and for "Verify now"). */
  async verifyInBackground(): Promise<JournalVerification> {
    const steps = this.fullCheck()
    let step = steps.next()
    while (!step.done) {
      await new Promise((resolve) => setImmediate(resolve))
      step = steps.next()
    }
    return step.value
  }

  get verification(): JournalVerification {
    return this.lastCheck
  }

  /** Lines in the file (entries, and any that do not read). */
  get count(): number {
    return this.lines.count
  }

  /** The last entry's seq and hash (appends chain on from it). */
  get head(): { seq: number; hash: string } | null {
    return this.last
  }

  /** Signs the anchor again for the journal as it stands (after the settings file that held it was lost). */
  reanchor(): void {
    if (!this.last) return
    this.anchor?.set({
      seq: this.last.seq,
      hash: this.last.hash,
      ...(this.mac ? { mac: this.mac(anchorText(this.last.seq, this.last.hash)) } : {})
    })
  }

  /** The raw texts of lines [from, to). */
  texts(from: number, to: number): string[] {
    return this.lines.texts(from, to)
  }

  /** The bytes of lines [from, to), undecoded (a search looks for a needle before reading lines). */
  bytes(from: number, to: number): Buffer {
    return this.lines.bytes(from, to)
  }

  /** The entries of lines [from, to), in file order (lines that do not read are left out). */
  entries(from: number, to: number): JournalEntry[] {
    return this.lines.entries(from, to)
  }

  /** Entries written at or after `iso`, oldest first (read backwards from the end, a page at a time). */
  since(iso: string): JournalEntry[] {
    return this.lines.since(iso)
  }

  shifts(): readonly ShiftRef[] {
    return this.state.shifts
  }

  openShift(): ShiftRef | null {
    return this.state.openShift()
  }

  /** The entries of a shift, from its opening to its closing (or the end while it is open); null when unknown. */
  entriesOfShift(id: string): JournalEntry[] | null {
    const shift = this.state.shifts.findLast((one) => one.id === id)
    return shift ? this.entries(shift.opened, (shift.closed ?? this.count - 1) + 1) : null
  }

  /** Whether a fact (books/recorder factKey) is already written. */
  hasFact(key: string): boolean {
    return this.state.hasFact(factId(key))
  }

  incident(id: string): JournalIncident | null {
    return this.state.incidents.get(id) ?? null
  }

  /** Fingerprints of damages an incident was already recorded for. */
  knownDamage(fingerprint: string): boolean {
    return this.state.known.has(fingerprint)
  }

  append(fresh: NewJournalEntry): JournalEntry {
    const after = this.resume ?? this.last
    const { operator, operatorId, terminal, training } = this.who()
    const body: Omit<JournalEntry, 'hash'> = {
      seq: (after?.seq ?? 0) + 1,
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
      prev: after?.hash ?? GENESIS
    }
    const text = JSON.stringify(body)
    const entry: JournalEntry = { ...body, hash: this.mac ? this.mac(text) : sha256(text) }
    const line = JSON.stringify(entry)
    this.file.append(line) // throws STORAGE_UNWRITABLE when the disk refuses
    this.lines.appended(line)
    this.state.apply(entry, this.count - 1)
    this.last = { seq: entry.seq, hash: entry.hash }
    this.resume = null
    if (this.mac) this.keyed = true
    try {
      this.reanchor()
    } catch {
      // the settings file refused the head: the entry itself is durable; the storage warning says why
    }
    this.entriesSeen++
    this.lastCheck = { ...this.lastCheck, entries: this.entriesSeen, incidents: this.state.openIncidents() }
    if (++this.sinceCheckpoint >= this.tuning.checkpointEvery) this.checkpoint()
    for (const listener of this.listeners) listener(entry)
    return entry
  }

  onAppend(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called after every check with the breaks it found (incidents.ts records the new ones). */
  onChecked(listener: (breaks: Break[]) => void): () => void {
    this.checkListeners.add(listener)
    return () => this.checkListeners.delete(listener)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.sinceCheckpoint > 0) this.checkpoint()
    this.file.close()
    this.lines.close()
  }

  /** The check of every line, yielding between pages; ends with the report. */
  private *fullCheck(): Generator<void, JournalVerification> {
    const lines = this.count
    const checked = yield* checkEveryLine({
      path: this.path,
      mac: this.mac,
      head: this.anchor?.get(),
      lines,
      until: this.lines.end,
      now: () => ({ count: this.count, lastSeq: this.last?.seq ?? 0 }),
      stopped: () => this.closed
    })
    if (!checked) return this.lastCheck
    this.breaks = checked.breaks
    this.entriesSeen = checked.checker.entries + (this.count - lines)
    this.lastCheck = this.report(checked.breaks, false, 'full')
    if (checked.breaks.length === 0 && this.key) this.checkpoint()
    this.notifyChecked()
    return this.lastCheck
  }

  private adopt({ state, checker, breaks, entriesBefore }: Started): void {
    this.state = state
    this.last = checker.last
    this.keyed = checker.keyed
    this.breaks = breaks
    this.entriesSeen = entriesBefore + checker.entries
    this.seen = checker.seen
    this.macFailures = keyMismatch(checker)
  }

  private closed = false
  private entriesSeen = 0
  private seen: { seq: number; hash: string } | null = null
  private macFailures = false

  private anchorBreak(): Break | null {
    const head = this.anchor?.get()
    const { found, resume } = checkAnchor(
      head,
      {
        last: this.last,
        lines: this.count,
        seen: this.seen,
        keyCreated: this.key?.created ?? false,
        macFailures: this.macFailures
      },
      this.mac
    )
    this.resume = resume
    return found
  }

  private report(breaks: Break[], tornTail: boolean, scope: 'full' | 'start'): JournalVerification {
    const first = breaks[0]
    return {
      ok: breaks.length === 0,
      entries: this.entriesSeen,
      firstBad: first ? { seq: first.seq, line: first.line, reason: first.reason } : null,
      tornTail,
      checkedAt: new Date(this.clock.now()).toISOString(),
      incidents: this.state.openIncidents(),
      protection: this.key?.protection ?? 'none',
      scope
    }
  }

  private notifyChecked(): void {
    for (const listener of this.checkListeners) listener(this.breaks)
  }

  private checkpoint(): void {
    if (!this.mac || !this.last || this.count === 0) return
    this.sinceCheckpoint = 0
    writeCheckpoint(
      `${this.path}.checkpoint`,
      this.mac,
      {
        lines: this.count,
        entries: this.entriesSeen,
        bytes: this.lines.end,
        seq: this.last.seq,
        hash: this.last.hash,
        keyed: this.keyed,
        breaks: this.breaks,
        state: this.state.toJson()
      },
      this.state.facts()
    )
  }
}
