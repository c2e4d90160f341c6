import { fsyncSync } from 'node:fs'

interface Waiter {
  fd: number
  bytes: number
  resolve: () => void
  reject: (cause: unknown) => void
}

/**
 * Group commit for one durable file (the technique of database logs): the lines written
 * during one turn of the event loop — every HTTP answer that arrived meanwhile writes its
 * line — wait together and share one fsync, run once the turn's I/O has been handled
 * (setImmediate). A line's promise resolves only after that fsync has returned: no caller
 * sees its write acknowledged before it is on disk. The more is waiting (a busy disk, a busy
 * box), the more each fsync carries. An fsync the owner does itself (a sync append, a close)
 * covers every line written before it: `settleAll` acknowledges them at once.
 */
export class GroupCommit {
  private waiting: Waiter[] = []
  private scheduled = false

  constructor(
    /** bytes and lines now known flushed (the high-water mark grows) */
    private readonly onDurable: (bytes: number, lines: number) => void,
    /** the fsync on `fd` failed: the owner drops the fd, reports, and says what the callers get */
    private readonly onFailure: (cause: unknown, fd: number) => unknown,
    private readonly sync: (fd: number) => void = fsyncSync
  ) {}

  /** Waits for a line of `bytes` just written to `fd`. */
  wait(fd: number, bytes: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ fd, bytes, resolve, reject })
      if (this.scheduled) return
      this.scheduled = true
      setImmediate(() => this.flush())
    })
  }

  /** Lines written but not yet acknowledged. */
  get pending(): number {
    return this.waiting.length
  }

  /** The owner flushed the file itself (fsyncSync): every line written so far is durable. */
  settleAll(): void {
    const waiters = this.waiting
    this.waiting = []
    if (waiters.length === 0) return
    this.onDurable(
      waiters.reduce((sum, waiter) => sum + waiter.bytes, 0),
      waiters.length
    )
    for (const waiter of waiters) waiter.resolve()
  }

  /** A write to the file failed: nothing written but not yet flushed can be trusted. */
  failAll(error: unknown): void {
    const waiters = this.waiting
    this.waiting = []
    for (const waiter of waiters) waiter.reject(error)
  }

  private flush(): void {
    this.scheduled = false
    const fd = this.waiting[0]?.fd
    if (fd === undefined) return // a sync append or a close flushed them already
    try {
      this.sync(fd)
    } catch (cause) {
      this.failAll(this.onFailure(cause, fd))
      return
    }
    this.settleAll()
  }
}
