import { closeSync, openSync, readSync, writeSync, readFileSync, truncateSync, ftruncateSync } from 'node:fs'

/**
 * Reading the journal by byte offset, a page at a time, so nothing needs the whole file in
 * memory. Lines are the durable file's: newline-terminated, blank ones skipped.
 */
export interface ScannedLine {
  offset: number
  text: string
  /** false for a last line without its newline (torn, or only the newline lost) */
  complete: boolean
}

const CHUNK = 1 << 20

/** The lines between two byte offsets, read in 1 MiB chunks. */
export function* scanLines(fd: number, from: number, to: number): Generator<ScannedLine> {
  let carry: Buffer = Buffer.alloc(0)
  let carryAt = from
  for (let at = from; at < to;) {
    const want = Math.min(CHUNK, to - at)
    const chunk = Buffer.allocUnsafe(want)
    const got = readSync(fd, chunk, 0, want, at)
    if (got <= 0) break
    at += got
    const buffer = carry.length ? Buffer.concat([carry, chunk.subarray(0, got)]) : chunk.subarray(0, got)
    let start = 0
    for (let end = buffer.indexOf(0x0a); end >= 0; end = buffer.indexOf(0x0a, start)) {
      const text = buffer.subarray(start, end).toString('utf8')
      if (!isBlank(text)) yield { offset: carryAt + start, text, complete: true }
      start = end + 1
    }
    carryAt += start
    carry = Buffer.from(buffer.subarray(start))
  }
  const rest = carry.toString('utf8')
  if (carry.length && !isBlank(rest)) yield { offset: carryAt, text: rest, complete: false }
}

/** The texts of the lines in [from, to) (byte offsets of line starts / the end). */
export function readTexts(fd: number, from: number, to: number): string[] {
  if (to <= from) return []
  const buffer = Buffer.allocUnsafe(to - from)
  const got = readSync(fd, buffer, 0, to - from, from)
  return buffer
    .subarray(0, got)
    .toString('utf8')
    .split('\n')
    .filter((text) => !isBlank(text))
}

const isBlank = (text: string): boolean => text.trim() === '' && !text.includes('\0')

/**
 * Where each line starts: 8 bytes a line in `journal.idx`, appended with each entry and never
 * fsynced — a cache, checked against the checkpoint at start and rebuilt when it disagrees.
 */
export class LineOffsets {
  private values = new Float64Array(1024)
  private length = 0
  private fd: number | null = null

  constructor(readonly path: string) {}

  get count(): number {
    return this.length
  }

  at(line: number): number {
    return this.values[line]!
  }

  /** Loads the first `lines` offsets from the file; false when it holds fewer. */
  load(lines: number): boolean {
    let raw: Buffer
    try {
      raw = readFileSync(this.path)
    } catch {
      return false
    }
    if (raw.length < lines * 8) return false
    this.length = 0
    this.grow(lines)
    this.values.set(new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + lines * 8)))
    this.length = lines
    this.cut(lines)
    return true
  }

  /** Forgets everything (a full scan rebuilds it). */
  reset(): void {
    this.length = 0
    this.cut(0)
  }

  push(offset: number): void {
    this.grow(this.length + 1)
    this.values[this.length++] = offset
    const bytes = Buffer.allocUnsafe(8)
    bytes.writeDoubleLE(offset)
    try {
      this.fd ??= openSync(this.path, 'a')
      writeSync(this.fd, bytes)
    } catch {
      this.close() // a cache: the next start rebuilds it
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  private cut(lines: number): void {
    this.close()
    try {
      truncateSync(this.path, lines * 8)
    } catch {
      try {
        const fd = openSync(this.path, 'w')
        ftruncateSync(fd, 0)
        closeSync(fd)
      } catch {
        // a cache
      }
    }
  }

  private grow(size: number): void {
    if (size <= this.values.length) return
    let next = this.values.length
    while (next < size) next *= 2
    const values = new Float64Array(next)
    values.set(this.values.subarray(0, this.length))
    this.values = values
  }
}
