import type { PaymentMethods, SmsDelivery, TopupPayment } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { decimalToMinor, normalizeCurrency, numberToMinor, type Money } from '@shared/money'
import { decimalText, isObject } from '../luka/lenient'

// Lenient reading of LOX24 replies (lox24-create-payment.txt, api-notes.md, doc.lox24.eu).
// JSON-LD (`@id`, `hydra:member`) or plain JSON; numbers may come as strings; unknown fields
// are ignored. Amounts are decimals in the account's currency ("Net payment amount (real
// value, e.g. 50.00 for 50.00 EUR)"), turned into minor units exactly.

const malformed = (what: string) =>
  new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'lox24', providerMessage: what })

const int = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim())
  return null
}

const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null

/** A LOX24 decimal (50, 50.5, "50.00", "50,00") in `currency` -> minor units, never through float arithmetic. */
export function lox24Money(value: unknown, currency: string): Money | null {
  if (typeof value === 'number') {
    const minor = numberToMinor(value, 2)
    return minor === null ? null : { minor, currency }
  }
  const text = decimalText(value)
  const minor = text === null ? null : decimalToMinor(text, 2)
  return minor === null ? null : { minor, currency }
}

/** Unix seconds (LOX24's dates) or an ISO string -> ISO. */
function unixDate(value: unknown): string | null {
  const seconds = int(value)
  if (seconds !== null && seconds > 0) return new Date(seconds * 1000).toISOString()
  const text = str(value)
  const parsed = text ? Date.parse(text) : NaN
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString()
}

/** The entity itself, whether bare or wrapped in `data`. */
const entity = (json: unknown): Record<string, unknown> | null =>
  isObject(json) ? (isObject(json['data']) && !('id' in json) && !('uuid' in json) ? json['data'] : json) : null

/** POST /sms → 201 with a `uuid` (api-notes.md); `@id` "/sms/{uuid}" is read when `uuid` is missing. */
export function parseSentSms(json: unknown): { uuid: string; delivery: SmsDelivery } {
  const body = entity(json)
  const uuid = str(body?.['uuid']) ?? str(body?.['id']) ?? str(body?.['@id'])?.split('/').pop() ?? null
  if (!body || !uuid) throw malformed('no uuid in reply')
  return { uuid, delivery: parseSmsDelivery(body) }
}

/**
 * GET /sms/{uuid}: `status_code` (0 new, 100 transmitted to the operator, 208/400/410/2000/
 * 3000/5000/6000 not sent — doc.lox24.eu "SMS status codes") and `dlr_code` (0 none, 1
 * delivered, 2 queued, 4 en route, 8 expired, 16 rejected — "SMS delivery report codes").
 */
export function parseSmsDelivery(json: unknown): SmsDelivery {
  const body = entity(json)
  if (!body) throw malformed('no SMS in reply')
  const statusCode = int(body['status_code'])
  const dlrCode = int(body['dlr_code'])
  if (dlrCode === 1) return { statusCode, dlrCode, state: 'delivered', final: true }
  if (dlrCode === 8 || dlrCode === 16 || (statusCode !== null && statusCode >= 200)) {
    return { statusCode, dlrCode, state: 'failed', final: true }
  }
  if (statusCode === 100) return { statusCode, dlrCode, state: 'transmitted', final: false }
  return { statusCode, dlrCode, state: 'accepted', final: false }
}

/** GET /me → `balance_amount`, `currency`. */
export function parseAccount(json: unknown): { balance: Money } {
  const body = entity(json)
  const currency = normalizeCurrency(str(body?.['currency']) ?? 'EUR')
  const balance = body ? lox24Money(body['balance_amount'], currency) : null
  if (!balance) throw malformed('balance_amount missing')
  return { balance }
}

/** GET /payment-methods → `sepa_mandate{id, iban_masked}`, `stored_cards[{id, last4, exp_month, exp_year, brand}]`. */
export function parsePaymentMethods(json: unknown): PaymentMethods {
  const body = entity(json)
  if (!body) throw malformed('no payment methods in reply')
  const mandate = isObject(body['sepa_mandate']) ? body['sepa_mandate'] : null
  const mandateId = int(mandate?.['id'])
  const cards = (Array.isArray(body['stored_cards']) ? body['stored_cards'] : []).filter(isObject).flatMap((card) => {
    const id = int(card['id'])
    if (id === null) return []
    const last4 = str(card['last4'])
    return [
      {
        id,
        brand: str(card['brand']),
        last4: last4 ? last4.slice(-4) : null,
        expMonth: int(card['exp_month']),
        expYear: int(card['exp_year'])
      }
    ]
  })
  return { sepa: mandateId === null ? null : { id: mandateId, ibanMasked: str(mandate?.['iban_masked']) }, cards }
}

const STATUS_NAMES: Record<number, TopupPayment['statusName']> = {
  0: 'new',
  10: 'inProgress',
  20: 'inProgress',
  100: 'done',
  200: 'cancelledByUser',
  300: 'cancelledByTimeout',
  400: 'cancelledByAdmin',
  1000: 'error'
}
/** lox24-create-payment.txt: 100 done, 200/300/400 cancelled, 1000 error are where a payment ends. */
const FINAL = new Set([100, 200, 300, 400, 1000])

/** A payment attempt (lox24-create-payment.txt, "Payment created"). */
export function parseTopupPayment(json: unknown): TopupPayment {
  const body = entity(json)
  const id = int(body?.['id']) ?? int(str(body?.['@id'])?.split('/').pop())
  if (!body || id === null) throw malformed('payment id missing')
  const status = int(body['status'])
  const currency = normalizeCurrency(str(body['currency']) ?? 'EUR')
  return {
    id,
    status,
    statusName: status === null ? 'unknown' : (STATUS_NAMES[status] ?? 'unknown'),
    final: status !== null && FINAL.has(status),
    amount: lox24Money(body['amount'], currency),
    net: lox24Money(body['net_val'], currency),
    vat: lox24Money(body['vat_val'], currency),
    fee: lox24Money(body['fee_val'], currency),
    type: int(body['type']),
    invoice: str(body['invoice']),
    error: str(body['error'])?.slice(0, 300) ?? null,
    createdAt: unixDate(body['created_at']),
    completedAt: unixDate(body['completed_at'])
  }
}

/** GET /payments: a hydra collection (`hydra:member` / `member`, `hydra:totalItems`) or a bare array. */
export function parseTopupPage(json: unknown): { items: TopupPayment[]; total: number | null } {
  const rows = Array.isArray(json)
    ? json
    : isObject(json)
      ? ([json['hydra:member'], json['member'], json['data'], json['items']].find(Array.isArray) as
          unknown[] | undefined)
      : undefined
  if (!rows) throw malformed('no list in reply')
  const items: TopupPayment[] = []
  for (const row of rows) {
    try {
      items.push(parseTopupPayment(row))
    } catch {
      // one unreadable row does not hide the others
    }
  }
  const meta = isObject(json) ? json : {}
  return { items, total: int(meta['hydra:totalItems'] ?? meta['totalItems']) }
}
