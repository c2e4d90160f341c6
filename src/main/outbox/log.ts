import { createHash } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync
} from 'node:fs'
import { dirname } from 'node:path'

/**
 * The outbox's durable storage: an append-only file of checksummed JSON lines, one line per
 * change of an item (the last line for an id wins). Appending is one write + fsync, so its
 * cost does not grow with the queue; compaction rewrites the live items when the file has
 * grown to several times their number (write temp, fsync, rename, fsync the directory).
 *
 * Line format: `<8 hex of sha256(json)> <json>\n`. On load a torn last line (power cut during
 * a write) is dropped; any other damaged line means the file was corrupted: the whole file
 * is kept aside as `<name>.corrupt-<time>` and the intact lines are recovered. Nothing is
 * ever wiped silently.
 */
export interface LoadReport<T> {
  items: Map<string, T>
  /** lines dropped as a torn tail */
  torn: number
  /** damaged lines elsewhere (file quarantined) */
  damaged: number
  quarantinedTo: string | null
}

const checksum = (json: string): string => createHash('sha256').update(json).digest('hex').slice(0, 8)

export class AppendLog<T extends { id: string }> {
  private fd: number | null = null
  private lines = 0

  constructor(
    readonly path: string,
    private readonly parse: (value: unknown) => T | null,
    private readonly now: () => number = Date.now
  ) {}

  load(): LoadReport<T> {
    mkdirSync(dirname(this.path), { recursive: true })
    const items = new Map<string, T>()
    let torn = 0
    let damaged = 0
    let lines = 0
    let missingNewline = false
    if (existsSync(this.path)) {
      const text = readFileSync(this.path, 'utf8')
      const rows = text.split('\n')
      const endsClean = text.endsWith('\n') || text === ''
      missingNewline = !endsClean
      rows.forEach((row, index) => {
        if (row === '') return
        const isTail = index === rows.length - 1 && !endsClean
        const item = this.decode(row)
        if (item) {
          items.set(item.id, item)
          lines++
        } else if (isTail) torn++
        else damaged++
      })
    }
    let quarantinedTo: string | null = null
    if (damaged > 0) {
      quarantinedTo = `${this.path}.corrupt-${this.now()}`
      copyFileSync(this.path, quarantinedTo)
    }
    this.lines = lines
    // a torn tail, damage, or a last line without its newline: rewrite before any append
    if (damaged > 0 || torn > 0 || missingNewline) {
      this.rewrite(items.values())
    }
    return { items, torn, damaged, quarantinedTo }
  }

  append(item: T): void {
    const json = JSON.stringify(item)
    const fd = this.open()
    writeSync(fd, `${checksum(json)} ${json}\n`)
    fsyncSync(fd)
    this.lines++
  }

  /** Lines written since the last rewrite: compaction is due when it far exceeds live items. */
  get lineCount(): number {
    return this.lines
  }

  /** Replaces the file with exactly these items, atomically and durably. */
  rewrite(items: Iterable<T>): void {
    this.close()
    const temp = `${this.path}.tmp`
    const fd = openSync(temp, 'w')
    let count = 0
    let chunk = ''
    for (const item of items) {
      const json = JSON.stringify(item)
      chunk += `${checksum(json)} ${json}\n`
      count++
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    if (chunk) writeSync(fd, chunk)
    fsyncSync(fd)
    closeSync(fd)
    renameSync(temp, this.path)
    syncDirectory(dirname(this.path))
    this.lines = count
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  private open(): number {
    this.fd ??= openSync(this.path, 'a')
    return this.fd
  }

  private decode(row: string): T | null {
    const space = row.indexOf(' ')
    if (space !== 8) return null
    const json = row.slice(9)
    if (checksum(json) !== row.slice(0, 8)) return null
    try {
      return this.parse(JSON.parse(json))
    } catch {
      return null
    }
  }
}

/** Makes a rename durable (POSIX); Windows cannot open a directory and needs no such step. */
function syncDirectory(path: string): void {
  if (process.platform === 'win32') return
  try {
    const fd = openSync(path, 'r')
    fsyncSync(fd)
    closeSync(fd)
  } catch {
    // best effort: the rename itself is atomic
  }
}
