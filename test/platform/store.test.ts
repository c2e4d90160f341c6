import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installFakeElectron } from './fake-electron'

// electron-store imports electron itself; vitest.config inlines electron-store so this reaches it.
vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule())
const electron = installFakeElectron()

const { ElectronKeyValueStore } = await import('../../src/main/platform/store')

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'taquilla-store-'))
})
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('ElectronKeyValueStore (real electron-store, mocked electron)', () => {
  it('persists values to <dataDir>/settings.json and reads them back from a new instance', () => {
    const store = ElectronKeyValueStore.open(dataDir)
    expect(store.get('settings')).toBeUndefined()
    store.set('settings', { terminal: 'T-01', language: 'es' })
    const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>
    expect(file['settings']).toEqual({ terminal: 'T-01', language: 'es' })
    expect(ElectronKeyValueStore.open(dataDir).get('settings')).toEqual({ terminal: 'T-01', language: 'es' })
  })

  it("removes electron-store's renderer IPC listener (it would bypass the sender check)", () => {
    ElectronKeyValueStore.open(dataDir)
    expect(electron.ipcMain.listenerCount('electron-store-get-data')).toBe(0)
  })

  it('keeps dotted keys literal (secrets.lukaPassword is one key, not a path)', () => {
    const store = ElectronKeyValueStore.open(dataDir)
    store.set('secrets.lukaPassword', 'Y2lwaGVy')
    const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>
    expect(file['secrets.lukaPassword']).toBe('Y2lwaGVy')
    expect(store.get('secrets.lukaPassword')).toBe('Y2lwaGVy')
  })

  it('removes a key when set to undefined', () => {
    const store = ElectronKeyValueStore.open(dataDir)
    store.set('secrets.lukaPassword', 'Y2lwaGVy')
    store.set('secrets.lukaPassword', undefined)
    expect(store.get('secrets.lukaPassword')).toBeUndefined()
  })

  it('refuses a corrupt file and leaves it untouched (never silently wiped)', () => {
    const file = join(dataDir, 'settings.json')
    writeFileSync(file, '{"settings": {"terminal": "T-01"')
    expect(() => ElectronKeyValueStore.open(dataDir)).toThrow(/settings\.json cannot be read.*left untouched/)
    expect(readFileSync(file, 'utf8')).toBe('{"settings": {"terminal": "T-01"')
  })
})
