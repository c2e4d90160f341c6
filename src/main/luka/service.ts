import type { DecisionRecord, DecisionRequest, DeferredPayment, LookupResult, LukaStatus } from '@shared/contract'
import { AppFailure, toAppError, type AppError } from '@shared/errors'
import type { LookupQuery } from '@shared/lookup'
import type { DecisionBook } from '../decisions/book'
import type { SettingsService } from '../settings/settings'
import type { Clock } from '../support/clock'
import type { EventBus } from '../support/events'
import type { Logger } from '../support/log'
import type { HttpTransport } from '../http/request'
import type { DeliveryHandler, OutboxItem } from '../outbox/item'
import { endpointStamp, guardEndpoint } from '../outbox/endpoint'
import type { Outbox } from '../outbox/outbox'
import { LukaClient, type DecisionNotice } from './client'
import { DecisionNoticeSchema, lukaNotifyDelivery } from './delivery'
import { FIRST_ATTEMPT_WAIT_MS } from '../outbox/retry'
import { linkAfter } from '../http/failures'

export interface LukaServiceDeps {
  settings: SettingsService
  book: DecisionBook
  bus: EventBus
  clock: Clock
  log: Logger
  timeoutMs?: number
  /** how requests leave the process (Electron's net in the app); axios' Node adapter when absent */
  transport?: HttpTransport
}

/** Payments looked up recently, so a decision uses the amount main saw, not one a caller sends. */
const SEEN_LIMIT = 500

export const decisionKey = (transactionId: number): string => `luka:${transactionId}`

/** How a call's outcome moves the connection state shown in the status bar (http/failures reads it). */
function stateAfter(error: AppError, signedIn: boolean): LukaStatus['state'] {
  switch (linkAfter(error)) {
    case 'rate-limited':
      // a 429 to a sign-in means no new session: "rate limited, retry in …", never "online"
      return signedIn ? 'online' : 'signed-out'
    case 'unreachable':
    case 'down':
      return 'offline'
    case 'bad-credentials':
      return 'bad-credentials'
    case 'unconfigured':
      return 'unconfigured'
    default:
      return 'online' // Luka answered (not found, rejected…), or nothing left this computer
  }
}

