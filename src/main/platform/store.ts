import { join } from 'node:path'
import Store from 'electron-store'
import type { KeyValueStore } from '../settings/storage'

type Backing = Pick<Store<Record<string, unknown>>, 'get' | 'set' | 'delete'>

/** Opens `<dataDir>/settings.json`. A corrupt file throws here rather than being wiped. */
export function openSettingsStore(dataDir: string): Backing {
  try {
    return new Store<Record<string, unknown>>({
      name: 'settings',
      cwd: dataDir,
      clearInvalidConfig: false,
      // keys are opaque names ("secrets.lukaPassword"), not paths into nested objects
      accessPropertiesByDotNotation: false
    })
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new Error(
      `The settings file ${join(dataDir, 'settings.json')} cannot be read (${reason}). ` +
        'It was left untouched: repair it or move it aside, then start Taquilla again.',
      { cause }
    )
  }
}

/** KeyValueStore over electron-store. Storing `undefined` removes the key. */
export class ElectronKeyValueStore implements KeyValueStore {
  constructor(private readonly backing: Backing) {}

  static open(dataDir: string): ElectronKeyValueStore {
    return new ElectronKeyValueStore(openSettingsStore(dataDir))
  }

  get(key: string): unknown {
    return this.backing.get(key)
  }

  set(key: string, value: unknown): void {
    if (value === undefined) this.backing.delete(key)
    else this.backing.set(key, value)
  }
}
