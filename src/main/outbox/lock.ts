import { createHash, randomUUID } from 'node:crypto'
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { AppFailure } from '@shared/errors'
import type { Logger } from '../support/log'
import {
  currentBoot,
  isAlive,
  ownIdentity,
  processExe,
  processStart,
  sameExe,
  type ProcessIdentity
} from './process-identity'

/**
 * One Taquilla per data folder. The lock is a DIRECTORY `outbox.lock/` holding `owner.json`
 * (pid, boot, process start, executable, a random instance id). Every step is one atomic
 * rename, so of N processes starting together exactly one holds it:
 * - acquire: build `outbox.lock.tmp-<instance>/owner.json`, then rename it to `outbox.lock`;
 *   the rename fails while another lock directory (never empty) is there;
 * - take over a stale lock: rename it to `outbox.lock.dead-<its instance>`. Every process
 *   that judged the SAME stale lock renames to the SAME name, and a rename onto a non-empty
 *   directory fails — so a slower one can never move the winner's fresh lock away.
 * proper-lockfile was considered: it judges staleness by an mtime a timer must keep
 * touching (a suspended PC looks stale) and removes a stale lock check-then-delete, the very
 * race this replaces; it knows nothing of pids or boots.
 * Stale: the holder is gone, the lock is from before the last boot, or its pid now belongs
 * to another program (start time or executable differ). A live holder is refused, naming
 * the folder, the lock file and its pid.
 */
const OWNER = 'owner.json'
/** tombstones and half-built locks older than this are removed (long after any racer has acted) */
const LEFTOVER_MS = 10 * 60_000
/** clock slack when comparing a lock's time with the boot time (uptime is rounded) */
const BOOT_SLACK_MS = 5_000

export interface LockOwner extends ProcessIdentity {
  app: 'taquilla'
  pid: number
  instance: string
  host: string
  /** when the lock was taken (wall clock, ms) */
  at: number
}

type Holder =
  | { kind: 'lock'; owner: LockOwner | null; text: string }
  | { kind: 'legacy'; pid: number; at: number }
  | { kind: 'none' }

/** Locks this process holds: the pid alone cannot tell a second holder in the same process. */
const heldHere = new Set<string>()

export class DirectoryLock {
  private held: LockOwner | null = null
  /** the lock through the directory's real path: a relative or symlinked path is the same lock */
  private key = ''

  constructor(
    readonly path: string,
    private readonly log?: Logger
  ) {}

  acquire(): void {
    mkdirSync(dirname(this.path), { recursive: true })
    this.key = join(realpathSync(dirname(this.path)), basename(this.path))
    if (heldHere.has(this.key)) throw this.refusal(process.pid)
    const owner: LockOwner = {
      app: 'taquilla',
      pid: process.pid,
      instance: randomUUID(),
      host: hostname(),
      at: Date.now(),
      ...ownIdentity()
    }
    const draft = `${this.path}.tmp-${owner.instance}`
    mkdirSync(draft)
    writeDurably(join(draft, OWNER), JSON.stringify(owner))
    try {
      for (let attempt = 0; attempt < 50; attempt++) {
        if (tryRename(draft, this.path)) {
          this.held = owner
          heldHere.add(this.key)
          this.sweep()
          return
        }
        const holder = this.readHolder()
        if (holder.kind === 'none') continue // released or taken over in between: try again
        const stale = staleReason(holder)
        if (!stale) throw this.refusal(holder.kind === 'lock' ? (holder.owner?.pid ?? null) : holder.pid)
        this.takeOver(holder, stale)
        if (attempt > 3) pause(5 + attempt)
      }
      throw this.refusal(null)
    } finally {
      if (!this.held) rmSync(draft, { recursive: true, force: true })
    }
  }

  release(): void {
    const owner = this.held
    if (!owner) return
    this.held = null
    heldHere.delete(this.key)
    const holder = this.readHolder()
    if (holder.kind !== 'lock' || holder.owner?.instance !== owner.instance) return // not ours any more
    const gone = `${this.path}.released-${owner.instance}`
    if (tryRename(this.path, gone)) rmSync(gone, { recursive: true, force: true })
  }

