import { DueHeap } from './heap'
import { ACTIVE_STATES, type OutboxItem } from './item'

export const isActive = (item: OutboxItem): boolean => ACTIVE_STATES.includes(item.state)

/**
 * The outbox's in-memory view of its log: every item, the active one per key, the latest
 * one per key, per-currency totals of what waits, and the due-time heap. All are kept in
 * step by `put`, one change at a time, so nothing here grows with the queue per operation.
 */
export class QueueIndex {
  private readonly items = new Map<string, OutboxItem>()
  private readonly activeByKey = new Map<string, string>()
  /** the latest item per key, finished or not: a new write after a discarded one may need a verify */
  private readonly lastByKey = new Map<string, string>()
  private readonly totals = new Map<string, { minor: number; count: number }>()
  private readonly due = new DueHeap()

  get size(): number {
    return this.items.size
  }

  get(id: string): OutboxItem | undefined {
    return this.items.get(id)
  }

  all(): IterableIterator<OutboxItem> {
    return this.items.values()
  }

  active(key: string): OutboxItem | undefined {
    const id = this.activeByKey.get(key)
    return id ? this.items.get(id) : undefined
  }

  *activeItems(): IterableIterator<OutboxItem> {
    for (const id of this.activeByKey.values()) yield this.items.get(id)!
  }

  latest(key: string): OutboxItem | undefined {
    return this.items.get(this.lastByKey.get(key) ?? '')
  }

  waitingIn(currency: string): { minor: number; count: number } {
    return this.totals.get(currency) ?? { minor: 0, count: 0 }
  }

  waitingTotals(): { currency: string; minor: number; count: number }[] {
    return [...this.totals.entries()]
      .filter(([, total]) => total.count > 0)
      .map(([currency, total]) => ({ currency, minor: total.minor, count: total.count }))
  }

  /** Records one change of an item in every index. */
  put(item: OutboxItem): void {
    const previous = this.items.get(item.id)
    this.items.set(item.id, item)
    const latest = this.latest(item.key)
    if (!latest || latest.createdAt <= item.createdAt) this.lastByKey.set(item.key, item.id)
    if (previous && isActive(previous)) this.account(previous, -1)
    if (isActive(item)) {
      this.account(item, +1)
      this.activeByKey.set(item.key, item.id)
    } else if (this.activeByKey.get(item.key) === item.id) {
      this.activeByKey.delete(item.key)
    }
    if (item.state === 'pending') this.due.push(item.nextAttemptAt, item.id)
  }

  /** Moves a pending item's next attempt in memory only (a held probe, a disk that refused a write). */
  reschedule(item: OutboxItem, at: number): OutboxItem {
    const moved = { ...item, nextAttemptAt: at }
    this.items.set(item.id, moved)
    this.due.push(at, item.id)
    return moved
  }

  /** The pending item due first, skipping heap entries that no longer match their item. */
  firstDue(): OutboxItem | undefined {
    for (;;) {
      const top = this.due.peek()
      if (!top) return undefined
      const item = this.items.get(top.id)
      if (item && item.state === 'pending' && item.nextAttemptAt === top.at) return item
      this.due.pop()
    }
  }

  /** Takes the item `firstDue` returned off the heap. */
  takeFirstDue(): void {
    this.due.pop()
  }

  /** Forgets finished items beyond the newest `keep` (compaction keeps a history, not everything). */
  prune(keep: number): void {
    const finished = [...this.items.values()]
      .filter((item) => !isActive(item))
      .sort((a, b) => b.updatedAt - a.updatedAt)
    for (const old of finished.slice(keep)) this.items.delete(old.id)
  }

  private account(item: OutboxItem, sign: 1 | -1): void {
    if (!item.amount) return
    const total = this.waitingIn(item.amount.currency)
    this.totals.set(item.amount.currency, { minor: total.minor + sign * item.amount.minor, count: total.count + sign })
  }
}
