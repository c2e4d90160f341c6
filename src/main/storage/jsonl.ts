import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

export interface JsonlRead<T> {
  records: T[]
  /** lines that did not parse (a torn last line after a power cut, or damage) */
  damaged: number
}

/**
 * An append-only file of JSON lines, each flushed to disk (fsync) before `append` returns,
 * so an accepted record survives a kill or a power cut. A torn last line is cut off on read,
 * never fatal.
 */
export class JsonlFile<T> {
  private fd: number | null = null
  private needsNewline = false

  constructor(readonly path: string) {}

  /**
   * Reads every record. A torn last line (no newline: the write was interrupted) is cut off
   * the file, and a complete last line missing its newline gets one at the next append, so
   * a new record is never glued onto it.
   */
  read(parse: (value: unknown) => T | null): JsonlRead<T> {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damaged: 0 }
      throw cause
    }
    const decode = (line: string): T | null => {
      try {
        return parse(JSON.parse(line))
      } catch {
        return null
      }
    }
    const lines = text.split('\n')
    const tail = text.endsWith('\n') ? null : lines.pop()!
    const records: T[] = []
    let damaged = 0
    for (const line of lines) {
      if (line.trim() === '') continue
      const record = decode(line)
      if (record === null) damaged++
      else records.push(record)
    }
    if (tail !== null && tail !== '') {
      const record = tail.trim() === '' ? null : decode(tail)
      if (record !== null) {
        records.push(record)
        this.needsNewline = true
      } else {
        truncateSync(this.path, Buffer.byteLength(text) - Buffer.byteLength(tail))
      }
    }
    return { records, damaged }
  }

  append(record: T): void {
    if (this.fd === null) {
      mkdirSync(dirname(this.path), { recursive: true })
      this.fd = openSync(this.path, 'a')
    }
    writeSync(this.fd, `${this.needsNewline ? '\n' : ''}${JSON.stringify(record)}\n`)
    this.needsNewline = false
    fsyncSync(this.fd)
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
