import { createHash } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  truncateSync,
  writeSync
} from 'node:fs'
import { dirname } from 'node:path'
import type { StorageDamage } from '@shared/contract'
import type { Clock } from '../support/clock'
import { GroupCommit, type Fsync } from './group-commit'
import { isDiskRefusal, unwritable, type StorageHealth } from './health'
import { HighWaterMark } from './mark'

/**
 * THE durable append-only file (outbox log, journal, decisions, deposits): one line per
 * record, each append written and flushed (fsync) before it returns.
 *
 * Reading tells a power cut from damage. A last line without its newline that does not
 * read is a torn write — but only past the high-water mark (bytes known flushed, kept in
 * `<name>.mark`): inside it, or a file shorter than the mark, means bytes that were once
 * durable are gone (a cut, zero-fill, an edit). Before ANY repair the file is copied aside
 * as `<name>.corrupt-<time>`; the damage goes to StorageHealth (the app-wide warning); a
 * directory standing where the file was is moved aside the same way. Lines come back as
 * the exact text written (the journal hashes it). With `checksum`, each line is written
 * as `<8 hex of sha256> <text>`, so flipped bytes cannot pass as a valid record; lines of
 * an older format without it are still read.
 * A write the disk refuses becomes STORAGE_UNWRITABLE (and is reported), never a crash.
 * Two ways to append: `append` flushes before it returns (the journal stays synchronous);
 * `appendGrouped` writes at once and resolves after a shared fsync (group-commit.ts), so
 * appends that wait at the same time pay one fsync between them.
 */
export interface DurableLogOptions {
  checksum: boolean
  clock: Clock
  health: StorageHealth
  /** how grouped appends are flushed (group-commit.ts); node's fs.fsync by default */
  fsync?: Fsync
}

export interface DurableRead {
  /** the text of every line that reads, in file order */
  lines: string[]
  /** every non-blank line but a torn tail, in file order, with whether it reads (the journal names bad ones) */
  rows: DurableRow[]
  damage: StorageDamage | null
}

export interface DurableRow {
  text: string
  ok: boolean
}

const sha8 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8)

export class DurableLog {
  private fd: number | null = null
  private needsNewline = false
  private readonly mark: HighWaterMark
  private readonly group: GroupCommit

  constructor(
    readonly path: string,
    private readonly options: DurableLogOptions
  ) {
    this.mark = new HighWaterMark(`${path}.mark`)
    this.group = new GroupCommit(
      (bytes, lines) => this.mark.grow(bytes, lines),
      (cause, fd) => {
        if (this.fd === fd) {
          this.fd = null
          this.group.release(fd)
        }
        if (!isDiskRefusal(cause)) return cause
        this.options.health.refused(this.path, cause)
        return unwritable(this.path, cause)
      },
      options.fsync
    )
  }

  /**
   * Reads every line `valid` accepts, repairing what needs it (after keeping a copy): a torn
   * tail is cut off, a missing newline is added at the next append. Damage elsewhere is
   * reported and left for the owner to rewrite (`rewrite`) or keep (the journal's evidence).
   */
  open(valid: (text: string) => boolean): DurableRead {
    mkdirSync(dirname(this.path), { recursive: true })
    const known = this.mark.read()
    const raw = this.readRaw()
    if (raw === 'replaced') return { lines: [], rows: [], damage: this.report('replaced', 0, this.moveAside()) }
    if (raw === null) {
      const damage = known.bytes > 0 ? this.report('missing', known.lines, null) : null
      this.mark.write(0, 0)
      return { lines: [], rows: [], damage }
    }
    const scan = this.scan(raw, valid)
    const inside = scan.tornAt !== null && scan.tornAt < known.bytes
    // shorter than the mark: durable bytes are gone — unless all that went is the last newline
    const cut = raw.length < known.bytes && !(scan.missingNewline && raw.length === known.bytes - 1)
    const bad = scan.bad + (inside ? 1 : 0)
    const kind = bad > 0 ? 'damaged' : cut ? 'cut' : scan.tornAt !== null ? 'torn' : null
    let damage: StorageDamage | null = null
    if (kind) {
      const lost = cut ? Math.max(0, known.lines - scan.lines.length) : 0
      // lasting damage (the journal keeps its bad lines as evidence) is copied once, not at every start
      const of = `${kind}:${sha8(
        scan.rows
          .filter((row) => !row.ok)
          .map((row) => row.text)
          .join('\n')
      )}:${cut ? raw.length : ''}`
      damage = this.keepCopy(kind, Math.max(bad, lost, scan.tornAt === null ? 0 : 1), of, known.kept)
    }
    if (scan.tornAt !== null) this.guard(() => truncateSync(this.path, scan.tornAt!))
    this.needsNewline = scan.tornAt === null && scan.missingNewline
    this.mark.write(scan.tornAt ?? raw.length, scan.lines.length)
    return { lines: scan.lines, rows: scan.rows, damage }
  }

