import type {
  CreateTopup,
  Lox24Account,
  Lox24Status,
  PaymentMethods,
  SendSms,
  SmsRecord,
  Topup
} from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { DeliveryHandler, OutboxItem } from '../outbox/item'
import { endpointStamp, guardEndpoint } from '../outbox/endpoint'
import type { Outbox } from '../outbox/outbox'
import type { SettingsService } from '../settings/settings'
import type { Clock } from '../support/clock'
import type { EventBus } from '../support/events'
import type { Logger } from '../support/log'
import type { HttpTransport } from '../http/request'
import { signInOff, type Authorize } from '../operators/approval'
import { Lox24Client } from './client'
import { smsDelivery, topupDelivery } from './delivery'
import { Lox24Gate } from './gate'
import { StatusPoller, type PollSchedule } from './poller'
import type { Lox24Records } from './records'
import { smsItem, topupItem } from './requests'

export interface Lox24ServiceDeps {
  settings: SettingsService
  records: Lox24Records
  bus: EventBus
  clock: Clock
  log: Logger
  timeoutMs?: number
  poll?: PollSchedule
  /** Electron's net in the app (system proxy, OS certificates); Node's stack in the harness and tests */
  transport?: HttpTransport
  /** checks a supervisor's approval for a top-up; sign-in off (nobody asked) by default */
  authorize?: Authorize
}

/** How long a send or a top-up waits for its first attempt before answering "queued". */
const FIRST_ATTEMPT_WAIT_MS = 2_500

/** SMS receipts for payers and the agency's SMS credit, through the outbox. */
export class Lox24Service {
  readonly gate: Lox24Gate
  private client: Lox24Client
  private outbox: Outbox | null = null
  private readonly smsPoller: StatusPoller<Awaited<ReturnType<Lox24Client['smsStatus']>>>
  private readonly topupPoller: StatusPoller<Awaited<ReturnType<Lox24Client['getPayment']>>>
  private readonly unsubscribe: Array<() => void> = []
  private lastAccount: Lox24Account | null = null

  constructor(private readonly deps: Lox24ServiceDeps) {
    this.gate = new Lox24Gate(deps.clock)
    this.client = this.buildClient()
    const { records, bus, log } = deps
    this.smsPoller = new StatusPoller(
      (id) => this.client.smsStatus(records.getSms(id)?.uuid ?? ''),
      (delivery) => delivery.final,
      (id, delivery) => this.emitSms(records.delivery(id, delivery)),
      log,
      deps.poll
    )
    this.topupPoller = new StatusPoller(
      (id) => this.client.getPayment(records.getTopup(id)?.payment?.id ?? 0),
      (payment) => payment.final,
      (id, payment) => {
        const topup = records.payment(id, payment)
        if (topup) bus.emit('lox24.topup', topup)
        if (payment.statusName === 'done') void this.account().catch(() => undefined)
      },
      log,
      deps.poll
    )
  }

  smsDelivery(): DeliveryHandler {
    return guardEndpoint(
      'lox24',
      () => this.endpoint(),
      smsDelivery(() => this.client)
    )
  }

  topupDelivery(): DeliveryHandler {
    return guardEndpoint(
      'lox24',
      () => this.endpoint(),
      topupDelivery(() => this.client)
    )
  }

  useOutbox(outbox: Outbox): void {
    this.outbox = outbox
    const follow = (item: OutboxItem) => {
      const record = this.deps.records.follow(item)
      if (!record) return
      if (item.kind === 'lox24.sms') {
        const sms = record as SmsRecord
        if (sms.uuid && !sms.delivery?.final) this.smsPoller.watch(sms.id)
        this.emitSms(sms)
      } else {
        const topup = record as Topup
        if (topup.payment && !topup.payment.final) this.topupPoller.watch(topup.id)
        this.deps.bus.emit('lox24.topup', topup)
      }
    }
    for (const item of outbox.all()) follow(item)
    this.unsubscribe.push(outbox.onChange(follow))
    this.unsubscribe.push(this.deps.settings.onChange(() => (this.client = this.buildClient())))
    this.unsubscribe.push(this.gate.onChange(() => this.deps.bus.emit('lox24.status', this.status())))
  }

