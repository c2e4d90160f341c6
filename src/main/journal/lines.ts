import { closeSync, openSync, readSync } from 'node:fs'
import type { JournalEntry } from '@shared/books'
import { parseEntry } from './chain'
import { LineOffsets, readTexts } from './pages'

/**
 * The journal's lines read by page: where each line starts (`LineOffsets`) and how far the file
 * holds whole lines, so any range is one read from disk and nothing holds the entries.
 */
export class JournalLines {
  readonly offsets: LineOffsets
  /** bytes of the file that hold whole lines */
  end = 0
  /** the last line lacks its newline (a lost newline): the next append writes it first */
  needsNewline = false
  private fd: number | null = null

  constructor(private readonly path: string) {
    this.offsets = new LineOffsets(`${path}.idx`)
  }

  /** Lines in the file (entries, and any that do not read). */
  get count(): number {
    return this.offsets.count
  }

  /** A line was appended to the file (after the newline a previous line lacked). */
  appended(line: string): void {
    const offset = this.end + (this.needsNewline ? 1 : 0)
    this.needsNewline = false
    this.end = offset + Buffer.byteLength(line) + 1
    this.offsets.push(offset)
  }

  /** The raw texts of lines [from, to). */
  texts(from: number, to: number): string[] {
    from = Math.max(0, from)
    to = Math.min(this.count, to)
    if (to <= from) return []
    return readTexts(this.reader(), this.offsets.at(from), to < this.count ? this.offsets.at(to) : this.end)
  }

  /** The bytes of lines [from, to), undecoded (a search looks for a needle before reading lines). */
  bytes(from: number, to: number): Buffer {
    from = Math.max(0, from)
    to = Math.min(this.count, to)
    if (to <= from) return Buffer.alloc(0)
    const start = this.offsets.at(from)
    const buffer = Buffer.allocUnsafe((to < this.count ? this.offsets.at(to) : this.end) - start)
    return buffer.subarray(0, readSync(this.reader(), buffer, 0, buffer.length, start))
  }

  /** The entries of lines [from, to), in file order (lines that do not read are left out). */
  entries(from: number, to: number): JournalEntry[] {
    return this.texts(from, to).flatMap((text) => parseEntry(text) ?? [])
  }

  /** Entries written at or after `iso`, oldest first (read backwards from the end, a page at a time). */
  since(iso: string): JournalEntry[] {
    const pages: JournalEntry[][] = []
    for (let to = this.count; to > 0; to -= 500) {
      const page = this.entries(to - 500, to)
      const first = page.findIndex((entry) => entry.at >= iso)
      pages.unshift(first < 0 ? [] : page.slice(first))
      if (first !== 0) break
    }
    return pages.flat()
  }

  /** The descriptor pages are read with (opened once). */
  reader(): number {
    this.fd ??= openSync(this.path, 'r')
    return this.fd
  }

  close(): void {
    this.offsets.close()
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
