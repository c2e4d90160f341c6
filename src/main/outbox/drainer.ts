import { AppFailure, toAppError, type AppError } from '@shared/errors'
import { classify, maybeApplied } from '../http/failures'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import type { Claims } from './claims'
import type { AttentionReason, DeliveryHandler, OutboxItem } from './item'
import type { ProviderProbing } from './probing'
import type { QueueIndex } from './queue-index'
import { backoffMs, type RetryPolicy } from './retry'
import type { OutboxStore } from './store'

export interface DrainerDeps {
  queue: QueueIndex
  store: OutboxStore
  probing: ProviderProbing
  claims: Claims
  handlers: Partial<Record<OutboxItem['kind'], DeliveryHandler>>
  clock: Clock
  log: Logger
  retry: RetryPolicy
  random: () => number
  /** after close() nothing more is written: another process may own the directory by then */
  closed: () => boolean
  /** a claim ended: the next due items may start */
  pump: () => void
}

/**
 * One attempt at delivering an item: claimed "sending" on disk before the request leaves,
 * verified first when its last outcome is unknown, then delivered, rescheduled with backoff,
 * or handed to a person (attention). Every change goes through the store's grouped save.
 */
export class Drainer {
  constructor(private readonly deps: DrainerDeps) {}

  async attempt(item: OutboxItem): Promise<OutboxItem> {
    const { claims, probing, clock } = this.deps
    claims.claim()
    let laneHeld = false
    let released = false
    // the lane is free once the provider has answered: the next item's "sending" line then
    // shares its fsync with this item's result line
    const release = () => {
      if (released) return
      released = true
      claims.unclaim()
      if (laneHeld) claims.freeLane()
      this.deps.pump()
    }
    const handler = this.deps.handlers[item.kind] ?? {
      send: () => Promise.reject(new AppFailure({ code: 'INTERNAL', providerMessage: `no delivery for ${item.kind}` }))
    }
    let current = item
    try {
      // on disk before the request leaves: after a crash the outcome is known to be unknown
      current = await this.save({
        ...item,
        state: 'sending',
        attempts: item.attempts + 1,
        resendApproved: false, // a person's approval covers this one attempt only
        updatedAt: clock.now()
      })
      await claims.lane()
      laneHeld = true
      if (this.deps.closed()) return current
      // the provider went down while this claim waited for a lane: back in line, unsent
      const blockedUntil = probing.blockedUntil(item.provider)
      if (blockedUntil > clock.now()) {
        return (current = await this.save({ ...item, nextAttemptAt: blockedUntil }))
      }
      if (current.outcomeUnknown && handler.verify) {
        const found = await handler.verify(current.payload, current.endpoint)
        // closed meanwhile: the next owner of the folder verifies again; a send from here could double it
        if (this.deps.closed()) return current
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
        this.deps.log.error('outbox could not record an attempt', { id: current.id, error: String(storage) })
        const retryAt = clock.now() + backoffMs(this.deps.retry, current.attempts, this.deps.random)
        current = this.deps.queue.reschedule({ ...current, state: 'pending', outcomeUnknown: true }, retryAt)
        return current
      }
    } finally {
      release()
      this.deps.log.info('outbox attempt', {
        id: current.id,
        kind: current.kind,
        state: current.state,
        attempts: current.attempts
      })
    }
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
    const now = this.deps.clock.now()
    const providerDelay = this.deps.probing.failed(item.provider, error, now)
    const itemDelay = backoffMs(this.deps.retry, item.attempts - 1, this.deps.random, error.retryAfterMs)
    return this.save({
      ...item,
      state: 'pending',
      lastError: error,
      outcomeUnknown,
      nextAttemptAt: now + Math.max(providerDelay, itemDelay),
      updatedAt: now
    })
  }

  private delivered(item: OutboxItem, result: unknown): Promise<OutboxItem> {
    const now = this.deps.clock.now()
    this.deps.probing.answered(item.provider, now)
    return this.save({ ...item, state: 'delivered', result: result ?? null, outcomeUnknown: false, updatedAt: now })
  }

  private attention(
    item: OutboxItem,
    reason: AttentionReason,
    detail: string | null,
    error: AppError | null
  ): Promise<OutboxItem> {
    const now = this.deps.clock.now()
    this.deps.probing.answered(item.provider, now) // the provider answered
    return this.save({
      ...item,
      state: 'attention',
      attention: { reason, detail },
      lastError: error ?? item.lastError,
      updatedAt: now
    })
  }

  /** A late attempt after close(): its item stays "sending" on disk and is verified at the next start. */
  private save(item: OutboxItem): Promise<OutboxItem> {
    return this.deps.closed() ? Promise.resolve(item) : this.deps.store.saveGrouped(item)
  }
}
