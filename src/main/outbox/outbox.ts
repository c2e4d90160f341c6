import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { OutboxKind, OutboxSummary } from '@shared/contract'
import { AppFailure, type Provider } from '@shared/errors'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import { OutboxItemSchema, type DeliveryHandler, type NewItem, type OutboxItem } from './item'
import { DirectoryLock } from './lock'
import { AppendLog } from './log'
import type { Fsync } from '../storage/group-commit'
import { StorageHealth } from '../storage/health'
import { QueueIndex } from './queue-index'
import { DEFAULT_RETRY, type RetryPolicy } from './retry'
import { OutboxStore } from './store'
import { ProviderProbing } from './probing'
import { Claims } from './claims'
import { Drainer } from './drainer'

/** Per-currency ceilings on what may wait undelivered (like Stripe/Moneris offline limits). */
export interface OutboxLimits {
  maxItems: number
  /** minor units per currency; a currency not listed has no amount ceiling */
  maxAmount: Record<string, number>
}

export interface OutboxOptions {
  dir: string
  clock: Clock
  log: Logger
  /** a kind with no handler yet (a later provider) goes to the attention list, never lost */
  handlers: Partial<Record<OutboxKind, DeliveryHandler>>
  limits: () => OutboxLimits
  retry?: RetryPolicy
  concurrency?: number
  random?: () => number
  /** delivered/discarded items kept for the history view */
  historyLimit?: number
  /** where damage and refused writes are reported (the app-wide warning) */
  health?: StorageHealth
  /** how the drain's grouped lines are flushed (storage/group-commit.ts); node's fs.fsync by default */
  fsync?: Fsync
}

/**
 * Durable store-and-forward for every provider write. An item is on disk (fsync) before its
 * first attempt and leaves "pending" only when the provider confirmed it. After an attempt
 * whose outcome is unknown, the provider is asked (verify) before anything is sent again.
 * Here: the teller's operations and the pump; an attempt is drainer.ts, the providers'
 * circuits and "network back" probing.ts, the lanes claims.ts, the writes and their
 * acknowledgements store.ts.
 */
