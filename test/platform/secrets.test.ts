import type { SafeStorage } from 'electron'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../src/shared/errors'
import { MemoryKeyValueStore } from '../../src/main/settings/storage'
import { SafeStorageSecretStore, encryptionUsable, secretKey } from '../../src/main/platform/secrets'
import { createLogger } from '../../src/main/support/log'
import { FakeSafeStorage } from './fake-electron'

class RecordingStore extends MemoryKeyValueStore {
  readonly writes: [string, unknown][] = []
  override set(key: string, value: unknown): void {
    this.writes.push([key, value])
    super.set(key, value)
  }
}

const ORIGIN = 'https://bspaycoapi-qa.payco.net.ve'

function setup(platform: NodeJS.Platform = 'linux') {
  const crypto = new FakeSafeStorage()
  const store = new RecordingStore()
  const lines: string[] = []
  const log = createLogger((level, line) => lines.push(`${level} ${line}`))
  const secrets = new SafeStorageSecretStore(crypto as unknown as SafeStorage, store, log, platform)
  return { crypto, store, secrets, lines }
}

function failureCode(run: () => void): string | undefined {
  try {
    run()
  } catch (cause) {
    if (cause instanceof AppFailure) return cause.error.code
    throw cause
  }
  return undefined
}

describe('SafeStorageSecretStore', () => {
  it('round-trips a secret through safeStorage', () => {
    const { secrets } = setup()
    expect(secrets.available).toBe(true)
    secrets.set('lukaPassword', 'hunter2-ñ', ORIGIN)
    expect(secrets.get('lukaPassword', ORIGIN)).toBe('hunter2-ñ')
  })

  it('stores base64 ciphertext, never the plaintext', () => {
    const { secrets, store, crypto } = setup()
    secrets.set('lukaPassword', 'hunter2-secret', ORIGIN)
    const stored = store.get(secretKey('lukaPassword'))
    expect(typeof stored).toBe('string')
    expect(stored).not.toContain('hunter2')
    expect(Buffer.from(stored as string, 'base64').toString('utf8')).not.toContain('hunter2')
    expect(stored).toBe(
      crypto.encryptString(JSON.stringify({ origin: ORIGIN, value: 'hunter2-secret' })).toString('base64')
    )
    expect(JSON.stringify([...store.writes])).not.toContain('hunter2')
  })

  it('refuses to store anything when encryption is unavailable', () => {
    const { secrets, store, crypto } = setup()
    crypto.available = false
    expect(secrets.available).toBe(false)
    expect(failureCode(() => secrets.set('lukaPassword', 'hunter2', ORIGIN))).toBe('ENCRYPTION_UNAVAILABLE')
    expect(store.writes).toEqual([])
    expect(store.get(secretKey('lukaPassword'))).toBeUndefined()
  })

  it('treats the Linux basic_text backend (a hard-coded key) as unavailable', () => {
    const { secrets, store, crypto } = setup('linux')
    crypto.backend = 'basic_text'
    expect(secrets.available).toBe(false)
    expect(failureCode(() => secrets.set('lukaPassword', 'hunter2', ORIGIN))).toBe('ENCRYPTION_UNAVAILABLE')
    expect(store.writes).toEqual([])
    expect(crypto.encryptString).not.toHaveBeenCalled()
  })

  it('only asks for the backend on Linux (the call exists only there)', () => {
    const crypto = new FakeSafeStorage()
    crypto.backend = 'basic_text'
    expect(encryptionUsable(crypto as unknown as SafeStorage, 'win32')).toBe(true)
    expect(encryptionUsable(crypto as unknown as SafeStorage, 'darwin')).toBe(true)
    expect(crypto.getSelectedStorageBackend).not.toHaveBeenCalled()
    expect(encryptionUsable(crypto as unknown as SafeStorage, 'linux')).toBe(false)
  })

  it('writes nothing when encryption itself fails', () => {
    const { secrets, store, crypto } = setup()
    crypto.encryptString.mockImplementationOnce(() => {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString.')
    })
    expect(failureCode(() => secrets.set('lukaPassword', 'hunter2', ORIGIN))).toBe('ENCRYPTION_UNAVAILABLE')
    expect(store.writes).toEqual([])
  })

  it('returns null for a missing secret or one that cannot be decrypted, and logs without the value', () => {
    const { secrets, store, lines } = setup()
    expect(secrets.get('lukaPassword', ORIGIN)).toBeNull()
    store.set(secretKey('lukaPassword'), Buffer.from('hunter2-plain').toString('base64'))
    expect(secrets.get('lukaPassword', ORIGIN)).toBeNull()
    expect(lines.some((line) => line.includes('could not be decrypted'))).toBe(true)
    expect(lines.join('\n')).not.toContain('hunter2')
    expect(lines.join('\n')).not.toContain(Buffer.from('hunter2-plain').toString('base64'))
  })

  it('binds a secret to the server it was stored for: another origin reads nothing', () => {
    const { secrets, crypto, store, lines } = setup()
    secrets.set('lukaPassword', 'hunter2-bound', ORIGIN)
    // the origin is inside the ciphertext, so editing the file cannot move the secret elsewhere
    const plain = crypto.decryptString(Buffer.from(store.get(secretKey('lukaPassword')) as string, 'base64'))
    expect(JSON.parse(plain)).toEqual({ origin: ORIGIN, value: 'hunter2-bound' })
    expect(secrets.get('lukaPassword', 'http://evil.example')).toBeNull()
    expect(secrets.get('lukaPassword', 'https://bspaycoapi-qa.payco.net.ve:8443')).toBeNull()
    expect(lines.some((line) => line.includes('stored for another server'))).toBe(true)
    expect(lines.join('\n')).not.toContain('hunter2')
    expect(secrets.get('lukaPassword', ORIGIN)).toBe('hunter2-bound')
    // a value encrypted without an origin (before binding) is not used anywhere
    store.set(secretKey('lukaPassword'), crypto.encryptString('hunter2-unbound').toString('base64'))
    expect(secrets.get('lukaPassword', ORIGIN)).toBeNull()
  })

  it('deletes a secret', () => {
    const { secrets } = setup()
    secrets.set('luxcoreApiKey', 'key-123456', ORIGIN)
    secrets.delete('luxcoreApiKey')
    expect(secrets.get('luxcoreApiKey', ORIGIN)).toBeNull()
  })

  it('reports unavailable (not a crash) if safeStorage throws before the app is ready', () => {
    const { secrets, crypto } = setup()
    crypto.isEncryptionAvailable.mockImplementation(() => {
      throw new Error('safeStorage cannot be used before app is ready')
    })
    expect(secrets.available).toBe(false)
  })
})
