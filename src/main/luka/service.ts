import type { DecisionRecord, DecisionRequest, DeferredPayment, LookupResult, LukaStatus } from '@shared/contract'
import { AppFailure, toAppError, type AppError } from '@shared/errors'
import type { LookupQuery } from '@shared/lookup'
import type { DecisionBook } from '../decisions/book'
import type { SettingsService } from '../settings/settings'
import type { Clock } from '../support/clock'
import type { EventBus } from '../support/events'
import type { Logger } from '../support/log'
import { LukaClient } from './client'

export interface LukaServiceDeps {
  settings: SettingsService
  book: DecisionBook
  bus: EventBus
  clock: Clock
  log: Logger
  timeoutMs?: number
}

/** Payments looked up recently, so a decision uses the amount main saw, not one a caller sends. */
const SEEN_LIMIT = 500

/** How a call's outcome moves the connection state shown in the status bar. */
function stateAfter(error: AppError): LukaStatus['state'] {
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
    case 'PROVIDER_UNAVAILABLE':
      return 'offline'
    case 'BAD_CREDENTIALS':
      return 'bad-credentials'
    case 'NOT_CONFIGURED':
      return 'unconfigured'
    default:
      return 'online' // Luka answered (not found, rejected, rate limited…)
  }
}

/** The counter's Luka flow: connection state, lookup, decide, retry. */
export class LukaService {
  private client: LukaClient
  private current: LukaStatus = { state: 'signed-out', checkedAt: null }
  private readonly seen = new Map<number, DeferredPayment>()
  private unsubscribe: (() => void) | null = null

  constructor(private readonly deps: LukaServiceDeps) {
    this.client = this.buildClient()
  }

  /** Signs in in the background if configured; rebuilds the client when settings change. */
  start(): void {
    this.unsubscribe = this.deps.settings.onChange(() => {
      this.client = this.buildClient()
      this.setStatus({ state: this.configured() ? 'signed-out' : 'unconfigured', checkedAt: null })
    })
    if (!this.configured()) this.setStatus({ state: 'unconfigured', checkedAt: null })
    else void this.signIn().catch(() => undefined)
  }

  stop(): void {
    this.unsubscribe?.()
  }

  status(): LukaStatus {
    return this.current
  }

  async signIn(): Promise<LukaStatus> {
    if (!this.configured()) {
      this.setStatus({ state: 'unconfigured', checkedAt: null })
      return this.current
    }
    this.setStatus({ ...this.current, state: 'signing-in' })
    await this.track(this.client.signIn()).catch(() => undefined)
    return this.current
  }

  async lookup(query: LookupQuery): Promise<LookupResult> {
    const payment = await this.track(this.client.lookupDeferredPayment(query))
    this.remember(payment)
    return { payment, decision: this.deps.book.get(payment.transactionId) }
  }

  /**
   * Records the decision durably, then notifies Luka. A failed notify comes back as a
   * record in state "not-delivered" (with the error) — never as success.
   */
  async decide(request: DecisionRequest): Promise<DecisionRecord> {
    const existing = this.deps.book.get(request.transactionId)
    if (existing) {
      throw new AppFailure({ code: existing.state === 'sending' ? 'DECISION_IN_FLIGHT' : 'ALREADY_DECIDED' })
    }
    const payment =
      this.seen.get(request.transactionId) ??
      (await this.lookup({ by: 'transactionId', value: String(request.transactionId) })).payment
    if (payment.processingStatus !== 'pending') {
      throw new AppFailure({ code: 'NOT_PENDING', provider: 'luka', providerMessage: payment.processingStatus ?? undefined })
    }
    const record = this.deps.book.begin(request, payment.amount)
    this.deps.bus.emit('decision.updated', record)
    return this.send(record)
  }

  async retryDecision(transactionId: number): Promise<DecisionRecord> {
    const record = this.deps.book.beginRetry(transactionId)
    this.deps.bus.emit('decision.updated', record)
    return this.send(record)
  }

  private async send(record: DecisionRecord): Promise<DecisionRecord> {
    let settled: DecisionRecord
    try {
      const reply = await this.track(
        this.client.notifyDecision({
          transactionId: record.transactionId,
          decision: record.decision,
          note: record.note,
          terminal: this.deps.settings.effective().terminal,
          authorizationCode: record.authorizationCode
        })
      )
      settled = this.deps.book.delivered(record.transactionId, reply)
      this.seen.delete(record.transactionId)
    } catch (cause) {
      const error = toAppError(cause)
      this.deps.log.warn('luka notify not delivered', { transactionId: record.transactionId, code: error.code })
      settled = this.deps.book.notDelivered(record.transactionId, error)
    }
    this.deps.log.info('decision', {
      transactionId: settled.transactionId,
      decision: settled.decision,
      state: settled.state,
      attempts: settled.attempts
    })
    this.deps.bus.emit('decision.updated', settled)
    return settled
  }

  private configured(): boolean {
    const { baseUrl, username, password } = this.deps.settings.effective().luka
    return baseUrl !== '' && username !== '' && password !== ''
  }

  private buildClient(): LukaClient {
    const settings = this.deps.settings
    return new LukaClient({
      baseUrl: settings.effective().luka.baseUrl,
      credentials: () => {
        const { username, password } = settings.effective().luka
        return { username, password }
      },
      clock: this.deps.clock,
      log: this.deps.log,
      timeoutMs: this.deps.timeoutMs
    })
  }

  private remember(payment: DeferredPayment): void {
    this.seen.delete(payment.transactionId)
    this.seen.set(payment.transactionId, payment)
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.keys().next().value
      if (oldest !== undefined) this.seen.delete(oldest)
    }
  }

  /** Runs a Luka call and moves the connection state by its outcome. */
  private async track<T>(call: Promise<T>): Promise<T> {
    const checkedAt = () => new Date(this.deps.clock.now()).toISOString()
    try {
      const value = await call
      this.setStatus({ state: 'online', checkedAt: checkedAt() })
      return value
    } catch (cause) {
      const error = toAppError(cause)
      const state = stateAfter(error)
      this.setStatus(state === 'online' ? { state, checkedAt: checkedAt() } : { state, checkedAt: checkedAt(), error })
      throw cause
    }
  }

  private setStatus(next: LukaStatus): void {
    const changed =
      next.state !== this.current.state || next.error?.code !== this.current.error?.code
    this.current = next
    if (changed) this.deps.bus.emit('luka.status', next)
  }
}
