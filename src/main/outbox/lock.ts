import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppFailure } from '@shared/errors'

/**
 * One drainer per data directory: a lock file holding the owner's pid. A lock left by a
 * process that no longer exists (killed, power cut) is taken over; a live owner means
 * another Taquilla uses this directory, and we refuse with OUTBOX_LOCKED.
 */
/** Locks this process holds: the pid alone cannot tell a second holder in the same process. */
const heldHere = new Set<string>()

export class DirectoryLock {
  private held = false
  /** the lock file through the directory's real path: a relative or symlinked path is the same lock */
  private key = ''

  constructor(readonly path: string) {}

  acquire(): void {
    mkdirSync(dirname(this.path), { recursive: true })
    this.key = join(realpathSync(dirname(this.path)), basename(this.path))
    if (heldHere.has(this.key)) throw new AppFailure({ code: 'OUTBOX_LOCKED', providerMessage: `pid ${process.pid}` })
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx')
        writeSync(fd, String(process.pid))
        closeSync(fd)
        this.held = true
        heldHere.add(this.key)
        return
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause
        // our own pid in the file but not held here: a previous run whose pid we reuse
        const owner = Number(readFileSafe(this.path))
        if (owner && owner !== process.pid && isAlive(owner)) {
          throw new AppFailure({ code: 'OUTBOX_LOCKED', providerMessage: `pid ${owner}` })
        }
        try {
          unlinkSync(this.path) // stale: its owner is gone
        } catch {
          // someone else removed it first; try again
        }
      }
    }
    throw new AppFailure({ code: 'OUTBOX_LOCKED' })
  }

  release(): void {
    if (!this.held) return
    this.held = false
    heldHere.delete(this.key)
    try {
      if (Number(readFileSafe(this.path)) === process.pid) unlinkSync(this.path)
    } catch {
      // already gone
    }
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch {
    return ''
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM'
  }
}
