import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'

const WIDTH = 1024

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
  /** the last copy kept aside and what it was a copy of, so lasting damage is copied once */
  private kept: { of: string; as: string } | null = null

  constructor(readonly path: string) {}

  read(): { bytes: number; lines: number; kept: { of: string; as: string } | null } {
    try {
      const value = JSON.parse(readFileSync(this.path, 'utf8')) as { bytes?: unknown; lines?: unknown; kept?: unknown }
      const bytes = typeof value.bytes === 'number' && value.bytes >= 0 ? value.bytes : 0
      const lines = typeof value.lines === 'number' && value.lines >= 0 ? value.lines : 0
      const kept = value.kept as { of?: unknown; as?: unknown } | undefined
      this.kept = typeof kept?.of === 'string' && typeof kept.as === 'string' ? { of: kept.of, as: kept.as } : null
      return { bytes, lines, kept: this.kept }
    } catch {
      return { bytes: 0, lines: 0, kept: null }
    }
  }

  keep(of: string, as: string): void {
    this.kept = { of, as }
    this.flush()
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
      const text = JSON.stringify({ bytes: this.bytes, lines: this.lines, kept: this.kept })
      writeSync(
        this.fd,
        text.length < WIDTH
          ? text.padEnd(WIDTH)
          : JSON.stringify({ bytes: this.bytes, lines: this.lines }).padEnd(WIDTH),
        0
      )
    } catch {
      this.close()
    }
  }
}
