import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { KeyValueStore } from '../main/settings/storage'

/**
 * Browser mode's plain-settings store: one small JSON file, replaced atomically
 * (write temp, rename). Never holds secrets — the harness keeps those in memory only.
 * An unreadable file is kept aside, not overwritten silently.
 */
export class JsonFileKeyValueStore implements KeyValueStore {
  private values: Record<string, unknown>

  constructor(private readonly path: string) {
    this.values = this.load()
  }

  get(key: string): unknown {
    return this.values[key]
  }

  set(key: string, value: unknown): void {
    this.values = { ...this.values, [key]: value }
    mkdirSync(dirname(this.path), { recursive: true })
    const temp = `${this.path}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(this.values, null, 2))
    renameSync(temp, this.path)
  }

  private load(): Record<string, unknown> {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch {
      return {}
    }
    try {
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>
    } catch {
      // fall through
    }
    renameSync(this.path, `${this.path}.corrupt-${Date.now()}`)
    return {}
  }
}
