import type { StorageDamage } from '@shared/contract'
import { systemClock, type Clock } from '../support/clock'
import { createLogger } from '../support/log'
import { DurableLog } from './durable-log'
import type { Fsync } from './group-commit'
import { StorageHealth } from './health'

export interface JsonlRead<T> {
  records: T[]
  /** what was wrong with the file (already kept aside and reported), or null */
  damage: StorageDamage | null
}

/**
 * An append-only file of checksummed JSON records (the decisions and deposits books) on the
 * one durable file: every record flushed before `append` returns (or, with `appendGrouped`, before
 * its promise resolves); damage copied aside and
 * reported, then the file rewritten with the records that read, so it is not reported again.
 */
export class JsonlFile<T> {
  private readonly file: DurableLog

  constructor(
    readonly path: string,
    health: StorageHealth = new StorageHealth(createLogger(() => undefined)),
    clock: Clock = systemClock,
    /** how grouped appends are flushed (group-commit.ts); node's fs.fsync by default */
    fsync?: Fsync
  ) {
    this.file = new DurableLog(path, { checksum: true, clock, health, fsync })
  }

  read(parse: (value: unknown) => T | null): JsonlRead<T> {
    const records: T[] = []
    const read = this.file.open((text) => {
      let record: T | null
      try {
        record = parse(JSON.parse(text))
      } catch {
        record = null
      }
      if (record !== null) records.push(record)
      return record !== null
    })
    if (read.damage && read.damage.kind !== 'torn' && read.damage.kind !== 'missing') this.file.rewrite(read.lines)
    return { records, damage: read.damage }
  }

  append(record: T): void {
    this.file.append(JSON.stringify(record))
  }

  /** Written now; resolves once flushed, in one fsync with the lines written meanwhile (group commit). */
  appendGrouped(record: T): Promise<void> {
    return this.file.appendGrouped(JSON.stringify(record))
  }

  close(): void {
    this.file.close()
  }
}
