import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

export interface JsonlRead<T> {
  records: T[]
  /** lines that did not parse (a torn last line after a power cut, or damage) */
  damaged: number
}

/**
 * An append-only file of JSON lines, each flushed to disk (fsync) before `append` returns,
 * so an accepted record survives a kill or a power cut. A torn last line is skipped on read,
 * never fatal.
 */
export class JsonlFile<T> {
  private fd: number | null = null

  constructor(readonly path: string) {}

  read(parse: (value: unknown) => T | null): JsonlRead<T> {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damaged: 0 }
      throw cause
    }
    const records: T[] = []
    let damaged = 0
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      try {
        const record = parse(JSON.parse(line))
        if (record === null) damaged++
        else records.push(record)
      } catch {
        damaged++
      }
    }
    return { records, damaged }
  }

  append(record: T): void {
    if (this.fd === null) {
      mkdirSync(dirname(this.path), { recursive: true })
      this.fd = openSync(this.path, 'a')
    }
    // A previous torn write may have left no newline: start each record on its own line.
    writeSync(this.fd, `${JSON.stringify(record)}\n`)
    fsyncSync(this.fd)
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
