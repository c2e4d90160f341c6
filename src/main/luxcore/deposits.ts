import { z } from 'zod'
import { DepositSchema, LuxcorePaymentSchema, type Deposit, type LuxcorePayment } from '@shared/contract'
import type { OutboxItem } from '../outbox/item'
import type { Clock } from '../support/clock'
import type { StorageHealth } from '../storage/health'
import { JsonlFile } from '../storage/jsonl'

/** What a `luxcore.create` outbox item carries: exactly the documented POST /payments body. */
export const CreateBodySchema = z.object({
  amount: z.number().int(),
  currency: z.string(),
  method: z.enum(['oxxo', 'cash']),
  type: z.literal('deposit'),
  merchant_reference: z.string(),
  description: z.string().optional(),
  customer: z
    .object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() })
    .optional(),
  metadata: z.record(z.string(), z.string()).optional()
})
export type CreateBody = z.infer<typeof CreateBodySchema>

/** What a `luxcore.cancel` outbox item carries. */
export const CancelBodySchema = z.object({ transactionId: z.string(), merchantReference: z.string() })

const STATE_OF: Record<OutboxItem['state'], Deposit['state']> = {
  pending: 'queued',
  sending: 'queued',
  delivered: 'created',
  attention: 'attention',
  discarded: 'discarded'
}

/** "Agencia CCCT, Taquilla 2" -> "AGENCIA-CCCT" (ASCII, ≤ 12 characters: for people, not for uniqueness). */
export function terminalSlug(terminal: string): string {
  const slug = terminal
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 12)
    .replace(/-+$/, '')
  return slug || 'TAQUILLA'
}

/**
 * This counter's LuxCore deposits. The merchant reference — LuxCore's idempotency key — is
 * made once per deposit and written with the outbox item before the first send, so every
 * retry names the same payment. It reads terminal + install ID + local date + sequence, e.g.
 * `AGENCIA-CCCT-K7Q4ZP-20261121-0007`: the random per-install ID keeps two counters with
 * similar labels (or none) from ever sharing a reference — LuxCore would answer the second
 * with the first one's payment. Records follow their outbox items and the status polling.
 */
export class DepositBook {
  private readonly file: JsonlFile<Deposit>
  private readonly deposits = new Map<string, Deposit>()

  constructor(
    path: string,
    private readonly clock: Clock,
    health?: StorageHealth
  ) {
    this.file = new JsonlFile(path, health, clock)
    for (const deposit of this.file.read((value) => {
      const parsed = DepositSchema.safeParse(value)
      return parsed.success ? parsed.data : null
    }).records) {
      this.deposits.set(deposit.merchantReference, deposit)
    }
  }

  get(merchantReference: string): Deposit | null {
    return this.deposits.get(merchantReference) ?? null
  }

  list(): Deposit[] {
    return [...this.deposits.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  /** The next reference for this terminal today; sequences never repeat (discarded ones count). */
  nextReference(terminal: string, installId: string, usedElsewhere: (reference: string) => boolean): string {
    const now = new Date(this.clock.now())
    const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`
    const prefix = `${terminalSlug(terminal)}-${installId}-${day}-`
    let sequence = 1
    for (const reference of this.deposits.keys()) {
      if (reference.startsWith(prefix)) sequence = Math.max(sequence, Number(reference.slice(prefix.length)) + 1)
    }
    let reference = `${prefix}${String(sequence).padStart(4, '0')}`
    while (usedElsewhere(reference)) reference = `${prefix}${String(++sequence).padStart(4, '0')}`
    return reference
  }

  /** Moves a deposit with its `luxcore.create` item (creating the record on the first change). */
  followCreate(item: OutboxItem, body: CreateBody): Deposit {
    const existing = this.deposits.get(body.merchant_reference)
    const payment = LuxcorePaymentSchema.safeParse(item.result)
    const next: Deposit = {
      merchantReference: body.merchant_reference,
      method: body.method,
      amount: { minor: body.amount, currency: body.currency },
      description: body.description ?? '',
      customer: {
        name: body.customer?.name ?? '',
        email: body.customer?.email ?? '',
        phone: body.customer?.phone ?? ''
      },
      createdAt: existing?.createdAt ?? new Date(item.createdAt).toISOString(),
      cancelling: existing?.cancelling ?? false,
      state: STATE_OF[item.state],
      outboxId: item.id,
      error: item.state === 'delivered' ? null : item.lastError,
      payment: payment.success ? payment.data : (existing?.payment ?? null)
    }
    return this.write(next, existing)
  }

  /** A cancel request waiting or done; a delivered cancel carries the payment as LuxCore left it. */
  followCancel(merchantReference: string, item: OutboxItem): Deposit | null {
    const existing = this.deposits.get(merchantReference)
    if (!existing) return null
    const payment = LuxcorePaymentSchema.safeParse(item.result)
    const cancelled: LuxcorePayment | null =
      existing.payment && item.state === 'delivered'
        ? payment.success
          ? payment.data
          : { ...existing.payment, status: 'cancelled', terminal: true }
        : existing.payment
    return this.write(
      {
        ...existing,
        cancelling: item.state === 'pending' || item.state === 'sending',
        error: item.state === 'attention' ? item.lastError : existing.error,
        payment: cancelled
      },
      existing
    )
  }

  /** The status polling saw the payment change. */
  updatePayment(merchantReference: string, payment: LuxcorePayment): Deposit | null {
    const existing = this.deposits.get(merchantReference)
    if (!existing) return null
    return this.write({ ...existing, payment }, existing)
  }

  close(): void {
    this.file.close()
  }

  private write(next: Deposit, previous: Deposit | undefined): Deposit {
    this.deposits.set(next.merchantReference, next)
    // only what changes the story goes to disk; attempt-by-attempt detail lives in the outbox
    if (!previous || JSON.stringify(previous) !== JSON.stringify(next)) this.file.append(next)
    return next
  }
}