  /**
   * Keeps a copy of the file as it is and reports the damage (the journal calls this for a
   * broken chain, which only it can see). `of` names the damage: the same one is copied once.
   */
  keepCopy(
    kind: StorageDamage['kind'],
    lines: number,
    of: string,
    kept: { of: string; as: string } | null = this.mark.read().kept
  ): StorageDamage {
    if (kept?.of === of && exists(kept.as)) return this.report(kind, lines, kept.as)
    const keptAs = this.copyAside()
    if (keptAs) this.mark.keep(of, keptAs)
    return this.report(kind, lines, keptAs)
  }

  /** The rows as they are on disk now, repairing nothing (for on-demand checks). */
  peek(valid: (text: string) => boolean): DurableRow[] {
    const raw = this.readRaw()
    return raw === null || raw === 'replaced' ? [] : this.scan(raw, valid).rows
  }

  /**
   * For an owner that read the file itself (the journal reads by byte offset from a
   * checkpoint): appends continue after `bytes` / `lines`, adding a missing last newline first.
   */
  resume(bytes: number, lines: number, needsNewline: boolean): void {
    this.needsNewline = needsNewline
    this.mark.write(bytes, lines)
  }

  /** Writes the line and flushes it (and every line written before it) before returning. */
  append(text: string): void {
    const line = `${this.needsNewline ? '\n' : ''}${this.encode(text)}\n`
    this.guard(() => {
      this.fd ??= openSync(this.path, 'a')
      writeSync(this.fd, line)
      fsyncSync(this.fd)
    })
    this.needsNewline = false
    this.group.settleAll()
    this.mark.grow(Buffer.byteLength(line), 1)
  }

  /** Writes the line now; resolves once an fsync shared with the lines written meanwhile has returned. */
  appendGrouped(text: string): Promise<void> {
    const line = `${this.needsNewline ? '\n' : ''}${this.encode(text)}\n`
    let fd = -1
    this.guard(() => {
      fd = this.fd ??= openSync(this.path, 'a')
      writeSync(fd, line)
    })
    this.needsNewline = false
    return this.group.wait(fd, Buffer.byteLength(line))
  }

