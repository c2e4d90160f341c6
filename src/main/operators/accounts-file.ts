import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { StorageDamage } from '@shared/contract'
import type { OperatorRole } from '@shared/schemas/operators'
import type { KeyValueStore } from '../settings/storage'
import { isDiskRefusal, unwritable, type StorageHealth } from '../storage/health'
import type { Clock } from '../support/clock'
import { decideAccounts, type AccountsFinding, type Read, type Sealed } from './accounts-decide'

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

/** Before the copy (issue 11): the MAC of the last save, kept in the settings store. */
const ANCHOR_KEY = 'operatorsAnchor'
/**
 * The second copy of the accounts, sealed like the file, in the settings store. Why there and
 * not a second file beside operators.json: whoever deletes `operators.*` does not take it with
 * them; the store is written whole and atomically; it already holds the journal's signed head
 * and (in the app) the sealed journal key, so rolling it back or deleting it shows elsewhere too.
 */
const COPY_KEY = 'operatorsCopy'

export interface Loaded {
  accounts: Account[]
  /** what was wrong at start (null: the file and the copy agree) */
  finding: AccountsFinding | null
  damage: StorageDamage | null
}

/**
 * The accounts file (`operators.json`) and its copy in the settings store, both sealed with a keyed
 * MAC over a generation counted up by every save and the accounts. At start the newer valid one
 * wins; a missing, damaged or older one is written again from it (accounts-decide.ts). The file
 * found damaged is moved aside first. With no valid save at all, accounts are lost: sign-in stays
 * required and nobody can sign in (service.ts) — never an unsigned counter.
 */
export class AccountsFile {
  private generation = 0

  constructor(
    readonly path: string,
    private readonly mac: (text: string) => string,
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly health: StorageHealth
  ) {}

  load(): Loaded {
    const file = this.readFile()
    const anchor = this.store.get(ANCHOR_KEY)
    const { use, finding, write } = decideAccounts(file, this.readCopy(), typeof anchor === 'string' ? anchor : null)
    const replaced = file.state === 'valid' && use?.mac !== file.sealed.mac
    const keptAs = file.state === 'invalid' || replaced ? this.keepAside() : null
    if (use) {
      this.generation = use.generation
      if (write === 'file' || write === 'both') this.writeFile(use, false)
      if (write === 'copy' || write === 'both') this.writeCopy(use, false)
    }
    const at = new Date(this.clock.now()).toISOString()
    const kind = file.state === 'absent' ? ('missing' as const) : ('damaged' as const)
    const damage = finding && finding.found !== 'copy' ? { file: this.path, kind, keptAs, lines: 0, at } : null
    return { accounts: use?.accounts ?? [], finding: finding && { ...finding, keptAs }, damage }
  }

  /** Writes a temp file and renames it over the old one, then the copy in the settings store. */
  save(accounts: Account[]): void {
    const sealed = this.seal(this.generation + 1, accounts)
    this.writeFile(sealed, true)
    this.generation = sealed.generation
    this.writeCopy(sealed, true)
  }

  /** The accounts were lost and the journal says they existed: remember it, so the next start is locked too. */
  markLost(): void {
    try {
      this.store.set(ANCHOR_KEY, 'lost')
    } catch {
      // reported by the guarded store; the journal still shows the accounts at the next start
    }
  }

  private seal(generation: number, accounts: Account[]): Sealed {
    return { generation, accounts, mac: this.mac(JSON.stringify({ generation, accounts })) }
  }

  /** A sealed save, or null; an install from before the generation sealed the accounts alone (generation 0). */
  private unseal(value: unknown): Sealed | null {
    const saved = value as { generation?: unknown; accounts?: unknown; mac?: unknown } | null
    if (!saved || typeof saved !== 'object' || !Array.isArray(saved.accounts)) return null
    const accounts = saved.accounts as Account[]
    if (saved.generation === undefined)
      return saved.mac === this.mac(JSON.stringify(accounts))
        ? { ...this.seal(0, accounts), legacyMac: saved.mac }
        : null
    if (typeof saved.generation !== 'number') return null
    const sealed = this.seal(saved.generation, accounts)
    return sealed.mac === saved.mac ? sealed : null
  }

  private readFile(): Read {
    if (!existsSync(this.path)) return { state: 'absent' }
    try {
      const sealed = this.unseal(JSON.parse(readFileSync(this.path, 'utf8')))
      return sealed ? { state: 'valid', sealed } : { state: 'invalid' }
    } catch {
      return { state: 'invalid' } // unreadable, not JSON, a directory
    }
  }

  private readCopy(): Read {
    const value = this.store.get(COPY_KEY)
    if (value === undefined) return { state: 'absent' }
    const sealed = this.unseal(value)
    return sealed ? { state: 'valid', sealed } : { state: 'invalid' }
  }

  /** The damaged or older file is moved aside (a directory too), so the path is free for the good copy. */
  private keepAside(): string | null {
    const keptAs = `${this.path}.corrupt-${this.clock.now()}`
    try {
      renameSync(this.path, keptAs)
      return keptAs
    } catch (cause) {
      if (isDiskRefusal(cause)) this.health.refused(this.path, cause)
      return null
    }
  }

  /** At start a refused write is reported and the accounts are used anyway; a change must not pretend it was kept. */
  private writeFile(sealed: Sealed, strict: boolean): void {
    const temp = `${this.path}.tmp`
    try {
      const { generation, accounts, mac } = sealed
      writeFileSync(temp, JSON.stringify({ generation, accounts, mac }), { flush: true })
      renameSync(temp, this.path)
    } catch (cause) {
      if (!isDiskRefusal(cause)) throw cause
      this.health.refused(this.path, cause)
      if (strict) throw unwritable(this.path, cause)
    }
  }

  private writeCopy(sealed: Sealed, strict: boolean): void {
    try {
      const { generation, accounts, mac } = sealed
      this.store.set(COPY_KEY, { generation, accounts, mac })
      this.store.set(ANCHOR_KEY, sealed.mac)
    } catch (cause) {
      if (strict) throw cause // the guarded store reported it (STORAGE_UNWRITABLE)
    }
  }
}
