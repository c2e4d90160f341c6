import { closeSync, fsync, fsyncSync } from 'node:fs'

/** How a descriptor is flushed: node's fs.fsync (libuv's thread pool) unless a test runs it inline. */
export type Fsync = (fd: number, done: (cause: NodeJS.ErrnoException | null) => void) => void

/** fsync inline: for a test on a fake clock, where real I/O could not follow the timers. */
export const inlineFsync: Fsync = (fd, done) => {
  try {
    fsyncSync(fd)
  } catch (cause) {
    done(cause as NodeJS.ErrnoException)
    return
  }
  done(null)
}

interface Waiter {
  fd: number
  bytes: number
  resolve: () => void
  reject: (cause: unknown) => void
}

interface Batch {
  waiters: Waiter[]
  settled: boolean
}

/**
 * Group commit for one durable file (the technique of database logs): lines written while an
 * fsync is under way wait together for the next one, so appends that arrive at the same time
 * share one fsync instead of paying one each. A line's promise resolves only after an fsync
 * that began after the line was written has returned: no caller sees its write acknowledged
 * before it is on disk. The fsync runs on libuv's pool, so the event loop keeps serving (HTTP
 * answers, the next lines) meanwhile; the busier the disk, the more each fsync carries. An
 * fsync the owner does itself (a sync append, a close) covers every line written before it:
 * `settleAll` acknowledges them at once.
 */
export class GroupCommit {
  private waiting: Waiter[] = []
  private flying: Batch | null = null
  private flyingFd: number | null = null
  /** descriptors their owner let go of while an fsync ran on them: closed when it returns */
  private readonly retired = new Set<number>()

  constructor(
    /** bytes and lines now known flushed (the high-water mark grows) */
    private readonly onDurable: (bytes: number, lines: number) => void,
    /** the fsync on `fd` failed: the owner drops the fd, reports, and says what the callers get */
    private readonly onFailure: (cause: unknown, fd: number) => unknown,
    private readonly fsyncFd: Fsync = fsync
  ) {}

  /** Waits for a line of `bytes` just written to `fd`. */
  wait(fd: number, bytes: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ fd, bytes, resolve, reject })
      this.kick()
    })
  }

  /** Lines written but not yet acknowledged. */
  get pending(): number {
    return this.waiting.length + (this.flying && !this.flying.settled ? this.flying.waiters.length : 0)
  }

  /** The owner flushed the file itself (fsyncSync): every line written so far is durable. */
  settleAll(): void {
    const waiting: Batch = { waiters: this.waiting, settled: false }
    this.waiting = []
    if (this.flying) this.settle(this.flying)
    this.settle(waiting)
  }

  /** A write to the file failed: nothing written but not yet flushed can be trusted. */
  failAll(error: unknown): void {
    const waiters = [...(this.flying && !this.flying.settled ? this.flying.waiters : []), ...this.waiting]
    if (this.flying) this.flying.settled = true
    this.waiting = []
    for (const waiter of waiters) waiter.reject(error)
  }

  /** The owner closes `fd` (after settleAll or failAll): now, or when the fsync under way on it returns. */
  release(fd: number): void {
    if (this.flyingFd === fd) this.retired.add(fd)
    else closeSync(fd)
  }

  private kick(): void {
    if (this.flying || this.waiting.length === 0) return
    const fd = this.waiting[0]!.fd
    const batch: Batch = { waiters: this.waiting, settled: false }
    this.waiting = []
    this.flying = batch
    this.flyingFd = fd
    this.fsyncFd(fd, (cause) => {
      this.flying = null
      this.flyingFd = null
      if (this.retired.delete(fd)) closeQuietly(fd)
      if (cause) this.fail(batch, cause, fd)
      else this.settle(batch)
      this.kick()
    })
  }

  private settle(batch: Batch): void {
    if (batch.settled) return
    batch.settled = true
    if (batch.waiters.length === 0) return
    this.onDurable(
      batch.waiters.reduce((sum, waiter) => sum + waiter.bytes, 0),
      batch.waiters.length
    )
    for (const waiter of batch.waiters) waiter.resolve()
  }

  /** After a failed fsync nothing written to that descriptor can be trusted: every waiter on it is told. */
  private fail(batch: Batch, cause: unknown, fd: number): void {
    if (batch.settled) return // a sync flush of the owner acknowledged them meanwhile
    batch.settled = true
    const waiters = [...batch.waiters, ...this.waiting.filter((waiter) => waiter.fd === fd)]
    this.waiting = this.waiting.filter((waiter) => waiter.fd !== fd)
    const error = this.onFailure(cause, fd)
    for (const waiter of waiters) waiter.reject(error)
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd)
  } catch {
    // already gone with a failed write
  }
}
