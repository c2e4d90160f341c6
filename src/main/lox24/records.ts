import { z } from 'zod'
import {
  SmsDeliverySchema,
  TopupPaymentSchema,
  type SmsDelivery,
  type SmsRecord,
  type Topup,
  type TopupPayment
} from '@shared/contract'
import type { OutboxItem } from '../outbox/item'
import { JsonlFile } from '../storage/jsonl'
import { SmsPayloadSchema, TopupPayloadSchema } from './delivery'

/** What LOX24 said later (an SMS's DLR, a payment's status), kept so a restart still shows it. */
const FactSchema = z.union([
  z.object({ kind: z.literal('sms'), id: z.string(), delivery: SmsDeliverySchema }),
  z.object({ kind: z.literal('topup'), id: z.string(), payment: TopupPaymentSchema })
])
type Fact = z.infer<typeof FactSchema>

const iso = (ms: number) => new Date(ms).toISOString()

/** The outbox state as the teller reads it; "unconfirmed" is the no-resend rule's attention. */
function stateOf(item: OutboxItem): 'queued' | 'sending' | 'sent' | 'unconfirmed' | 'attention' | 'discarded' {
  if (item.state === 'pending') return 'queued'
  if (item.state === 'sending') return 'sending'
  if (item.state === 'delivered') return 'sent'
  if (item.state === 'attention') return item.attention?.reason === 'unconfirmed' ? 'unconfirmed' : 'attention'
  return 'discarded'
}

/**
 * The SMS receipts and top-ups of this counter: built from their outbox items (the durable
 * record of what was asked) plus LOX24's later answers (lox24.jsonl, last line wins).
 */
export class Lox24Records {
  private readonly file: JsonlFile<Fact>
  private readonly deliveries = new Map<string, SmsDelivery>()
  private readonly payments = new Map<string, TopupPayment>()
  private readonly sms = new Map<string, SmsRecord>()
  private readonly topups = new Map<string, Topup>()

  constructor(path: string) {
    this.file = new JsonlFile(path)
    for (const fact of this.file.read((value) => FactSchema.safeParse(value).data ?? null).records) this.remember(fact)
  }

  close(): void {
    this.file.close()
  }

  /** An outbox item of ours changed: the record it makes now (null for other kinds). */
  follow(item: OutboxItem): SmsRecord | Topup | null {
    if (item.kind === 'lox24.sms') {
      const payload = SmsPayloadSchema.safeParse(item.payload)
      if (!payload.success) return null
      const sent = isUuid(item.result) ? item.result.uuid : null
      const record: SmsRecord = {
        id: item.id,
        about: payload.data.about,
        phoneMasked: payload.data.phoneMasked,
        segments: payload.data.segments,
        unicode: payload.data.body.is_unicode,
        state: stateOf(item),
        uuid: sent,
        delivery: this.deliveries.get(item.id) ?? (isUuid(item.result) ? item.result.delivery : null),
        error: item.state === 'delivered' ? null : item.lastError,
        createdAt: iso(item.createdAt)
      }
      this.sms.set(item.id, record)
      return record
    }
    if (item.kind === 'lox24.topup') {
      const payload = TopupPayloadSchema.safeParse(item.payload)
      if (!payload.success) return null
      const first = TopupPaymentSchema.safeParse(item.result)
      const topup: Topup = {
        id: item.id,
        net: item.amount ?? { minor: 0, currency: payload.data.currency },
        type: payload.data.body.type,
        methodId: payload.data.body.method_id,
        state: item.state === 'delivered' ? 'created' : (stateOf(item) as Exclude<ReturnType<typeof stateOf>, 'sent'>),
        payment: this.payments.get(item.id) ?? (first.success ? first.data : null),
        error: item.state === 'delivered' ? null : item.lastError,
        createdAt: iso(item.createdAt),
        approvedBy: payload.data.approvedBy
      }
      this.topups.set(item.id, topup)
      return topup
    }
    return null
  }

  /** LOX24's delivery report for an SMS: written down, then the record with it. */
  delivery(id: string, delivery: SmsDelivery): SmsRecord | null {
    const record = this.sms.get(id)
    const before = this.deliveries.get(id) ?? record?.delivery
    if (!record) return null
    if (!before || before.state !== delivery.state || before.dlrCode !== delivery.dlrCode) {
      this.file.append({ kind: 'sms', id, delivery })
    }
    this.deliveries.set(id, delivery)
    const next = { ...record, delivery }
    this.sms.set(id, next)
    return next
  }

  payment(id: string, payment: TopupPayment): Topup | null {
    const topup = this.topups.get(id)
    const before = this.payments.get(id) ?? topup?.payment
    if (!topup) return null
    if (!before || before.status !== payment.status || before.invoice !== payment.invoice) {
      this.file.append({ kind: 'topup', id, payment })
    }
    this.payments.set(id, payment)
    const next = { ...topup, payment }
    this.topups.set(id, next)
    return next
  }

  smsList(): SmsRecord[] {
    return [...this.sms.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  topupList(): Topup[] {
    return [...this.topups.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  getSms(id: string): SmsRecord | undefined {
    return this.sms.get(id)
  }

  getTopup(id: string): Topup | undefined {
    return this.topups.get(id)
  }

  private remember(fact: Fact): void {
    if (fact.kind === 'sms') this.deliveries.set(fact.id, fact.delivery)
    else this.payments.set(fact.id, fact.payment)
  }
}

function isUuid(value: unknown): value is { uuid: string; delivery: SmsDelivery } {
  return typeof value === 'object' && value !== null && typeof (value as { uuid?: unknown }).uuid === 'string'
}
