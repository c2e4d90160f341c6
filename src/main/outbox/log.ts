import type { StorageDamage } from '@shared/contract'
import { DurableLog } from '../storage/durable-log'
import type { Fsync } from '../storage/group-commit'
import type { StorageHealth } from '../storage/health'
import type { Clock } from '../support/clock'

/**
 * The outbox's durable storage: checksummed JSON lines in one durable append-only file
 * (storage/durable-log), one line per change of an item; the last line for an id wins.
 * Appending is one write + fsync (shared by the appends waiting together, for the drain), so
 * its cost does not grow with the queue; compaction
 * rewrites the live items when the file has grown to several times their number.
 * Damage (copied aside first), torn tails and cuts are told apart by the durable file.
 */
export interface LoadReport<T> {
  items: Map<string, T>
  /** what was wrong with the file, if anything (already kept aside and reported) */
  damage: StorageDamage | null
}

export class AppendLog<T extends { id: string }> {
  private readonly file: DurableLog
  private lines = 0

  constructor(
    readonly path: string,
    private readonly parse: (value: unknown) => T | null,
    clock: Clock,
    health: StorageHealth,
    fsync?: Fsync
  ) {
    this.file = new DurableLog(path, { checksum: true, clock, health, fsync })
  }

  load(): LoadReport<T> {
    const items = new Map<string, T>()
    // valid() sees the lines in file order: decode each once, keep the ones that read
    const read = this.file.open((text) => {
      const item = this.decode(text)
      if (item) items.set(item.id, item)
      return item !== null
    })
    this.lines = read.lines.length
    return { items, damage: read.damage }
  }

  /** Written and flushed before it returns. */
  append(item: T): void {
    this.file.append(JSON.stringify(item))
    this.lines++
  }

  /** Written now; resolves once flushed, in one fsync with the lines written meanwhile (group commit). */
  appendGrouped(item: T): Promise<void> {
    const durable = this.file.appendGrouped(JSON.stringify(item))
    this.lines++
    return durable
  }

  /** Lines written since the last rewrite: compaction is due when it far exceeds live items. */
  get lineCount(): number {
    return this.lines
  }

  /** Replaces the file with exactly these items, atomically and durably. */
  rewrite(items: Iterable<T>): void {
    let count = 0
    const texts = (function* () {
      for (const item of items) {
        count++
        yield JSON.stringify(item)
      }
    })()
    this.file.rewrite(texts)
    this.lines = count
  }

  close(): void {
    this.file.close()
  }

  private decode(text: string): T | null {
    try {
      return this.parse(JSON.parse(text))
    } catch {
      return null
    }
  }
}