  private readHolder(): Holder {
    try {
      const text = readFileSync(join(this.path, OWNER), 'utf8')
      return { kind: 'lock', owner: parseOwner(text), text }
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code
      // gone, or replaced while we looked (a lock directory never lacks its owner file): look again
      if (code === 'ENOENT') return { kind: 'none' }
      if (code !== 'ENOTDIR') throw cause
    }
    // a lock file from an earlier version: just a pid
    // text and time from one open file: read by path twice, a racer may have swapped the legacy
    // file for its fresh lock in between, and a tombstone named after that time would move it away
    try {
      const fd = openSync(this.path, 'r')
      try {
        const stat = fstatSync(fd)
        if (!stat.isFile()) return { kind: 'none' }
        const text = readFileSync(fd, 'utf8').trim()
        return { kind: 'legacy', pid: Number(text) || 0, at: stat.mtimeMs }
      } finally {
        closeSync(fd)
      }
    } catch {
      return { kind: 'none' }
    }
  }

  private takeOver(holder: Exclude<Holder, { kind: 'none' }>, reason: string): void {
    const name =
      holder.kind === 'legacy'
        ? `legacy-${holder.pid}-${Math.round(holder.at)}`
        : (holder.owner?.instance.replace(/[^A-Za-z0-9-]/g, '') ??
          `unreadable-${createHash('sha256').update(holder.text).digest('hex').slice(0, 16)}`)
    const tomb = `${this.path}.dead-${name}`
    if (!tryRename(this.path, tomb)) return // someone else took it over first
    const pid = holder.kind === 'legacy' ? holder.pid : (holder.owner?.pid ?? null)
    this.log?.warn('data folder lock taken over', { lockFile: this.path, previousPid: pid, reason })
  }

  /** Removes old tombstones and half-built locks (a crash between mkdir and rename). */
  private sweep(): void {
    const folder = dirname(this.path)
    const prefix = `${basename(this.path)}.`
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(prefix) || !/^(dead|tmp|released)-/.test(name.slice(prefix.length))) continue
      try {
        if (Date.now() - statSync(join(folder, name)).ctimeMs > LEFTOVER_MS)
          rmSync(join(folder, name), { recursive: true, force: true })
      } catch {
        // already gone
      }
    }
  }

  private refusal(pid: number | null): AppFailure {
    const detail: Record<string, string> = { folder: dirname(this.path), lockFile: this.path }
    if (pid !== null) detail['pid'] = String(pid)
    return new AppFailure({ code: 'OUTBOX_LOCKED', providerMessage: pid === null ? undefined : `pid ${pid}`, detail })
  }
}

/** Why a lock may be taken over, or null while its holder is alive. */
function staleReason(holder: Exclude<Holder, { kind: 'none' }>): string | null {
  const { boot, bootId } = currentBoot()
  if (holder.kind === 'legacy') {
    if (!holder.pid || holder.pid === process.pid) return 'unreadable'
    if (holder.at < boot - BOOT_SLACK_MS) return 'before last boot'
    return isAlive(holder.pid) ? null : 'holder gone'
  }
  const owner = holder.owner
  if (!owner) return 'unreadable'
  if (owner.host !== hostname()) return null // a folder shared with another PC: its pids are not ours to judge
  if (owner.bootId && bootId ? owner.bootId !== bootId : owner.at < boot - BOOT_SLACK_MS) return 'before last boot'
  if (!isAlive(owner.pid)) return 'holder gone'
  const start = owner.start === null ? null : processStart(owner.pid)
  if (start !== null && start !== owner.start) return 'pid reused by another program'
  const exe = owner.exe === null ? null : processExe(owner.pid)
  if (exe !== null && owner.exe !== null && !sameExe(owner.exe, exe)) return 'pid reused by another program'
  return null
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>
    if (value.app !== 'taquilla' || typeof value.pid !== 'number' || typeof value.instance !== 'string') return null
    if (typeof value.at !== 'number' || typeof value.boot !== 'number' || typeof value.host !== 'string') return null
    return { bootId: null, start: null, exe: null, ...value } as LockOwner
  } catch {
    return null
  }
}

function tryRename(from: string, to: string): boolean {
  try {
    renameSync(from, to)
    return true
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    // the target is taken (ENOTEMPTY/EEXIST; ENOTDIR: a legacy lock file; EPERM/EBUSY: Windows) or the source is gone
    if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR', 'EPERM', 'EACCES', 'EBUSY', 'ENOENT'].includes(code ?? '')) {
      return false
    }
    throw cause
  }
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx')
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** A short synchronous pause between attempts (the lock is taken once, at start-up). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