export class Outbox {
  private readonly queue = new QueueIndex()
  private readonly log: AppendLog<OutboxItem>
  private readonly store: OutboxStore
  private readonly probing: ProviderProbing
  private readonly claims: Claims
  private readonly drainer: Drainer
  private readonly lock: DirectoryLock
  private running = false
  /** after close() nothing more is written: another process may own the directory by then */
  private closed = false
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly options: OutboxOptions) {
    const retry = options.retry ?? DEFAULT_RETRY
    const random = options.random ?? Math.random
    this.lock = new DirectoryLock(join(options.dir, 'outbox.lock'), options.log)
    this.log = new AppendLog(
      join(options.dir, 'outbox.log'),
      (value) => {
        const parsed = OutboxItemSchema.safeParse(value)
        return parsed.success ? parsed.data : null
      },
      options.clock,
      options.health ?? new StorageHealth(options.log),
      options.fsync
    )
    this.store = new OutboxStore(this.log, this.queue, options.log, options.historyLimit ?? 500)
    this.probing = new ProviderProbing(this.queue, retry, random)
    this.claims = new Claims(options.concurrency ?? 4)
    this.drainer = new Drainer({
      handlers: options.handlers,
      clock: options.clock,
      log: options.log,
      queue: this.queue,
      store: this.store,
      probing: this.probing,
      claims: this.claims,
      retry,
      random,
      closed: () => this.closed,
      pump: () => this.pump()
    })
  }

  /** Takes the directory lock and loads the log. An item found "sending" has an unknown outcome. */
  open(): void {
    this.lock.acquire()
    const report = this.log.load()
    // a torn last line is an interrupted write, never acknowledged; anything else lost durable lines
    const lostLines = report.damage !== null && report.damage.kind !== 'torn'
    if (lostLines) {
      this.options.log.error('outbox file damaged: kept aside, intact items recovered', {
        kind: report.damage!.kind,
        recovered: report.items.size,
        keptAs: report.damage!.keptAs
      })
    } else if (report.damage) {
      this.options.log.warn('outbox: torn last line dropped (interrupted write)', { keptAs: report.damage.keptAs })
    }
    for (const item of report.items.values()) {
      // after damage, an item's later lines may be the ones lost: every active one is verified first
      const damaged = lostLines && (item.state === 'pending' || item.state === 'attention')
      const recovered: OutboxItem =
        item.state === 'sending'
          ? { ...item, state: 'pending', outcomeUnknown: true, nextAttemptAt: item.updatedAt }
          : damaged && !item.outcomeUnknown
            ? { ...item, outcomeUnknown: true }
            : item
      this.queue.put(recovered)
      if (recovered !== item && !lostLines) this.log.append(recovered)
    }
    // after damage the file is rewritten once, with every item as it now stands
    if (lostLines) this.log.rewrite(this.queue.all())
  }

  start(): void {
    this.running = true
    this.pump()
  }

  /** Stops sending. Items in flight stay "sending" on disk and are verified at the next start. */
  close(): void {
    this.running = false
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.log.close()
    this.lock.release()
  }

  onChange(listener: (item: OutboxItem) => void): () => void {
    return this.store.onChange(listener)
  }

  get(id: string): OutboxItem | undefined {
    return this.queue.get(id)
  }

  activeFor(key: string): OutboxItem | undefined {
    return this.queue.active(key)
  }

  all(): IterableIterator<OutboxItem> {
    return this.queue.all()
  }

  /** Persists a new write (fsync) and schedules it. Refuses a second active write for the key or one past the limits. */
  enqueue(fresh: NewItem): OutboxItem {
    if (this.closed) throw new AppFailure({ code: 'INTERNAL' })
    if (this.queue.active(fresh.key)) throw new AppFailure({ code: 'DECISION_IN_FLIGHT' })
    if (fresh.amount) {
      const limits = this.options.limits()
      const waiting = this.queue.waitingIn(fresh.amount.currency)
      if (waiting.count + 1 > limits.maxItems) {
        throw new AppFailure({ code: 'OUTBOX_LIMIT', reason: 'items', field: fresh.amount.currency })
      }
      const ceiling = limits.maxAmount[fresh.amount.currency]
      if (ceiling !== undefined && waiting.minor + fresh.amount.minor > ceiling) {
        throw new AppFailure({ code: 'OUTBOX_LIMIT', reason: 'amount', field: fresh.amount.currency })
      }
    }
    const now = this.options.clock.now()
    // a discarded write for the same key may have reached the provider: ask before this one goes
    const before = this.queue.latest(fresh.key)
    const afterMaybeApplied = before?.state === 'discarded' && (before.attempts > 0 || before.outcomeUnknown)
    const item = this.save({
      endpoint: null,
      ...fresh,
      id: randomUUID(),
      state: 'pending',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
      nextAttemptAt: now,
      lastError: null,
      outcomeUnknown: afterMaybeApplied,
      result: null,
      attention: null,
      discardReason: null,
      resendApproved: false
    })
    this.pump()
    return item
  }

  /**
   * Puts back a write the books say is waiting but the log lost (damage): pending, with an
   * unknown outcome, so the provider is asked before anything is sent.
   */
  restore(lost: NewItem & { id: string; createdAt: number; attempts: number }): OutboxItem {
    const known = this.queue.get(lost.id)
    if (known) return known
    const now = this.options.clock.now()
    const item = this.save({
      endpoint: null,
      ...lost,
      state: 'pending',
      updatedAt: now,
      nextAttemptAt: now,
      lastError: null,
      resendApproved: false,
      outcomeUnknown: true,
      result: null,
      attention: null,
      discardReason: null
    })
    this.pump()
    return item
  }

  /** The teller's "retry now": also lifts the provider's backoff. Attention items go back in line, verified first. */
  retryNow(id: string): OutboxItem {
    const item = this.queue.get(id)
    if (!item) throw new AppFailure({ code: 'NOT_FOUND' })
    if (item.state !== 'pending' && item.state !== 'attention') return item
    this.probing.lift(item.provider)
    const now = this.options.clock.now()
    // for a write that is never re-sent by itself, the person's "retry" is the decision to send it again
    const approve = item.state === 'attention' && this.options.handlers[item.kind]?.noAutoResend === true
    const next = this.save({
      ...item,
      state: 'pending',
      nextAttemptAt: now,
      outcomeUnknown: item.outcomeUnknown || item.state === 'attention',
      attention: null,
      resendApproved: item.resendApproved || approve,
      updatedAt: now
    })
    this.pump()
    return next
  }

  /**
   * The OS says the network is back (online, resume from sleep, screen unlocked). Every
   * provider with waiting items is probed at once — its oldest pending item goes now, whatever
   * its backoff or the provider's circuit say — and once a provider answers, the rest of its
   * items follow at once instead of after their timers (up to the 5-minute cap). Returns the
   * providers probed. In memory only: the items' times on disk do not matter after a restart.
   */
  networkBack(): Provider[] {
    const probed = this.probing.networkBack(this.options.clock.now())
    this.pump()
    return probed
  }

  /** Removes a write from the queue for good, keeping who-knows-why in the record. */
  discard(id: string, reason: string): OutboxItem {
    const item = this.queue.get(id)
    if (!item) throw new AppFailure({ code: 'NOT_FOUND' })
    if (item.state === 'sending') throw new AppFailure({ code: 'DECISION_IN_FLIGHT' })
    if (item.state !== 'pending' && item.state !== 'attention') throw new AppFailure({ code: 'ALREADY_DECIDED' })
    return this.save({ ...item, state: 'discarded', discardReason: reason, updatedAt: this.options.clock.now() })
  }

  /**
   * Resolves when the item's attempt under way (or, if none is, its next attempt) has
   * finished, or after `timeoutMs` — with the item as it is then.
   */
  settled(id: string, timeoutMs: number): Promise<OutboxItem> {
    const start = this.queue.get(id)
    if (!start) return Promise.reject(new AppFailure({ code: 'NOT_FOUND' }))
    if (start.state !== 'pending' && start.state !== 'sending') return Promise.resolve(start)
    return new Promise((resolve) => {
      const done = (item: OutboxItem) => {
        clearTimeout(timer)
        off()
        resolve(item)
      }
      const timer = setTimeout(() => done(this.queue.get(id) ?? start), timeoutMs)
      const off = this.onChange((item) => {
        if (item.id !== id || item.state === 'sending') return
        if (start.state === 'sending' || item.attempts > start.attempts || item.state !== 'pending') done(item)
      })
    })
  }

  summary(providers: Provider[]): OutboxSummary {
    return this.probing.summary(providers, this.options.clock.now())
  }

  /** A teller's change: flushed before it returns. After close() nothing more is written. */
  private save(item: OutboxItem): OutboxItem {
    return this.closed ? item : this.store.save(item)
  }

  private pump(): void {
    if (!this.running) return
    const now = this.options.clock.now()
    while (!this.claims.full) {
      const item = this.queue.firstDue()
      if (!item || item.nextAttemptAt > now) break
      this.queue.takeFirstDue()
      const blockedUntil = this.probing.blockedUntil(item.provider)
      if (blockedUntil > now) {
        // the provider is down: hold its items until the next probe instead of hammering it
        this.queue.reschedule(item, blockedUntil)
        continue
      }
      void this.drainer.attempt(item)
    }
    this.schedule()
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const next = this.queue.firstDue()
    if (!this.running || !next || this.claims.full) return
    const delay = Math.max(10, next.nextAttemptAt - this.options.clock.now())
    this.timer = setTimeout(() => this.pump(), delay)
    this.timer.unref?.()
  }
}
