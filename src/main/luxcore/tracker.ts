import type { Deposit, LuxcorePayment } from '@shared/contract'
import { toAppError } from '@shared/errors'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import type { LuxcoreClient } from './client'

export interface PollSchedule {
  /** first look after creation or a change */
  firstMs: number
  /** growth per unchanged look */
  factor: number
  maxMs: number
}

/** LuxCore discourages tight polling (luxcore-payments-guide.txt): start slow, back off, stop at a terminal status. */
export const DEFAULT_POLL: PollSchedule = { firstMs: 5_000, factor: 1.6, maxMs: 60_000 }

/**
 * Follows every deposit that is not terminal yet (a counter cannot receive webhooks) and
 * reports status changes as they happen.
 */
export class DepositTracker {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; delay: number }>()
  private running = false

  constructor(
    private readonly client: () => LuxcoreClient,
    private readonly onPayment: (merchantReference: string, payment: LuxcorePayment) => void,
    private readonly log: Logger,
    private readonly clock: Clock,
    private readonly schedule: PollSchedule = DEFAULT_POLL
  ) {}

  start(deposits: Deposit[]): void {
    this.running = true
    for (const deposit of deposits) this.watch(deposit)
  }

  stop(): void {
    this.running = false
    for (const { timer } of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  /** (Re)starts following a deposit from the first delay; ignores terminal ones. */
  watch(deposit: Deposit): void {
    const payment = deposit.payment
    if (!this.running || !payment || payment.terminal) return this.forget(deposit.merchantReference)
    this.plan(deposit.merchantReference, payment, this.schedule.firstMs)
  }

  forget(merchantReference: string): void {
    const entry = this.timers.get(merchantReference)
    if (entry) clearTimeout(entry.timer)
    this.timers.delete(merchantReference)
  }

  private plan(reference: string, last: LuxcorePayment, delay: number): void {
    this.forget(reference)
    const timer = setTimeout(() => void this.look(reference, last, delay), delay)
    timer.unref?.()
    this.timers.set(reference, { timer, delay })
  }

  private async look(reference: string, last: LuxcorePayment, delay: number): Promise<void> {
    if (!this.running) return
    const grown = Math.min(this.schedule.maxMs, Math.round(delay * this.schedule.factor))
    try {
      const payment = await this.client().getPayment(last.transactionId, last)
      if (payment.status !== last.status) {
        this.log.info('luxcore deposit status', {
          reference,
          from: last.status,
          to: payment.status,
          at: new Date(this.clock.now()).toISOString()
        })
        this.onPayment(reference, payment)
        if (payment.terminal) return this.forget(reference)
        return this.plan(reference, payment, this.schedule.firstMs)
      }
      this.plan(reference, payment, grown)
    } catch (cause) {
      this.log.warn('luxcore status poll failed', { reference, code: toAppError(cause).code })
      this.plan(reference, last, Math.min(this.schedule.maxMs, grown * 2))
    }
  }
}
