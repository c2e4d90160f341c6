import type { BatchReply, HeartbeatBody } from '@shared/ledger-protocol'
import type { Clock } from '../support/clock'
import { LedgerError, type LedgerClient, type LedgerIdentity } from './client'

/** The narrow view of the journal the replicator reads (the journal adapts to it). */
export interface JournalLines {
  /** the last seq written (0 when empty) */
  lastSeq(): number
  /** up to `limit` lines after `seq`, exactly as written, in order */
  linesAfter(seq: number, limit: number): string[]
}

/**
 * The server holds something this journal does not: it is shorter than the server's head
 * (`truncated`), its entry at the server's head differs (`different`), or the server refused a
 * line as a fork / chain break. Raised as a journal incident by the caller.
 */
export interface LedgerMismatch {
  kind: 'truncated' | 'different' | 'fork' | 'chain'
  seq: number
  serverHash: string | null
}

export type LedgerStatus =
  | { state: 'upToDate' }
  | { state: 'behind'; behind: number }
  | { state: 'unreachable'; behind: number }
  | { state: 'refused'; code: string }

export interface ReplicatorDeps {
  client: LedgerClient
  identity: LedgerIdentity
  journal: JournalLines
  onMismatch(mismatch: LedgerMismatch): void
  onStatus?(status: LedgerStatus): void
  /** what the heartbeat reports besides the time and the journal head */
  heartbeat?(): Omit<HeartbeatBody, 'at' | 'journalHead'>
  clock?: Clock
  batchSize?: number
}

/**
 * Ships the journal to the agency server in order, in signed batches, resuming from the server's
 * last seq (so a day offline ends with each entry stored once), and compares heads at every sync
 * and after every batch: a local journal now shorter than, or different from, what the server
 * holds is caught even when whoever rewrote it holds the local key.
 */
export class LedgerReplicator {
  private serverSeq = 0
  private readonly reported = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private running: Promise<LedgerStatus> | undefined
  private lastBeat = 0
  private stopped = true

  constructor(private readonly deps: ReplicatorDeps) {}

  /** One pass: head, compare, ship until caught up. Never throws. */
  sync(): Promise<LedgerStatus> {
    this.running ??= this.pass().finally(() => (this.running = undefined))
    return this.running
  }

  private async pass(): Promise<LedgerStatus> {
    const { client, identity, journal } = this.deps
    const batchSize = this.deps.batchSize ?? 200
    let status: LedgerStatus
    try {
      let head = await client.sendBatch(identity, [])
      while (this.agrees(head) && head.lastSeq < journal.lastSeq()) {
        const reply = await client.sendBatch(identity, journal.linesAfter(head.lastSeq, batchSize))
        if (reply.incidents.length > 0) {
          for (const incident of reply.incidents)
            this.mismatch({ kind: incident.kind, seq: incident.seq, serverHash: incident.storedHash })
          head = reply
          break
        }
        if (reply.lastSeq <= head.lastSeq) break // nothing taken (held): try again next time
        head = reply
      }
      this.serverSeq = head.lastSeq
      const behind = journal.lastSeq() - head.lastSeq
      status = !this.agrees(head, false)
        ? { state: 'refused', code: 'mismatch' }
        : behind > 0
          ? { state: 'behind', behind }
          : { state: 'upToDate' }
    } catch (cause) {
      const code = cause instanceof LedgerError ? cause.code : 'unreachable'
      status =
        code === 'unreachable' || (cause instanceof LedgerError && cause.status >= 500)
          ? { state: 'unreachable', behind: Math.max(0, journal.lastSeq() - this.serverSeq) }
          : { state: 'refused', code }
    }
    this.deps.onStatus?.(status)
    await this.beat()
    return status
  }

  /** The server's head is an entry this journal has, with the same hash. */
  private agrees(head: BatchReply, report = true): boolean {
    if (head.lastSeq === 0) return true
    const local = this.deps.journal.lastSeq()
    if (local < head.lastSeq) {
      if (report) this.mismatch({ kind: 'truncated', seq: head.lastSeq, serverHash: head.lastHash })
      return false
    }
    const [line] = this.deps.journal.linesAfter(head.lastSeq - 1, 1)
    let hash: unknown
    try {
      hash = (JSON.parse(line ?? '{}') as { hash?: unknown }).hash
    } catch {
      hash = undefined
    }
    if (hash !== head.lastHash) {
      if (report) this.mismatch({ kind: 'different', seq: head.lastSeq, serverHash: head.lastHash })
      return false
    }
    return true
  }

  private mismatch(mismatch: LedgerMismatch): void {
    const key = `${mismatch.kind}:${mismatch.seq}:${mismatch.serverHash}`
    if (this.reported.has(key)) return // raised once, not at every sync
    this.reported.add(key)
    this.deps.onMismatch(mismatch)
  }

  /** Every minute at most: outbox backlog, open shift, version, last error. Best effort. */
  private async beat(): Promise<void> {
    const now = (this.deps.clock ?? Date).now()
    if (!this.deps.heartbeat || now - this.lastBeat < 60_000) return
    this.lastBeat = now
    const body = { ...this.deps.heartbeat(), at: new Date(now).toISOString(), journalHead: this.deps.journal.lastSeq() }
    await this.deps.client.heartbeat(this.deps.identity, body).catch(() => (this.lastBeat = 0))
  }

  /** Syncs every `intervalMs` (and when nudged, e.g. on each journal append). */
  start(intervalMs = 10_000): void {
    this.stopped = false
    const loop = () => {
      if (!this.stopped) this.timer = setTimeout(() => void this.sync().then(loop), intervalMs)
    }
    void this.sync().then(loop)
  }

  nudge(): void {
    void this.sync()
  }

  /** Stops the timer; resolves when a pass under way has ended (or after `waitMs`, a server that does not answer). */
  async stop(waitMs = 2_000): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    this.timer = undefined
    if (!this.running) return
    let timer: NodeJS.Timeout | undefined
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))])
    clearTimeout(timer)
  }
}
