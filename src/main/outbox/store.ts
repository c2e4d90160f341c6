import type { Logger } from '../support/log'
import type { OutboxItem } from './item'
import type { AppendLog } from './log'
import type { QueueIndex } from './queue-index'

interface Ack {
  item: OutboxItem
  ready: boolean
  done: () => void
}

/**
 * The outbox's changes on their way to disk: each is written to the log and applied to the
 * in-memory queue at once, and told to the listeners (book, journal, event bus) only once it is
 * on disk, in the order the changes were written. Compacts the log when it has grown.
 */
export class OutboxStore {
  private readonly listeners = new Set<(item: OutboxItem) => void>()
  /** changes written, in write order, each told to the listeners once it is on disk */
  private acks: Ack[] = []

  constructor(
    private readonly log: AppendLog<OutboxItem>,
    private readonly queue: QueueIndex,
    private readonly logger: Logger,
    private readonly historyLimit: number
  ) {}

  onChange(listener: (item: OutboxItem) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A teller's change (enqueue, retry, discard): flushed before it returns, like every line written before it. */
  save(item: OutboxItem): OutboxItem {
    this.log.append(item)
    this.queue.put(item)
    this.compactIfDue()
    // that fsync covered the drain's lines still waiting for theirs: acknowledged first, in order
    for (const ack of this.acks) ack.ready = true
    this.acks.push({ item, ready: true, done: () => undefined })
    this.acknowledge()
    return item
  }

  /**
   * The drain's change: written and applied in memory now, acknowledged (listeners, the
   * returned promise) only once its fsync — shared with the lines written meanwhile — returned.
   * Acknowledgements keep the order of the writes.
   */
  saveGrouped(item: OutboxItem): Promise<OutboxItem> {
    const durable = this.log.appendGrouped(item)
    this.queue.put(item)
    this.compactIfDue()
    return new Promise((resolve, reject) => {
      const ack: Ack = { item, ready: false, done: () => resolve(item) }
      this.acks.push(ack)
      durable.then(
        () => {
          ack.ready = true
          this.acknowledge()
        },
        (cause: unknown) => {
          this.acks = this.acks.filter((other) => other !== ack)
          this.acknowledge()
          reject(cause)
        }
      )
    })
  }

  /** Tells the listeners about every change at the head of the line that is on disk. */
  private acknowledge(): void {
    while (this.acks[0]?.ready) {
      const { item, done } = this.acks.shift()!
      for (const listener of this.listeners) {
        // a listener (book, journal, event bus) must never stop the state machine
        try {
          listener(item)
        } catch (cause) {
          this.logger.error('outbox listener failed', { id: item.id, error: String(cause) })
        }
      }
      done()
    }
  }

  /** Rewrites the log with the live items once it holds far more lines than items. */
  private compactIfDue(): void {
    if (this.log.lineCount < 2 * this.queue.size + 1000) return
    this.queue.prune(this.historyLimit)
    this.log.rewrite(this.queue.all())
  }
}
