import { toAppError } from '@shared/errors'
import type { Logger } from '../support/log'

export interface PollSchedule {
  firstMs: number
  factor: number
  maxMs: number
}

/** An SMS's DLR or a payment's status: look soon, then less often, stop at a final one. */
export const LOX24_POLL: PollSchedule = { firstMs: 3_000, factor: 1.6, maxMs: 60_000 }

/** Follows things that are not final yet (a counter cannot receive LOX24's webhooks). */
export class StatusPoller<T> {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private running = true

  constructor(
    private readonly look: (id: string) => Promise<T>,
    private readonly isFinal: (value: T) => boolean,
    private readonly onValue: (id: string, value: T) => void,
    private readonly log: Logger,
    private readonly schedule: PollSchedule = LOX24_POLL
  ) {}

  watch(id: string, delay = this.schedule.firstMs): void {
    if (!this.running) return
    clearTimeout(this.timers.get(id))
    const timer = setTimeout(() => void this.step(id, delay), delay)
    timer.unref?.()
    this.timers.set(id, timer)
  }

  stop(): void {
    this.running = false
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private async step(id: string, delay: number): Promise<void> {
    this.timers.delete(id)
    if (!this.running) return
    const next = Math.min(this.schedule.maxMs, Math.round(delay * this.schedule.factor))
    try {
      const value = await this.look(id)
      if (!this.running) return
      this.onValue(id, value)
      if (!this.isFinal(value)) this.watch(id, next)
    } catch (cause) {
      const error = toAppError(cause)
      this.log.warn('lox24 status poll failed', { id, code: error.code })
      // a held 429 says how long to wait; anything else backs off
      this.watch(id, Math.max(next, Math.min(error.retryAfterMs ?? 0, 60 * 60_000)))
    }
  }
}
