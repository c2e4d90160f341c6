import type { OutboxSummary } from '@shared/contract'
import type { AppError, Provider } from '@shared/errors'
import { linkAfter } from '../http/failures'
import type { OutboxItem } from './item'
import type { QueueIndex } from './queue-index'
import { backoffMs, type RetryPolicy } from './retry'

interface ProviderHealth {
  failures: number
  blockedUntil: number
  lastError: AppError | null
}

/**
 * Each provider's circuit: after a transient failure its items are held until the provider's
 * backoff ends, instead of hammering it; a "network back" signal probes every provider with
 * waiting items at once and, once one answers, lets the rest of its items follow. In memory
 * only: the items' times on disk do not matter after a restart.
 */
export class ProviderProbing {
  private readonly health = new Map<Provider, ProviderHealth>()
  /** providers probed after "network back": their held items follow as soon as they answer */
  private readonly releaseOnAnswer = new Set<Provider>()

  constructor(
    private readonly queue: QueueIndex,
    private readonly retry: RetryPolicy,
    private readonly random: () => number
  ) {}

  /** Until when the provider is held (0: not held). */
  blockedUntil(provider: Provider): number {
    return this.health.get(provider)?.blockedUntil ?? 0
  }

  /** The teller's "retry now" lifts the provider's backoff. */
  lift(provider: Provider): void {
    this.health.delete(provider)
  }

  /** A transient failure: the provider backs off (its failures count up); returns its delay. */
  failed(provider: Provider, error: AppError, now: number): number {
    const health = this.health.get(provider) ?? { failures: 0, blockedUntil: 0, lastError: null }
    const failures = health.failures + 1
    const delay = backoffMs(this.retry, failures - 1, this.random, error.retryAfterMs)
    this.health.set(provider, { failures, blockedUntil: Math.max(health.blockedUntil, now + delay), lastError: error })
    return delay
  }

  /** The provider answered (delivered, refused, or told what it holds): its circuit closes. */
  answered(provider: Provider, now: number): void {
    this.health.delete(provider)
    if (!this.releaseOnAnswer.delete(provider)) return
    // after a network-back probe got an answer: every held item of the provider is due now
    for (const item of this.queue.activeItems()) {
      if (item.provider === provider && item.state === 'pending' && item.nextAttemptAt > now)
        this.queue.reschedule(item, now)
    }
  }

  /**
   * The OS says the network is back. Every provider with waiting items is probed at once — its
   * oldest pending item is due now, whatever its backoff or the provider's circuit say — and
   * the rest follow when it answers (`answered`). Returns the providers probed.
   */
  networkBack(now: number): Provider[] {
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
    return [...probed.keys()]
  }

  /** How each provider's queue stands, for the status bar and the outbox panel. */
  summary(providers: Provider[], now: number): OutboxSummary {
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
}
