import { join } from 'node:path'
import type { NewJournalEntry } from '@shared/books'
import { AppFailure } from '@shared/errors'
import type { OperatorsState } from '@shared/schemas/operators'
import type { Env } from '../settings/settings'
import type { KeyValueStore } from '../settings/storage'
import type { StorageHealth } from '../storage/health'
import type { Clock } from '../support/clock'
import type { AccountsFinding } from './accounts-decide'
import { AccountsFile } from './accounts-file'
import { OperatorBook } from './accounts'
import type { Authorize } from './approval'
import {
  journalShowsAccounts,
  markScanned,
  recordAccountsIncident,
  recordRecovery,
  scannedMark,
  type IncidentJournal
} from './integrity'
import { OperatorSession } from './session'

/** Issue 11: the idle lock's default, in minutes (decimals allowed; 0 = never). */
export const DEFAULT_IDLE_LOCK_MINUTES = 5
const IDLE_KEY = 'idleLockMinutes'

export interface OperatorsDeps {
  dataDir: string
  /** the keyed MAC that protects the accounts file (the journal's key) */
  mac: (text: string) => string
  /** the settings store: the idle-lock setting and the accounts file's anchor */
  store: KeyValueStore
  env: Env
  clock: Clock
  health: StorageHealth
  /** writes a journal entry (bound late: the journal names the operator this service signs in) */
  record: (entry: NewJournalEntry) => void
  /** started with --recover-operators (TAQUILLA_RECOVER_OPERATORS=1): lost accounts may be created anew */
  recover?: boolean
}

/** Operator accounts, the session at this counter and the supervisor's approval, in one place. */
export class OperatorsService {
  readonly book: OperatorBook
  readonly session: OperatorSession
  private readonly damaged: boolean
  private readonly file: AccountsFile
  /** what the start found wrong with the accounts (recorded in the journal by `recordIncidents`) */
  private finding: AccountsFinding | null
  /** the accounts were lost: locked, or (with --recover-operators) waiting for a new first supervisor */
  private lost: 'locked' | 'recovery' | null = null
  private readonly listeners = new Set<(state: OperatorsState) => void>()

  constructor(private readonly deps: OperatorsDeps) {
    const path = join(deps.dataDir, 'operators.json')
    const file = (this.file = new AccountsFile(path, deps.mac, deps.store, deps.clock, deps.health))
    const { accounts, damage, finding } = file.load()
    if (damage) deps.health.damaged(damage)
    this.damaged = finding !== null
    this.finding = finding
    if (finding?.outcome === 'lost') this.lost = deps.recover ? 'recovery' : 'locked'
    this.book = new OperatorBook(file, deps.clock, deps.record, accounts)
    const changed = () => this.emit()
    this.session = new OperatorSession(deps.clock, () => this.idleLockMinutes() * 60_000, deps.record, changed)
  }

  /** TAQUILLA_IDLE_LOCK_MINUTES fixes it; else the setting; else 5. */
  idleLockMinutes(): number {
    const fixed = this.fixedIdleLock()
    if (fixed !== null) return fixed
    const stored = this.deps.store.get(IDLE_KEY)
    return typeof stored === 'number' && stored >= 0 ? stored : DEFAULT_IDLE_LOCK_MINUTES
  }

  setIdleLockMinutes(minutes: number): void {
    if (this.fixedIdleLock() !== null) throw new AppFailure({ code: 'VALIDATION', field: 'minutes', reason: 'fixed' })
    this.deps.store.set(IDLE_KEY, minutes)
    this.emit()
  }

  /**
   * After the journal opened: whatever the start found becomes an incident; with no accounts, the
   * journal says whether accounts existed (then: lost) — whatever the settings say, since they are a
   * plain file: removing their copy and anchor along with operators.json must not turn sign-in off.
   */
  recordIncidents(journal: IncidentJournal): void {
    if (!this.finding && !this.book.hasAccounts() && this.accountsInJournal(journal)) {
      this.file.markLost()
      this.finding = { found: 'missing', outcome: 'lost', fingerprint: 'operators-lost:journal', keptAs: null }
      this.lost = this.deps.recover ? 'recovery' : 'locked'
    }
    if (this.finding) recordAccountsIncident(journal, this.finding)
    if (this.lost === 'recovery') recordRecovery(journal, this.deps.clock.now())
  }

