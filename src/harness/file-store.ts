import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { StorageDamage } from '@shared/contract'
import type { KeyValueStore } from '../main/settings/storage'

/**
 * Browser mode's plain-settings store: one small JSON file, replaced atomically
 * (write temp, rename). Never holds secrets — the harness keeps those in memory only.
 * An unreadable file (or a directory standing in its place) is moved aside as
 * `<name>.corrupt-<time>` and reported, never overwritten silently.
 */
export class JsonFileKeyValueStore implements KeyValueStore {
  private values: Record<string, unknown>
  private readonly found: StorageDamage[] = []

  constructor(private readonly path: string) {
    this.values = this.load()
  }

  get(key: string): unknown {
    return this.values[key]
  }

  set(key: string, value: unknown): void {
    const next = { ...this.values, [key]: value }
    mkdirSync(dirname(this.path), { recursive: true })
    const temp = `${this.path}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(next, null, 2))
    renameSync(temp, this.path)
    this.values = next
  }

  problems(): StorageDamage[] {
    return [...this.found]
  }

  private load(): Record<string, unknown> {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'EISDIR') this.moveAside('replaced')
      return {}
    }
    try {
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        return parsed as Record<string, unknown>
    } catch {
      // fall through
    }
    this.moveAside('damaged')
    return {}
  }

  private moveAside(kind: StorageDamage['kind']): void {
    const at = new Date()
    const keptAs = `${this.path}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`
    try {
      renameSync(this.path, keptAs)
      this.found.push({ file: this.path, kind, keptAs, lines: 0, at: at.toISOString() })
    } catch {
      // it cannot even be moved: every write will be refused, and say so
      this.found.push({ file: this.path, kind, keptAs: null, lines: 0, at: at.toISOString() })
    }
  }
}