/** The counter's Luka flow: connection state, lookup, decide, retry. */
export class LukaService {
  private client: LukaClient
  private current: LukaStatus = { state: 'signed-out', checkedAt: null }
  private readonly seen = new Map<number, DeferredPayment>()
  /** the reference each recently seen payment was searched by */
  private readonly references = new Map<number, string>()
  private unsubscribe: (() => void) | null = null
  private unfollow: (() => void) | null = null
  private outbox: Outbox | null = null

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
    this.unfollow?.()
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
    await this.track(this.client.signIn(), true).catch(() => undefined)
    return this.current
  }

  async lookup(query: LookupQuery): Promise<LookupResult> {
    const payment = await this.track(this.client.lookupDeferredPayment(query))
    this.remember(payment)
    if (query.by === 'reference') this.references.set(payment.transactionId, query.value)
    return { payment, decision: this.deps.book.get(payment.transactionId) }
  }

  /**
   * Hands the decision to the outbox (on disk before the first attempt), records it in the
   * book, and waits briefly for the first attempt: the teller sees "delivered" or "queued —
   * will be delivered", never a spinner that hangs.
   */
  async decide(request: DecisionRequest): Promise<DecisionRecord> {
    this.deps.book.assertUndecided(request.transactionId)
    const payment =
      this.seen.get(request.transactionId) ??
      (await this.lookup({ by: 'transactionId', value: String(request.transactionId) })).payment
    if (payment.processingStatus !== 'pending') {
      throw new AppFailure({
        code: 'NOT_PENDING',
        provider: 'luka',
        providerMessage: payment.processingStatus ?? undefined
      })
    }
    // the lookup above awaited: an earlier decision may have finished meanwhile
    this.deps.book.assertUndecided(request.transactionId)
    const outbox = this.requireOutbox()
    const notice: DecisionNotice = {
      transactionId: request.transactionId,
      decision: request.decision,
      note: request.note,
      terminal: this.deps.settings.effective().terminal,
      authorizationCode: request.authorizationCode,
      reference: this.references.get(request.transactionId) ?? null
    }
    const item = outbox.enqueue({
      kind: 'luka.notify',
      provider: 'luka',
      key: decisionKey(request.transactionId),
      payload: notice,
      subject: { transactionId: request.transactionId, decision: request.decision, merchantReference: null },
      amount: payment.amount,
      endpoint: this.endpoint()
    })
    // the outbox's change listener (useOutbox) has written the book record by now
    this.deps.log.info('decision accepted', {
      transactionId: request.transactionId,
      decision: request.decision,
      outboxId: item.id
    })
    await outbox.settled(item.id, FIRST_ATTEMPT_WAIT_MS)
    await this.bookFlushed(request.transactionId)
    const record = this.deps.book.get(request.transactionId)
    if (!record) throw new AppFailure({ code: 'INTERNAL' })
    return record
  }

  /** Runs a call with the current client (the payment link), moving the connection state by its outcome. */
  withClient<T>(call: (client: LukaClient) => Promise<T>): Promise<T> {
    return this.track(call(this.client))
  }

  /** "Retry now" for a queued decision: its outbox item goes first in line. */
  async retryDecision(transactionId: number): Promise<DecisionRecord> {
    const record = this.deps.book.get(transactionId)
    if (!record?.outboxId) throw new AppFailure({ code: 'NOT_FOUND' })
    const outbox = this.requireOutbox()
    outbox.retryNow(record.outboxId)
    await outbox.settled(record.outboxId, FIRST_ATTEMPT_WAIT_MS)
    await this.bookFlushed(transactionId)
    return this.deps.book.get(transactionId) ?? record
  }

  /** The outbox's delivery of `luka.notify` items, using the current client; its outcomes move the connection state too. */
  delivery(): DeliveryHandler {
    const inner = guardEndpoint(
      'luka',
      () => this.endpoint(),
      lukaNotifyDelivery(() => this.client)
    )
    return {
      send: (payload, endpoint) => this.track(inner.send(payload, endpoint)),
      verify: (payload, endpoint) => this.track(inner.verify!(payload, endpoint))
    }
  }

  /** The Luka URL and user this terminal works with now (queued writes are stamped with it). */
  private endpoint(): string {
    const { baseUrl, username } = this.deps.settings.effective().luka
    return endpointStamp(baseUrl, username)
  }

  /** Connects the book to the outbox: every change of a notify item moves its decision record. */
  useOutbox(outbox: Outbox): void {
    this.outbox = outbox
    const follow = (item: OutboxItem) => {
      if (item.kind !== 'luka.notify') return
      const notice = DecisionNoticeSchema.safeParse(item.payload)
      if (!notice.success) return
      const record = this.deps.book.follow(notice.data.transactionId, item, {
        transactionId: notice.data.transactionId,
        decision: notice.data.decision,
        note: notice.data.note,
        authorizationCode: notice.data.authorizationCode,
        reference: notice.data.reference ?? null,
        amount: item.amount,
        decidedAt: new Date(item.createdAt).toISOString()
      })
      if (item.state === 'delivered') this.seen.delete(notice.data.transactionId)
      // told (renderer, journal) only once the book's line is on disk; a refused line was reported
      // by the storage warning, and the outbox item it follows is on disk already
      this.deps.book.flushed(notice.data.transactionId).then(
        () => this.deps.bus.emit('decision.updated', record),
        (cause: unknown) =>
          this.deps.log.error('decisions book refused a line', { outboxId: item.id, error: String(cause) })
      )
    }
    // a decision accepted by the outbox just before a crash, but not yet in the book, is adopted
    for (const item of outbox.all()) follow(item)
    this.unfollow = outbox.onChange(follow)
  }

  /** Waits for the book's line (group commit); a refused one leaves the record in memory, rebuilt from the outbox at the next start. */
  private bookFlushed(transactionId: number): Promise<void> {
    return this.deps.book.flushed(transactionId).catch(() => undefined)
  }

  private requireOutbox(): Outbox {
    if (!this.outbox) throw new AppFailure({ code: 'INTERNAL' })
    return this.outbox
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
      timeoutMs: this.deps.timeoutMs,
      transport: this.deps.transport
    })
  }

  private remember(payment: DeferredPayment): void {
    this.seen.delete(payment.transactionId)
    this.seen.set(payment.transactionId, payment)
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.keys().next().value
      if (oldest !== undefined) {
        this.seen.delete(oldest)
        this.references.delete(oldest)
      }
    }
  }

  /** Runs a Luka call and moves the connection state by its outcome. */
  private async track<T>(call: Promise<T>, signingIn = false): Promise<T> {
    const checkedAt = () => new Date(this.deps.clock.now()).toISOString()
    try {
      const value = await call
      this.setStatus({ state: 'online', checkedAt: checkedAt() })
      return value
    } catch (cause) {
      const error = toAppError(cause)
      // a sign-in that failed is no session, whatever Luka answered: never "online"
      const after = stateAfter(error, !signingIn && this.client.signedIn())
      const state = signingIn && after === 'online' ? 'signed-out' : after
      this.setStatus(state === 'online' ? { state, checkedAt: checkedAt() } : { state, checkedAt: checkedAt(), error })
      throw cause
    }
  }

  private setStatus(next: LukaStatus): void {
    const changed = next.state !== this.current.state || next.error?.code !== this.current.error?.code
    this.current = next
    if (changed) this.deps.bus.emit('luka.status', next)
  }
}