  /** Replaces the file with exactly these lines: write temp, fsync, rename, fsync the folder. */
  rewrite(texts: Iterable<string>): void {
    this.close()
    const temp = `${this.path}.tmp`
    let bytes = 0
    let count = 0
    this.guard(() => {
      const fd = openSync(temp, 'w')
      try {
        let chunk = ''
        for (const text of texts) {
          chunk += `${this.encode(text)}\n`
          count++
          if (chunk.length > 1 << 20) {
            bytes += writeSync(fd, chunk)
            chunk = ''
          }
        }
        if (chunk) bytes += writeSync(fd, chunk)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(temp, this.path)
      syncFolder(dirname(this.path))
    })
    this.needsNewline = false
    this.mark.write(bytes, count)
  }

  /** Flushes what still waits for its fsync (one fsync for all of it), then closes. */
  close(): void {
    const fd = this.fd
    if (fd !== null) {
      try {
        if (this.group.pending > 0) fsyncSync(fd)
        this.group.settleAll()
      } catch (cause) {
        if (isDiskRefusal(cause)) this.options.health.refused(this.path, cause)
        this.group.failAll(isDiskRefusal(cause) ? unwritable(this.path, cause) : cause)
      }
      this.group.release(fd)
    }
    this.fd = null
    this.mark.close()
  }

  private encode(text: string): string {
    return this.options.checksum ? `${sha8(text)} ${text}` : text
  }

  private decode(line: string): string | null {
    if (!this.options.checksum || line.startsWith('{')) return line // an older line without a checksum
    if (line[8] !== ' ') return null
    const text = line.slice(9)
    return sha8(text) === line.slice(0, 8) ? text : null
  }

  private scan(raw: Buffer, valid: (text: string) => boolean) {
    const lines: string[] = []
    const rows: DurableRow[] = []
    let bad = 0
    let tornAt: number | null = null
    let missingNewline = false
    let start = 0
    while (start < raw.length) {
      const end = raw.indexOf(0x0a, start)
      const last = end < 0
      const line = raw.subarray(start, last ? raw.length : end).toString('utf8')
      const text = line.trim() === '' && !line.includes('\0') ? null : this.decode(line)
      const ok = text !== null && valid(text)
      if (ok) {
        lines.push(text)
        rows.push({ text, ok })
      } else if (last) tornAt = start
      else if (line.trim() !== '' || line.includes('\0')) {
        bad++
        rows.push({ text: line, ok })
      }
      if (last) missingNewline = ok
      start = last ? raw.length : end + 1
    }
    return { lines, rows, bad, tornAt, missingNewline }
  }

  /** The file's bytes, null when it does not exist, 'replaced' when a directory stands there. */
  private readRaw(): Buffer | null | 'replaced' {
    try {
      return readFileSync(this.path)
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return null
      if (code === 'EISDIR') return 'replaced'
      throw isDiskRefusal(cause) ? unwritable(this.path, cause) : cause
    }
  }

  private copyAside(): string | null {
    const keptAs = this.asideName()
    try {
      copyFileSync(this.path, keptAs)
      return keptAs
    } catch (cause) {
      if (isDiskRefusal(cause)) this.options.health.refused(this.path, cause)
      return null
    }
  }

  private moveAside(): string | null {
    const keptAs = this.asideName()
    try {
      renameSync(this.path, keptAs)
      return keptAs
    } catch (cause) {
      if (!isDiskRefusal(cause)) throw cause
      throw unwritable(this.path, cause) // nothing can be written where a directory stands
    }
  }

  private asideName(): string {
    const stamp = new Date(this.options.clock.now()).toISOString().replace(/[:.]/g, '-')
    let name = `${this.path}.corrupt-${stamp}`
    for (let n = 2; exists(name); n++) name = `${this.path}.corrupt-${stamp}-${n}`
    return name
  }

  private report(kind: StorageDamage['kind'], lines: number, keptAs: string | null): StorageDamage {
    const damage: StorageDamage = {
      file: this.path,
      kind,
      keptAs,
      lines,
      at: new Date(this.options.clock.now()).toISOString()
    }
    this.options.health.damaged(damage)
    return damage
  }

  /** Runs a write; a refusal by the disk is reported and becomes STORAGE_UNWRITABLE. */
  private guard(write: () => void): void {
    try {
      write()
    } catch (cause) {
      if (!isDiskRefusal(cause)) throw cause
      const error = unwritable(this.path, cause)
      if (this.fd !== null) {
        const fd = this.fd
        this.fd = null
        this.group.failAll(error) // lines written before it but not yet flushed cannot be trusted either
        try {
          this.group.release(fd)
        } catch {
          // the descriptor is gone with the write
        }
      }
      this.options.health.refused(this.path, cause)
      throw error
    }
  }
}

function exists(path: string): boolean {
  try {
    statSync(path)
    return true
  } catch {
    return false
  }
}

/** Makes a rename durable (POSIX); Windows cannot open a directory and needs no such step. */
function syncFolder(path: string): void {
  if (process.platform === 'win32') return
  try {
    const fd = openSync(path, 'r')
    fsyncSync(fd)
    closeSync(fd)
  } catch {
    // best effort: the rename itself is atomic
  }
}
