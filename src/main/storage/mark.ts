import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'

const WIDTH = 64

/**
 * How many bytes and lines of a durable file are known flushed: written after each fsync,
 * in place (one small write at offset 0, no fsync of its own — a stale mark only ever says
 * less than the file holds, never more). A file shorter than its mark lost bytes that were
 * once durable: a cut, not a torn last write. Advisory: a mark that cannot be read or
 * written is treated as "nothing known" and never stops a write.
 */
export class HighWaterMark {
  private fd: number | null = null
  private bytes = 0
  private lines = 0

  constructor(readonly path: string) {}

  read(): { bytes: number; lines: number } {
    try {
      const value = JSON.parse(readFileSync(this.path, 'utf8')) as { bytes?: unknown; lines?: unknown }
      const bytes = typeof value.bytes === 'number' && value.bytes >= 0 ? value.bytes : 0
      const lines = typeof value.lines === 'number' && value.lines >= 0 ? value.lines : 0
      return { bytes, lines }
    } catch {
      return { bytes: 0, lines: 0 }
    }
  }

  write(bytes: number, lines: number): void {
    this.bytes = bytes
    this.lines = lines
    this.flush()
  }

  grow(bytes: number, lines: number): void {
    this.write(this.bytes + bytes, this.lines + lines)
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  private flush(): void {
    try {
      this.fd ??= openSync(this.path, 'w')
      writeSync(this.fd, JSON.stringify({ bytes: this.bytes, lines: this.lines }).padEnd(WIDTH), 0)
    } catch {
      this.close()
    }
  }
}