  stop(): void {
    this.smsPoller.stop()
    this.topupPoller.stop()
    for (const off of this.unsubscribe) off()
  }

  status(): Lox24Status {
    const config = this.deps.settings.effective().lox24
    const blocked = this.gate.blockedUntilMs()
    return {
      configured: config.token !== '',
      receipts: config.receipts && config.token !== '',
      sender: config.sender,
      country: config.country,
      blockedUntil: blocked === null ? null : new Date(blocked).toISOString(),
      refused: config.token ? this.gate.refusal(config.token) : null
    }
  }

  /** GET /me. `check`: a person asked, so a held 401/403 gets one more try. */
  async account(check = false): Promise<Lox24Account> {
    if (check) this.gate.reset()
    const { balance } = await this.client.account()
    const threshold = { minor: this.deps.settings.effective().lox24.lowCreditMinor, currency: balance.currency }
    const account = {
      balance,
      threshold,
      low: balance.minor < threshold.minor,
      checkedAt: new Date(this.deps.clock.now()).toISOString()
    }
    this.lastAccount = account
    this.deps.bus.emit('lox24.account', account)
    return account
  }

  paymentMethods(): Promise<PaymentMethods> {
    return this.client.paymentMethods()
  }

  /** Validates, then queues the SMS on disk before its first attempt. */
  async sendSms(request: SendSms): Promise<SmsRecord> {
    const outbox = this.requireOutbox()
    const item = outbox.enqueue(smsItem(request, this.deps.settings.effective().lox24, this.endpoint()))
    this.deps.log.info('sms accepted', { about: request.about.kind, outboxId: item.id })
    await outbox.settled(item.id, FIRST_ATTEMPT_WAIT_MS)
    return this.deps.records.getSms(item.id) ?? this.fail()
  }

  smsList(): SmsRecord[] {
    return this.deps.records.smsList()
  }

  /** A top-up of the SMS credit: supervisor-only once sign-in is on (issue 13); the approver is kept with it. */
  async createTopup(request: CreateTopup): Promise<Topup> {
    const outbox = this.requireOutbox()
    if (!this.deps.settings.effective().lox24.token) throw new AppFailure({ code: 'NOT_CONFIGURED', provider: 'lox24' })
    const currency = this.lastAccount?.balance.currency
    if (currency && currency !== request.net.currency)
      throw new AppFailure({ code: 'VALIDATION', field: 'net.currency', providerMessage: currency })
    const approvedBy = await (this.deps.authorize ?? signInOff)('smsTopUp', request.approval)
    const item = outbox.enqueue(topupItem(request, this.deps.clock.now(), this.endpoint(), approvedBy))
    this.deps.log.info('topup accepted', { type: request.type, outboxId: item.id })
    await outbox.settled(item.id, FIRST_ATTEMPT_WAIT_MS)
    return this.deps.records.getTopup(item.id) ?? this.fail()
  }

  topups(): Topup[] {
    return this.deps.records.topupList()
  }

  private emitSms(record: SmsRecord | null): void {
    if (!record) return
    this.deps.bus.emit('lox24.sms', record)
    if (record.delivery?.final) void this.account().catch(() => undefined)
  }

  private endpoint(): string {
    const { baseUrl, token } = this.deps.settings.effective().lox24
    return endpointStamp(baseUrl, token)
  }

  private requireOutbox(): Outbox {
    if (!this.outbox) throw new AppFailure({ code: 'INTERNAL' })
    return this.outbox
  }

  private fail(): never {
    throw new AppFailure({ code: 'INTERNAL' })
  }

  private buildClient(): Lox24Client {
    const settings = this.deps.settings
    return new Lox24Client({
      baseUrl: settings.effective().lox24.baseUrl,
      token: () => settings.effective().lox24.token,
      gate: this.gate,
      clock: this.deps.clock,
      log: this.deps.log,
      timeoutMs: this.deps.timeoutMs,
      transport: this.deps.transport
    })
  }
}
