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
 *
 * Every secret is bound to the server it was stored for (`origin`, see secretOrigin): `get`
 * for another origin answers null, so editing the settings file to name another host never
 * sends the stored password or key there.
 */
export interface SecretStore {
  readonly available: boolean
  get(name: SecretName, origin: string): string | null
  set(name: SecretName, value: string, origin: string): void
  delete(name: SecretName): void
}

/** The origin (scheme, host, port) a provider URL sends to; the raw text when it is no URL. */
export function secretOrigin(url: string): string {
  try {
    return new URL(url.trim()).origin.toLowerCase()
  } catch {
    return url.trim().toLowerCase()
  }
}

export type SecretName = 'lukaPassword' | 'luxcoreApiKey' | 'lox24Token' | 'journalKey' | 'ledgerKey'

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
  private readonly values = new Map<SecretName, { origin: string; value: string }>()
  constructor(readonly available = true) {}
  get(name: SecretName, origin: string): string | null {
    const stored = this.values.get(name)
    return stored && stored.origin === origin ? stored.value : null
  }
  set(name: SecretName, value: string, origin: string): void {
    if (!this.available) throw new AppFailure({ code: 'ENCRYPTION_UNAVAILABLE' })
    this.values.set(name, { origin, value })
  }
  delete(name: SecretName): void {
    this.values.delete(name)
  }
}