  /** Reads only the lines after the last genuine mark (see scannedMark); marks again when none shows accounts. */
  private accountsInJournal(journal: IncidentJournal): boolean {
    const { store, mac } = this.deps
    if (journalShowsAccounts(journal, scannedMark(store, mac, journal.count))) return true
    try {
      markScanned(store, mac, journal.count)
    } catch {
      // settings that refuse writes: the storage warning says so; the next start reads again
    }
    return false
  }

  /** The first supervisor is created freely only with no accounts; lost accounts need --recover-operators. */
  assertMayCreateFirst(): void {
    if (this.lost === 'locked') throw new AppFailure({ code: 'SIGN_IN_REQUIRED', detail: { state: 'operatorsLost' } })
  }

  /** A new first supervisor after a recovery: from here on the counter works as with any accounts. */
  accountsCreated(): void {
    if (this.book.hasAccounts()) this.lost = null
  }

  state(): OperatorsState {
    const operator = this.session.current()
    return {
      signIn: this.book.hasAccounts() || this.lost ? 'on' : 'off',
      lost: this.lost,
      accounts: this.book.views(),
      session: { operator, locked: this.session.isLocked() },
      idleLockMinutes: this.idleLockMinutes(),
      idleLockFixed: this.fixedIdleLock() !== null,
      damaged: this.damaged
    }
  }

  /** Main's own check: with sign-in on, nobody signed in or a locked counter is refused. */
  assertSignedIn(): void {
    if (this.lost) throw new AppFailure({ code: 'SIGN_IN_REQUIRED', detail: { state: 'operatorsLost' } })
    if (!this.book.hasAccounts()) return
    if (!this.session.current()) throw new AppFailure({ code: 'SIGN_IN_REQUIRED', detail: { state: 'signedOut' } })
    if (this.session.isLocked()) throw new AppFailure({ code: 'SIGN_IN_REQUIRED', detail: { state: 'locked' } })
  }

  async signIn(operatorId: string, pin: string): Promise<void> {
    const account = await this.book.check(operatorId, pin)
    this.session.signIn(account)
  }

  /**
   * The real Authorize (approval.ts): null while sign-in is off; otherwise a supervisor's PIN,
   * typed on the spot, or APPROVAL_REQUIRED / APPROVAL_REFUSED. The journal records who approved
   * (and every refusal), right before the entry of the action itself.
   */
  readonly authorize: Authorize = async (action, approval) => {
    if (this.lost) throw new AppFailure({ code: 'SIGN_IN_REQUIRED', detail: { state: 'operatorsLost' } })
    if (!this.book.hasAccounts()) return null
    if (!approval) throw new AppFailure({ code: 'APPROVAL_REQUIRED', detail: { action } })
    const refuse = (reason: string, retryAfterMs?: number): never => {
      this.deps.record({
        action: 'supervisorApproval',
        refs: { accountId: approval.operatorId },
        result: 'refused',
        detail: { action, reason }
      })
      throw new AppFailure({ code: 'APPROVAL_REFUSED', reason, ...(retryAfterMs ? { retryAfterMs } : {}) })
    }
    const account = this.book.find(approval.operatorId)
    if (!account || account.disabled || account.role !== 'supervisor') return refuse('notSupervisor')
    try {
      await this.book.check(account.id, approval.pin)
    } catch (cause) {
      if (cause instanceof AppFailure && cause.error.code === 'ACCOUNT_LOCKED')
        return refuse('locked', cause.error.retryAfterMs)
      if (cause instanceof AppFailure && cause.error.code === 'WRONG_PIN') return refuse('wrongPin')
      throw cause
    }
    const supervisor = { id: account.id, name: account.name }
    this.deps.record({
      action: 'supervisorApproval',
      refs: { accountId: account.id },
      result: 'approved',
      detail: { action, supervisor: account.name }
    })
    return supervisor
  }

  /** The idle timer: locks when the time has passed (and tells the window). */
  tick(): void {
    this.session.tick()
  }

  onChange(listener: (state: OperatorsState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(): void {
    const state = this.state()
    for (const listener of this.listeners) listener(state)
  }

  private fixedIdleLock(): number | null {
    const raw = this.deps.env['TAQUILLA_IDLE_LOCK_MINUTES']?.trim()
    if (!raw) return null
    const minutes = Number(raw)
    return Number.isFinite(minutes) && minutes >= 0 ? minutes : null
  }
}
