import type { CreateDeposit, Deposit, LuxcoreStatus } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { DeliveryHandler, OutboxItem } from '../outbox/item'
import { endpointStamp, guardEndpoint } from '../outbox/endpoint'
import type { Outbox } from '../outbox/outbox'
import { luxcoreKeyMode, type SettingsService } from '../settings/settings'
import type { Clock } from '../support/clock'
import type { EventBus } from '../support/events'
import type { Logger } from '../support/log'
import { LuxcoreClient, type PaymentQuery } from './client'
import { luxcoreCancelDelivery, luxcoreCreateDelivery } from './delivery'
import { CancelBodySchema, CreateBodySchema, type DepositBook, type CreateBody } from './deposits'
import { DepositTracker, type PollSchedule } from './tracker'
import { FIRST_ATTEMPT_WAIT_MS } from '../outbox/retry'

export interface LuxcoreServiceDeps {
  settings: SettingsService
  book: DepositBook
  bus: EventBus
  clock: Clock
  log: Logger
  timeoutMs?: number
  poll?: PollSchedule
}

/** How long a create or cancel waits for its first attempt before answering "queued". */

const createKey = (reference: string) => `luxcore:create:${reference}`

/** The LuxCore panel's main side: deposits through the outbox, status tracking, list, balance. */
export class LuxcoreService {
  private client: LuxcoreClient
  private outbox: Outbox | null = null
  private readonly tracker: DepositTracker
  private readonly unsubscribe: Array<() => void> = []

  constructor(private readonly deps: LuxcoreServiceDeps) {
    this.client = this.buildClient()
    this.tracker = new DepositTracker(
      () => this.client,
      (reference, payment) => this.emit(this.deps.book.updatePayment(reference, payment)),
      deps.log,
      deps.clock,
      deps.poll
    )
  }

  createDelivery(): DeliveryHandler {
    return guardEndpoint(
      'luxcore',
      () => this.endpoint(),
      luxcoreCreateDelivery(() => this.client)
    )
  }

  cancelDelivery(): DeliveryHandler {
    return guardEndpoint(
      'luxcore',
      () => this.endpoint(),
      luxcoreCancelDelivery(() => this.client)
    )
  }

  /** The LuxCore URL and key in force now (queued writes are stamped with it). */
  private endpoint(): string {
    const { baseUrl, apiKey } = this.deps.settings.effective().luxcore
    return endpointStamp(baseUrl, apiKey)
  }

  /** Connects the deposit book to the outbox and starts following open deposits. */
  useOutbox(outbox: Outbox): void {
    this.outbox = outbox
    const follow = (item: OutboxItem) => {
      if (item.kind === 'luxcore.create') {
        const body = CreateBodySchema.safeParse(item.payload)
        if (!body.success) return
        const deposit = this.deps.book.followCreate(item, body.data)
        if (item.state === 'delivered') this.tracker.watch(deposit)
        this.emit(deposit)
      } else if (item.kind === 'luxcore.cancel') {
        const body = CancelBodySchema.safeParse(item.payload)
        if (body.success) this.emit(this.deps.book.followCancel(body.data.merchantReference, item))
      }
    }
    for (const item of outbox.all()) follow(item)
    this.unsubscribe.push(outbox.onChange(follow))
    this.unsubscribe.push(this.deps.settings.onChange(() => (this.client = this.buildClient())))
    this.tracker.start(this.deps.book.list())
  }

  stop(): void {
    this.tracker.stop()
    for (const off of this.unsubscribe) off()
  }

  status(): LuxcoreStatus {
    const { baseUrl, apiKey } = this.deps.settings.effective().luxcore
    return { configured: apiKey !== '', keyMode: luxcoreKeyMode(apiKey), baseUrl }
  }

