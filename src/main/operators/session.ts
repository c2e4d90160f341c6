import type { NewJournalEntry } from '@shared/books'
import type { OperatorRole } from '@shared/schemas/operators'
import type { Clock } from '../support/clock'

export interface SignedIn {
  id: string
  name: string
  role: OperatorRole
}

export type LockReason = 'idle' | 'screenLocked' | 'sleep' | 'manual'

/**
 * Who is signed in at this counter and whether it is locked. The idle lock is read from the
 * injected clock whenever anyone asks (so main refuses at once, whatever the renderer does) and
 * by `tick()` (a timer in services.ts, so the window hears about it).
 */
export class OperatorSession {
  private operator: SignedIn | null = null
  private locked = false
  private lastActivity: number

  constructor(
    private readonly clock: Clock,
    /** 0 = never */
    private readonly idleMs: () => number,
    private readonly record: (entry: NewJournalEntry) => void,
    private readonly changed: () => void
  ) {
    this.lastActivity = clock.now()
  }

  current(): SignedIn | null {
    return this.operator
  }

  isLocked(): boolean {
    this.tick()
    return this.locked
  }

  /** Locks the counter once the idle time has passed; true when it did so now. */
  tick(): boolean {
    const idle = this.idleMs()
    if (this.operator && !this.locked && idle > 0 && this.clock.now() - this.lastActivity >= idle) {
      this.lock('idle')
      return true
    }
    return false
  }

  activity(): void {
    if (!this.isLocked()) this.lastActivity = this.clock.now()
  }

  lock(reason: LockReason): void {
    if (!this.operator || this.locked) return
    this.locked = true
    this.record({ action: 'counterLocked', result: 'locked', detail: { reason } })
    this.changed()
  }

  /** The same operator unlocks; another one takes the counter over (the journal names both). */
  signIn(account: SignedIn): void {
    const previous = this.operator
    const unlocked = previous?.id === account.id && this.locked
    this.operator = { id: account.id, name: account.name, role: account.role }
    this.locked = false
    this.lastActivity = this.clock.now()
    const detail: Record<string, string> = previous && previous.id !== account.id ? { replaced: previous.name } : {}
    this.record({ action: 'operatorSignIn', result: unlocked ? 'unlocked' : 'signedIn', detail })
    this.changed()
  }

  signOut(): void {
    if (!this.operator) return
    this.record({ action: 'operatorSignOut', result: 'signedOut' })
    this.operator = null
    this.locked = false
    this.changed()
  }
}
