import { join } from 'node:path'
import { ipcMain } from 'electron'
import Store from 'electron-store'
import type { KeyValueStore } from '../settings/storage'

const ELECTRON_STORE_CHANNEL = 'electron-store-get-data'

type Backing = Pick<Store<Record<string, unknown>>, 'get' | 'set' | 'delete'>

/** Opens `<dataDir>/settings.json`. A corrupt file throws here rather than being wiped. */
export function openSettingsStore(dataDir: string): Backing {
  try {
    const store = new Store<Record<string, unknown>>({
      name: 'settings',
      cwd: dataDir,
      clearInvalidConfig: false,
      // keys are opaque names ("secrets.lukaPassword"), not paths into nested objects
      accessPropertiesByDotNotation: false
    })
    // electron-store answers any renderer on this channel (userData path, version), outside our
    // sender check; only main uses the store, so nobody needs it.
    ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL)
    return store
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
