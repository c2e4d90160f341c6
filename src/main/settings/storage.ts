import type { StorageDamage } from '@shared/contract'
import { AppFailure } from '@shared/errors'

/** Plain (non-secret) settings storage: electron-store in the app, a JSON file in the harness. */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  /** damage found when the store was opened (the file kept aside), for the app-wide warning */
  problems?(): StorageDamage[]
}

/**
 * Secrets storage: safeStorage-encrypted in the app. There is deliberately no plaintext
 * fallback: when `available` is false, `set` throws ENCRYPTION_UNAVAILABLE and nothing is
 * written.
 */
export interface SecretStore {
  readonly available: boolean
  get(name: SecretName): string | null
  set(name: SecretName, value: string): void
  delete(name: SecretName): void
}

export type SecretName = 'lukaPassword' | 'luxcoreApiKey'

/** For tests and the harness: keeps values in memory, writes nothing anywhere. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>()
  get(key: string): unknown {
    return this.values.get(key)
  }
  set(key: string, value: unknown): void {
    this.values.set(key, value)
  }
}

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<SecretName, string>()
  constructor(readonly available = true) {}
  get(name: SecretName): string | null {
    return this.values.get(name) ?? null
  }
  set(name: SecretName, value: string): void {
    if (!this.available) throw new AppFailure({ code: 'ENCRYPTION_UNAVAILABLE' })
    this.values.set(name, value)
  }
  delete(name: SecretName): void {
    this.values.delete(name)
  }
}
