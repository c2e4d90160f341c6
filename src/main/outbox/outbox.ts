import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { OutboxKind, OutboxSummary } from '@shared/contract'
import { AppFailure, toAppError, type AppError, type Provider } from '@shared/errors'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import { OutboxItemSchema, type AttentionReason, type DeliveryHandler, type NewItem, type OutboxItem } from './item'
import { DirectoryLock } from './lock'
import { AppendLog } from './log'
import type { Fsync } from '../storage/group-commit'
import { StorageHealth } from '../storage/health'
import { QueueIndex } from './queue-index'
import { classify, linkAfter, maybeApplied } from '../http/failures'
import { backoffMs, DEFAULT_RETRY, type RetryPolicy } from './retry'

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

interface Ack {
  item: OutboxItem
  ready: boolean
  done: () => void
}

interface ProviderHealth {
  failures: number
  blockedUntil: number
  lastError: AppError | null
}

/**
 * Durable store-and-forward for every provider write. An item is on disk (fsync) before its
 * first attempt and leaves "pending" only when the provider confirmed it. After an attempt
 * whose outcome is unknown, the provider is asked (verify) before anything is sent again.
 */
export class Outbox {
  private readonly queue = new QueueIndex()
  private readonly health = new Map<Provider, ProviderHealth>()
  private readonly listeners = new Set<(item: OutboxItem) => void>()
  private readonly store: AppendLog<OutboxItem>
  private readonly lock: DirectoryLock
  private readonly retry: RetryPolicy
  private readonly concurrency: number
  private readonly random: () => number
  /** providers probed after "network back": their held items follow as soon as they answer */
  private readonly releaseOnAnswer = new Set<Provider>()
  /** attempts under way: each holds its item "sending" on disk, at most twice the lanes */
  private claims = 0
  /** lanes in use (requests to providers at once) and the claimed attempts waiting for one */
  private lanesBusy = 0
  private laneWaiters: (() => void)[] = []
  /** changes written, in write order, each told to the listeners once it is on disk */
  private acks: Ack[] = []
  private running = false
  /** after close() nothing more is written: another process may own the directory by then */
  private closed = false
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly options: OutboxOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY
    this.concurrency = options.concurrency ?? 4
    this.random = options.random ?? Math.random
    this.lock = new DirectoryLock(join(options.dir, 'outbox.lock'), options.log)
    this.store = new AppendLog(
      join(options.dir, 'outbox.log'),
      (value) => {
        const parsed = OutboxItemSchema.safeParse(value)
        return parsed.success ? parsed.data : null
      },
      options.clock,
      options.health ?? new StorageHealth(options.log),
      options.fsync
    )
  }

  /** Takes the directory lock and loads the log. An item found "sending" has an unknown outcome. */
  open(): void {
    this.lock.acquire()
    const report = this.store.load()
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
      if (recovered !== item && !lostLines) this.store.append(recovered)
    }
    // after damage the file is rewritten once, with every item as it now stands
    if (lostLines) this.store.rewrite(this.queue.all())
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
    this.store.close()
    this.lock.release()
  }

  onChange(listener: (item: OutboxItem) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
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
    this.health.delete(item.provider)
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
    const now = this.options.clock.now()
    const probed = new Map<Provider, OutboxItem>()
    for (const item of this.queue.activeItems()) {
      if (item.state !== 'pending') continue
      this.releaseOnAnswer.add(item.provider)
      const first = probed.get(item.provider)
      if (!first || item.nextAttemptAt < first.nextAttemptAt) probed.set(item.provider, item)
    }
    for (const [provider, item] of probed) {
      const health = this.health.get(provider)
      // the failure count stays: a probe that fails again backs off from where it was
      if (health) this.health.set(provider, { ...health, blockedUntil: 0 })
      if (item.nextAttemptAt > now) this.queue.reschedule(item, now)
    }
    this.pump()
    return [...probed.keys()]
  }

  /** After a network-back probe got an answer: every held item of the provider is due now. */
  private release(provider: Provider): void {
    if (!this.releaseOnAnswer.delete(provider)) return
    const now = this.options.clock.now()
    for (const item of this.queue.activeItems()) {
      if (item.provider === provider && item.state === 'pending' && item.nextAttemptAt > now)
        this.queue.reschedule(item, now)
    }
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
    const now = this.options.clock.now()
    const rows = providers.map((provider) => {
      let waiting = 0
      let attention = 0
      let oldest: number | null = null
      for (const item of this.queue.activeItems()) {
        if (item.provider !== provider) continue
        if (item.state === 'attention') attention++
        else waiting++
        if (item.state !== 'attention' && (oldest === null || item.createdAt < oldest)) oldest = item.createdAt
      }
      const health = this.health.get(provider)
      const down = health && health.failures > 0 && (health.blockedUntil > now || waiting > 0)
      const offline = down && health.lastError !== null && linkAfter(health.lastError) === 'unreachable'
      return {
        provider,
        state: offline ? ('offline' as const) : down ? ('degraded' as const) : ('online' as const),
        waiting,
        attention,
        oldestAt: oldest === null ? null : new Date(oldest).toISOString()
      }
    })
    return { providers: rows, totals: this.queue.waitingTotals() }
  }

  // ------------------------------------------------------------------ delivery

  private pump(): void {
    if (!this.running) return
    const now = this.options.clock.now()
    // one lane's worth of items beyond the lanes is claimed ahead ("sending" on disk), so a lane
    // that frees up sends at once instead of waiting for the next claim's fsync
    while (this.claims < 2 * this.concurrency) {
      const item = this.queue.firstDue()
      if (!item || item.nextAttemptAt > now) break
      this.queue.takeFirstDue()
      const blockedUntil = this.health.get(item.provider)?.blockedUntil ?? 0
      if (blockedUntil > now) {
        // the provider is down: hold its items until the next probe instead of hammering it
        this.queue.reschedule(item, blockedUntil)
        continue
      }
      void this.attempt(item)
    }
    this.schedule()
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const next = this.queue.firstDue()
    if (!this.running || !next || this.claims >= 2 * this.concurrency) return
    const delay = Math.max(10, next.nextAttemptAt - this.options.clock.now())
    this.timer = setTimeout(() => this.pump(), delay)
    this.timer.unref?.()
  }

  private async attempt(item: OutboxItem): Promise<OutboxItem> {
    this.claims++
    let laneHeld = false
    let released = false
    // the lane is free once the provider has answered: the next item's "sending" line then
    // shares its fsync with this item's result line
    const release = () => {
      if (released) return
      released = true
      this.claims--
      if (laneHeld) this.freeLane()
      this.pump()
    }
    const handler = this.options.handlers[item.kind] ?? {
      send: () => Promise.reject(new AppFailure({ code: 'INTERNAL', providerMessage: `no delivery for ${item.kind}` }))
    }
    let current = item
    try {
      // on disk before the request leaves: after a crash the outcome is known to be unknown
      current = await this.saveGrouped({
        ...item,
        state: 'sending',
        attempts: item.attempts + 1,
        resendApproved: false, // a person's approval covers this one attempt only
        updatedAt: this.options.clock.now()
      })
      await this.lane()
      laneHeld = true
      if (this.closed) return current
      // the provider went down while this claim waited for a lane: back in line, unsent
      const blockedUntil = this.health.get(item.provider)?.blockedUntil ?? 0
      if (blockedUntil > this.options.clock.now()) {
        return (current = await this.saveGrouped({ ...item, nextAttemptAt: blockedUntil }))
      }
      if (current.outcomeUnknown && handler.verify) {
        const found = await handler.verify(current.payload, current.endpoint)
        // closed meanwhile: the next owner of the folder verifies again; a send from here could double it
        if (this.closed) return current
        if (found.state === 'applied') return (current = await this.delivered(current, found.result))
        if (found.state !== 'not-applied')
          return (current = await this.attention(current, found.state, found.detail, null))
      }
      if (current.outcomeUnknown && handler.noAutoResend && !item.resendApproved) {
        return (current = await this.attention(
          current,
          'unconfirmed',
          current.lastError?.providerMessage ?? null,
          null
        ))
      }
      const result = await handler.send(current.payload, current.endpoint)
      release()
      return (current = await this.delivered(current, result))
    } catch (cause) {
      try {
        return (current = await this.failed(current, toAppError(cause), handler))
      } catch (storage) {
        // the disk refused even the failure record: keep the item in line in memory (it is
        // "sending" or "pending" on disk and will be verified), never a slot lost for good
        this.options.log.error('outbox could not record an attempt', { id: current.id, error: String(storage) })
        const retryAt = this.options.clock.now() + backoffMs(this.retry, current.attempts, this.random)
        current = this.queue.reschedule({ ...current, state: 'pending', outcomeUnknown: true }, retryAt)
        return current
      }
    } finally {
      release()
      this.options.log.info('outbox attempt', {
        id: current.id,
        kind: current.kind,
        state: current.state,
        attempts: current.attempts
      })
    }
  }

  /** Waits for a free lane: at most `concurrency` requests to the providers at once. */
  private lane(): Promise<void> {
    if (this.lanesBusy < this.concurrency) {
      this.lanesBusy++
      return Promise.resolve()
    }
    return new Promise((resolve) => this.laneWaiters.push(resolve))
  }

  /** Hands the lane to the next claim waiting for one, or frees it. */
  private freeLane(): void {
    const next = this.laneWaiters.shift()
    if (next) next()
    else this.lanesBusy--
  }

  private async failed(item: OutboxItem, error: AppError, handler: DeliveryHandler): Promise<OutboxItem> {
    const unknown = item.outcomeUnknown || maybeApplied(error)
    // nothing to ask the provider: straight to a person, never sent again by itself
    if (classify(error) === 'transient' && unknown && handler.noAutoResend && !handler.verify)
      return this.attention({ ...item, outcomeUnknown: true }, 'unconfirmed', error.providerMessage ?? null, error)
    if (classify(error) === 'transient') return this.later(item, error, unknown)
    // Refused. "Already processed" looks like this too: ask the provider what it holds before giving up.
    // a reply about something else is no refusal: neither it nor the provider's state can be
    // believed alone, so a person gets both (the reply is in lastError)
    const reason = error.code === 'REPLY_MISMATCH' ? 'unverified' : 'rejected'
    if (!handler.verify) return this.attention(item, reason, error.providerMessage ?? null, error)
    try {
      const found = await handler.verify(item.payload, item.endpoint)
      if (found.state === 'applied') return this.delivered(item, found.result)
      if (found.state !== 'not-applied') return this.attention(item, found.state, found.detail, error)
      return this.attention(item, reason, error.providerMessage ?? null, error)
    } catch (cause) {
      const verifyError = toAppError(cause)
      // the provider could not tell us what it holds: a person must look, and it says so
      return classify(verifyError) === 'transient'
        ? this.later(item, verifyError, true)
        : this.attention(item, 'unverified', verifyError.providerMessage ?? error.providerMessage ?? null, verifyError)
    }
  }

  private later(item: OutboxItem, error: AppError, outcomeUnknown: boolean): Promise<OutboxItem> {
    const now = this.options.clock.now()
    const health = this.health.get(item.provider) ?? { failures: 0, blockedUntil: 0, lastError: null }
    const failures = health.failures + 1
    const providerDelay = backoffMs(this.retry, failures - 1, this.random, error.retryAfterMs)
    const itemDelay = backoffMs(this.retry, item.attempts - 1, this.random, error.retryAfterMs)
    this.health.set(item.provider, {
      failures,
      blockedUntil: Math.max(health.blockedUntil, now + providerDelay),
      lastError: error
    })
    return this.saveGrouped({
      ...item,
      state: 'pending',
      lastError: error,
      outcomeUnknown,
      nextAttemptAt: now + Math.max(providerDelay, itemDelay),
      updatedAt: now
    })
  }

  private delivered(item: OutboxItem, result: unknown): Promise<OutboxItem> {
    this.health.delete(item.provider)
    this.release(item.provider)
    return this.saveGrouped({
      ...item,
      state: 'delivered',
      result: result ?? null,
      outcomeUnknown: false,
      updatedAt: this.options.clock.now()
    })
  }

  private attention(
    item: OutboxItem,
    reason: AttentionReason,
    detail: string | null,
    error: AppError | null
  ): Promise<OutboxItem> {
    this.health.delete(item.provider) // the provider answered
    this.release(item.provider)
    return this.saveGrouped({
      ...item,
      state: 'attention',
      attention: { reason, detail },
      lastError: error ?? item.lastError,
      updatedAt: this.options.clock.now()
    })
  }

  // ------------------------------------------------------------------ storage

  /** A teller's change (enqueue, retry, discard): flushed before it returns, like every line written before it. */
  private save(item: OutboxItem): OutboxItem {
    // a late attempt after close(): its item stays "sending" on disk and is verified next start
    if (this.closed) return item
    this.store.append(item)
    this.queue.put(item)
    this.compactIfDue()
    // that fsync covered the drain's lines still waiting for theirs: acknowledged first, in order
    for (const ack of this.acks) ack.ready = true
    this.acks.push({ item, ready: true, done: () => undefined })
    this.acknowledge()
    return item
  }

  /**
   * The drain's change: written and applied in memory now, acknowledged (listeners, the
   * returned promise) only once its fsync — shared with the lines written meanwhile — returned.
   * Acknowledgements keep the order of the writes.
   */
  private async saveGrouped(item: OutboxItem): Promise<OutboxItem> {
    if (this.closed) return item
    const durable = this.store.appendGrouped(item)
    this.queue.put(item)
    this.compactIfDue()
    return new Promise((resolve, reject) => {
      const ack: Ack = { item, ready: false, done: () => resolve(item) }
      this.acks.push(ack)
      durable.then(
        () => {
          ack.ready = true
          this.acknowledge()
        },
        (cause: unknown) => {
          this.acks = this.acks.filter((other) => other !== ack)
          this.acknowledge()
          reject(cause)
        }
      )
    })
  }

  /** Tells the listeners about every change at the head of the line that is on disk. */
  private acknowledge(): void {
    while (this.acks[0]?.ready) {
      const { item, done } = this.acks.shift()!
      for (const listener of this.listeners) {
        // a listener (book, journal, event bus) must never stop the state machine
        try {
          listener(item)
        } catch (cause) {
          this.options.log.error('outbox listener failed', { id: item.id, error: String(cause) })
        }
      }
      done()
    }
  }

  /** Rewrites the log with the live items once it holds far more lines than items. */
  private compactIfDue(): void {
    if (this.store.lineCount < 2 * this.queue.size + 1000) return
    this.queue.prune(this.options.historyLimit ?? 500)
    this.store.rewrite(this.queue.all())
  }
}
