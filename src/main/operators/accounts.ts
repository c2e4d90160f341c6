import { randomUUID } from 'node:crypto'
import type { NewJournalEntry } from '@shared/books'
import { AppFailure } from '@shared/errors'
import type { OperatorRole, OperatorView } from '@shared/schemas/operators'
import type { Clock } from '../support/clock'
import type { Account, AccountsFile } from './accounts-file'
import { hashPin, pinMatches } from './pin'

/** Issue 11: 5 wrong PINs in a row lock the account for 5 minutes. */
export const MAX_FAILURES = 5
export const LOCKOUT_MS = 5 * 60_000

/** The operator accounts: names, roles, PIN hashes, the lockout. PINs and hashes never leave this file's callers. */
export class OperatorBook {
  private accounts: Account[]

  constructor(
    private readonly file: AccountsFile,
    private readonly clock: Clock,
    private readonly record: (entry: NewJournalEntry) => void,
    accounts: Account[]
  ) {
    this.accounts = accounts
  }

  /** Sign-in is on as soon as one account exists. */
  hasAccounts(): boolean {
    return this.accounts.length > 0
  }

  find(id: string): Account | undefined {
    return this.accounts.find((account) => account.id === id)
  }

  views(): OperatorView[] {
    return this.accounts.map(({ id, name, role, disabled, lockedUntil }) => ({
      id,
      name,
      role,
      disabled,
      lockedUntil: lockedUntil !== null && lockedUntil > this.clock.now() ? new Date(lockedUntil).toISOString() : null
    }))
  }

  async add(name: string, role: OperatorRole, pin: string): Promise<Account> {
    if (!this.hasAccounts() && role !== 'supervisor') {
      throw new AppFailure({ code: 'VALIDATION', field: 'role', reason: 'firstSupervisor' })
    }
    if (this.accounts.some((account) => account.name.toLowerCase() === name.toLowerCase())) {
      throw new AppFailure({ code: 'VALIDATION', field: 'name', reason: 'nameTaken' })
    }
    const account: Account = {
      id: randomUUID(),
      name,
      role,
      disabled: false,
      ...(await hashPin(pin)),
      failures: 0,
      lockedUntil: null
    }
    this.save([...this.accounts, account])
    this.record({
      action: 'operatorsChanged',
      refs: { accountId: account.id },
      result: 'added',
      detail: { name, role }
    })
    return account
  }

  setDisabled(id: string, disabled: boolean): void {
    const account = this.existing(id)
    const supervisorsLeft = this.accounts.filter((a) => a.role === 'supervisor' && !a.disabled && a.id !== id)
    if (disabled && account.role === 'supervisor' && supervisorsLeft.length === 0) {
      throw new AppFailure({ code: 'VALIDATION', field: 'operatorId', reason: 'lastSupervisor' })
    }
    this.replace({ ...account, disabled })
    const result = disabled ? 'disabled' : 'enabled'
    this.record({ action: 'operatorsChanged', refs: { accountId: id }, result, detail: { name: account.name } })
  }

  async resetPin(id: string, pin: string): Promise<void> {
    const account = this.existing(id)
    this.replace({ ...account, ...(await hashPin(pin)), failures: 0, lockedUntil: null })
    this.record({
      action: 'operatorsChanged',
      refs: { accountId: id },
      result: 'pinReset',
      detail: { name: account.name }
    })
  }

  /**
   * Checks a PIN: the account, or WRONG_PIN / ACCOUNT_LOCKED. Every wrong PIN counts; the fifth
   * in a row locks the account for 5 minutes (journaled). A right one clears the count.
   */
  async check(id: string, pin: string): Promise<Account> {
    const account = this.find(id)
    if (!account || account.disabled) throw new AppFailure({ code: 'WRONG_PIN', reason: 'disabled' })
    this.assertNotLocked(account)
    const matches = await pinMatches(pin, account)
    const now = this.existing(id) // the file may have changed while scrypt ran
    if (matches) {
      if (now.failures > 0) this.replace({ ...now, failures: 0, lockedUntil: null })
      return now
    }
    this.assertNotLocked(now)
    const failures = now.failures + 1
    if (failures >= MAX_FAILURES) {
      const lockedUntil = this.clock.now() + LOCKOUT_MS
      this.replace({ ...now, failures: 0, lockedUntil })
      const until = new Date(lockedUntil).toISOString()
      this.record({
        action: 'operatorLockout',
        refs: { accountId: id },
        result: 'locked',
        detail: { name: now.name, until }
      })
      throw new AppFailure({ code: 'ACCOUNT_LOCKED', retryAfterMs: LOCKOUT_MS })
    }
    this.replace({ ...now, failures })
    throw new AppFailure({ code: 'WRONG_PIN', detail: { left: String(MAX_FAILURES - failures) } })
  }

  private assertNotLocked(account: Account): void {
    const left = (account.lockedUntil ?? 0) - this.clock.now()
    if (left > 0) throw new AppFailure({ code: 'ACCOUNT_LOCKED', retryAfterMs: Math.ceil(left) })
  }

  private existing(id: string): Account {
    const account = this.find(id)
    if (!account) throw new AppFailure({ code: 'NOT_FOUND', field: 'operatorId' })
    return account
  }

  private replace(account: Account): void {
    this.save(this.accounts.map((a) => (a.id === account.id ? account : a)))
  }

  private save(accounts: Account[]): void {
    this.file.save(accounts)
    this.accounts = accounts
  }
}
