import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { StorageDamage, StorageStatus } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { Logger } from '../support/log'

/** The fs error codes that mean "this disk will not take the write", as opposed to a bug. */
const REFUSALS = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EISDIR',
  'ENOTDIR',
  'EIO',
  'EBUSY',
  'EEXIST'
])

export function isDiskRefusal(cause: unknown): cause is NodeJS.ErrnoException {
  return cause instanceof Error && REFUSALS.has((cause as NodeJS.ErrnoException).code ?? '')
}

export function unwritable(file: string, cause: NodeJS.ErrnoException): AppFailure {
  return new AppFailure({ code: 'STORAGE_UNWRITABLE', detail: { file, reason: cause.code ?? 'EIO' } })
}

/**
 * What the data folder's files have been through, for the app-wide warning: damage found at
 * start (each with the copy kept aside) and whether the disk takes writes. While it does
 * not, new decisions and deposits are refused — they could not be made durable — and each
 * refusal probes the disk again, so the counter reopens by itself once writes work.
 */
export class StorageHealth {
  private readonly damages: StorageDamage[] = []
  private refusing: { file: string; reason: string } | null = null
  private readonly listeners = new Set<(status: StorageStatus) => void>()

  constructor(private readonly log: Logger) {}

  damaged(damage: StorageDamage): void {
    this.damages.push(damage)
    this.log.error('data file damaged', { ...damage })
    this.changed()
  }

  /** A write was refused: from now on nothing new is accepted until a probe succeeds. */
  refused(file: string, cause: NodeJS.ErrnoException): void {
    const first = this.refusing === null
    this.refusing = { file, reason: cause.code ?? 'EIO' }
    if (first) this.log.error('the disk refuses writes', { file, reason: this.refusing.reason })
    this.changed()
  }

  /** Throws STORAGE_UNWRITABLE while the disk refused the last write (and still does). */
  assertWritable(): void {
    const refusing = this.refusing
    if (!refusing) return
    const cause = probe(refusing.file)
    if (cause) throw unwritable(refusing.file, cause)
    this.refusing = null
    this.log.info('the disk takes writes again', { file: refusing.file })
    this.changed()
  }

  status(): StorageStatus {
    return { damages: [...this.damages], unwritable: this.refusing }
  }

  onChange(listener: (status: StorageStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    const status = this.status()
    for (const listener of this.listeners) listener(status)
  }
}

/** Can the file be opened for appending, and does its folder take a small write? */
function probe(file: string): NodeJS.ErrnoException | null {
  const scratch = join(dirname(file), `.${basename(file)}.probe-${process.pid}`)
  try {
    closeSync(openSync(file, 'a'))
    const fd = openSync(scratch, 'w')
    try {
      writeSync(fd, 'probe')
      fsyncSync(fd)
    } finally {
      closeSync(fd)
      unlinkSync(scratch)
    }
    return null
  } catch (cause) {
    return cause as NodeJS.ErrnoException
  }
}
