import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { StorageDamage } from '@shared/contract'
import type { OperatorRole } from '@shared/schemas/operators'
import type { KeyValueStore } from '../settings/storage'
import type { Clock } from '../support/clock'

export interface Account {
  id: string
  name: string
  role: OperatorRole
  disabled: boolean
  /** scrypt, base64 (pin.ts) */
  salt: string
  hash: string
  /** wrong PINs in a row (kept on disk, so a restart does not reset the count) */
  failures: number
  /** epoch ms until which the account refuses every PIN, or null */
  lockedUntil: number | null
}

/** The key under which the settings store keeps the MAC of the last save: a rolled-back file shows. */
const ANCHOR_KEY = 'operatorsAnchor'

/**
 * The accounts file (`operators.json` in the data directory), protected by a keyed MAC over its
 * accounts. A file whose MAC does not match, or that is not the last one saved (the anchor in the
 * settings store), or that is gone while the anchor says it existed, is damage: the copy is kept
 * aside, the damage reported, and none of its accounts is trusted. Never hidden, never repaired.
 */
export class AccountsFile {
  constructor(
    readonly path: string,
    private readonly mac: (text: string) => string,
    private readonly store: KeyValueStore,
    private readonly clock: Clock
  ) {}

  load(): { accounts: Account[]; damage: StorageDamage | null } {
    const anchor = this.store.get(ANCHOR_KEY)
    if (!existsSync(this.path)) {
      return { accounts: [], damage: typeof anchor === 'string' ? this.damage('missing', null) : null }
    }
    const text = readFileSync(this.path, 'utf8')
    try {
      const parsed = JSON.parse(text) as { accounts?: unknown; mac?: unknown }
      const body = JSON.stringify(parsed.accounts)
      const mac = this.mac(body)
      if (Array.isArray(parsed.accounts) && parsed.mac === mac && (anchor === undefined || anchor === mac)) {
        return { accounts: parsed.accounts as Account[], damage: null }
      }
    } catch {
      // unreadable: damage below
    }
    const keptAs = `${this.path}.corrupt-${this.clock.now()}`
    copyFileSync(this.path, keptAs)
    return { accounts: [], damage: this.damage('damaged', keptAs) }
  }

  /** Writes a temp file and renames it over the old one, then moves the anchor. */
  save(accounts: Account[]): void {
    const body = JSON.stringify(accounts)
    const mac = this.mac(body)
    const temp = `${this.path}.tmp`
    writeFileSync(temp, JSON.stringify({ accounts, mac }), { flush: true })
    renameSync(temp, this.path)
    this.store.set(ANCHOR_KEY, mac)
  }

  private damage(kind: 'missing' | 'damaged', keptAs: string | null): StorageDamage {
    return { file: this.path, kind, keptAs, lines: 0, at: new Date(this.clock.now()).toISOString() }
  }
}