  /** A new deposit: its merchant reference is fixed here and stored with the outbox item before the first send. */
  async createDeposit(request: CreateDeposit): Promise<Deposit> {
    const outbox = this.requireOutbox()
    const config = this.deps.settings.effective()
    if (!config.luxcore.apiKey) throw new AppFailure({ code: 'NOT_CONFIGURED', provider: 'luxcore' })
    const reference = this.deps.book.nextReference(
      config.terminal,
      this.deps.settings.installId(),
      (candidate) => outbox.activeFor(createKey(candidate)) !== undefined
    )
    const customer = Object.fromEntries(Object.entries(request.customer).filter(([, value]) => value !== ''))
    const body: CreateBody = {
      amount: request.amount.minor,
      currency: request.amount.currency,
      method: request.method,
      type: 'deposit',
      merchant_reference: reference,
      ...(request.description ? { description: request.description } : {}),
      ...(Object.keys(customer).length > 0 ? { customer } : {}),
      metadata: { terminal: config.terminal, operator: config.operator }
    }
    const item = outbox.enqueue({
      kind: 'luxcore.create',
      provider: 'luxcore',
      key: createKey(reference),
      payload: body,
      subject: { transactionId: null, decision: null, merchantReference: reference },
      amount: request.amount,
      endpoint: this.endpoint()
    })
    this.deps.log.info('deposit accepted', { reference, method: request.method, outboxId: item.id })
    await outbox.settled(item.id, FIRST_ATTEMPT_WAIT_MS)
    return this.require(reference)
  }

  deposits(): Deposit[] {
    return this.deps.book.list()
  }

  async refreshDeposit(reference: string): Promise<Deposit> {
    const deposit = this.require(reference)
    if (!deposit.payment) return deposit
    const updated = this.deps.book.updatePayment(
      reference,
      await this.client.getPayment(deposit.payment.transactionId, deposit.payment)
    )
    this.emit(updated)
    if (updated) this.tracker.watch(updated)
    return updated ?? deposit
  }

  /** Cancels a deposit LuxCore has created; the request goes through the outbox like any write. */
  async cancelDeposit(reference: string): Promise<Deposit> {
    const outbox = this.requireOutbox()
    const deposit = this.require(reference)
    if (!deposit.payment) throw new AppFailure({ code: 'NOT_PENDING', provider: 'luxcore' })
    // luxcore-payments-guide.txt: "Only payments in pending status can be cancelled."
    if (deposit.payment.status !== 'pending')
      throw new AppFailure({ code: 'NOT_PENDING', provider: 'luxcore', providerMessage: deposit.payment.status })
    const item = outbox.enqueue({
      kind: 'luxcore.cancel',
      provider: 'luxcore',
      key: `luxcore:cancel:${deposit.payment.transactionId}`,
      payload: { transactionId: deposit.payment.transactionId, merchantReference: reference },
      subject: { transactionId: null, decision: null, merchantReference: reference },
      amount: null,
      endpoint: this.endpoint()
    })
    await outbox.settled(item.id, FIRST_ATTEMPT_WAIT_MS)
    return this.require(reference)
  }

  async listPayments(query: PaymentQuery) {
    const page = await this.client.listPayments(query)
    return { ...page, limit: query.limit, offset: query.offset }
  }

  balance(currency: string) {
    return this.client.balance(currency)
  }

  private require(reference: string): Deposit {
    const deposit = this.deps.book.get(reference)
    if (!deposit) throw new AppFailure({ code: 'NOT_FOUND', provider: 'luxcore' })
    return deposit
  }

  private requireOutbox(): Outbox {
    if (!this.outbox) throw new AppFailure({ code: 'INTERNAL' })
    return this.outbox
  }

  private emit(deposit: Deposit | null): void {
    if (deposit) this.deps.bus.emit('luxcore.deposit', deposit)
  }

  private buildClient(): LuxcoreClient {
    const settings = this.deps.settings
    return new LuxcoreClient({
      baseUrl: settings.effective().luxcore.baseUrl,
      apiKey: () => settings.effective().luxcore.apiKey,
      clock: this.deps.clock,
      log: this.deps.log,
      timeoutMs: this.deps.timeoutMs
    })
  }
}
