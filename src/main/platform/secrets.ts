import type { SafeStorage } from 'electron'
import { AppFailure } from '@shared/errors'
import type { KeyValueStore, SecretName, SecretStore } from '../settings/storage'
import { silentLogger, type Logger } from '../support/log'

type Crypto = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>

export const secretKey = (name: SecretName): string => `secrets.${name}`

/**
 * True when safeStorage really protects data. On Linux the `basic_text` backend (no keyring
 * found) encrypts with a hard-coded key, which is plaintext in all but name: not good enough.
 */
export function encryptionUsable(crypto: Crypto, platform: NodeJS.Platform = process.platform): boolean {
  if (!crypto.isEncryptionAvailable()) return false
  if (platform === 'linux' && crypto.getSelectedStorageBackend?.() === 'basic_text') return false
  return true
}

/**
 * Secrets encrypted with the OS (DPAPI, Keychain, libsecret/kwallet) and kept as base64
 * ciphertext in the settings store. Never a plaintext fallback: without usable encryption
 * `set` throws ENCRYPTION_UNAVAILABLE and writes nothing.
 */
export class SafeStorageSecretStore implements SecretStore {
  constructor(
    private readonly crypto: Crypto,
    private readonly store: KeyValueStore,
    private readonly log: Logger = silentLogger,
    private readonly platform: NodeJS.Platform = process.platform
  ) {}

  /** Asked each time: the keyring may come up after start. Only valid once the app is ready. */
  get available(): boolean {
    try {
      return encryptionUsable(this.crypto, this.platform)
    } catch {
      return false
    }
  }

  /** The secret, only when it was stored for `origin`: the origin is inside the ciphertext. */
  get(name: SecretName, origin: string): string | null {
    const stored = this.store.get(secretKey(name))
    if (typeof stored !== 'string' || stored === '') return null
    let plain: string
    try {
      plain = this.crypto.decryptString(Buffer.from(stored, 'base64'))
    } catch (cause) {
      // e.g. the profile moved to another machine/user; the value itself is never logged
      this.log.warn('secret could not be decrypted', { secret: name, error: errorName(cause) })
      return null
    }
    const bound = parseBound(plain)
    if (!bound || bound.origin !== origin) {
      // an edited settings file names another server (or an unbound value from before binding)
      this.log.warn('secret not used: stored for another server', { secret: name, origin })
      return null
    }
    return bound.value
  }

  set(name: SecretName, value: string, origin: string): void {
    if (!this.available) throw new AppFailure({ code: 'ENCRYPTION_UNAVAILABLE' })
    let ciphertext: string
    try {
      ciphertext = this.crypto.encryptString(JSON.stringify({ origin, value })).toString('base64')
    } catch (cause) {
      this.log.error('secret could not be encrypted', { secret: name, error: errorName(cause) })
      throw new AppFailure({ code: 'ENCRYPTION_UNAVAILABLE' })
    }
    this.store.set(secretKey(name), ciphertext)
  }

  delete(name: SecretName): void {
    this.store.set(secretKey(name), undefined)
  }
}

function parseBound(plain: string): { origin: string; value: string } | null {
  try {
    const parsed = JSON.parse(plain) as { origin?: unknown; value?: unknown }
    return typeof parsed.origin === 'string' && typeof parsed.value === 'string'
      ? { origin: parsed.origin, value: parsed.value }
      : null
  } catch {
    return null
  }
}

/** safeStorage's messages are fixed sentences; they never contain the value. */
function errorName(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : typeof cause
}
