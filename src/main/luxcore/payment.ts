import type { LuxcorePayment } from '@shared/contract'
import { isLuxcoreFinal } from '@shared/vocabulary'
import { AppFailure } from '@shared/errors'
import { isSafeAmount, normalizeCurrency, type Money } from '@shared/money'
import { isObject } from '../luka/lenient'
import { luxcoreMismatch } from './match'

// Lenient reading of LuxCore replies (luxcore-payments-guide.txt, api-notes.md). The exact
// OXXO / cash deposit reply is not public: every field we do not know is kept as an
// "instruction" for the panel to render, and a barcode value is looked for by name.

const KNOWN_FIELDS = new Set([
  'transaction_id',
  'id',
  'status',
  'amount',
  'currency',
  'method',
  'type',
  'fee_amount',
  'net_amount',
  'merchant_reference',
  'created_at',
  'updated_at',
  'expires_at',
  'customer',
  'customer_id',
  'metadata',
  'description',
  'error_code',
  'error_message',
  'webhook_url',
  'webhook_events',
  'object'
])

const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null

/** LuxCore amounts are integers in minor units, sometimes sent as strings ("150000"). */
export function minorUnits(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim())
  return null
}

const money = (value: unknown, currency: string): Money | null => {
  const minor = minorUnits(value)
  return minor === null ? null : { minor, currency }
}

/** JSON-safe, bounded copy of an unknown value (depth, sizes), so nothing odd reaches the renderer. */
export function sanitize(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') return value.slice(0, 2_000)
  if (depth >= 4) return null
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => sanitize(item, depth + 1))
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, 50)
        .map(([key, inner]) => [key.slice(0, 100), sanitize(inner, depth + 1)])
    )
  }
  return null
}

/** The first string/number under a key that names a barcode, searched depth-first. */
export function findBarcode(value: unknown, depth = 0): string | null {
  if (!isObject(value) || depth > 4) return null
  for (const [key, inner] of Object.entries(value)) {
    if (/barcode|codigo_?de_?barras/i.test(key)) {
      const direct = str(inner)
      if (direct) return direct
      if (isObject(inner)) {
        const nested = str(inner['value']) ?? str(inner['data']) ?? str(inner['number']) ?? str(inner['code'])
        if (nested) return nested
      }
    }
  }
  for (const inner of Object.values(value)) {
    const found = findBarcode(inner, depth + 1)
    if (found) return found
  }
  return null
}

export function parsePayment(json: unknown): LuxcorePayment {
  const body = isObject(json) && isObject(json['data']) && !('transaction_id' in json) ? json['data'] : json
  if (!isObject(body)) throw new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'luxcore' })
  const transactionId = str(body['transaction_id']) ?? str(body['id'])
  const currency = normalizeCurrency(str(body['currency']))
  const amount = money(body['amount'], currency)
  if (!transactionId || !amount) {
    throw new AppFailure({
      code: 'MALFORMED_RESPONSE',
      provider: 'luxcore',
      providerMessage: 'transaction_id or amount missing'
    })
  }
  const status = (str(body['status']) ?? 'unknown').toLowerCase()
  const instructions: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    if (!KNOWN_FIELDS.has(key) && value !== null && value !== undefined && value !== '')
      instructions[key] = sanitize(value)
  }
  const customer = isObject(body['customer'])
    ? {
        name: str(body['customer']['name']),
        email: str(body['customer']['email']),
        phone: str(body['customer']['phone'])
      }
    : null
  return {
    transactionId,
    status,
    amount,
    fee: money(body['fee_amount'], currency),
    net: money(body['net_amount'], currency),
    method: str(body['method']),
    type: str(body['type']),
    merchantReference: str(body['merchant_reference']),
    createdAt: isoOrNull(body['created_at']),
    expiresAt: isoOrNull(body['expires_at']),
    customer,
    instructions,
    barcode: findBarcode(instructions),
    terminal: isLuxcoreFinal(status)
  }
}

function isoOrNull(value: unknown): string | null {
  const text = str(value)
  if (!text) return null
  const parsed = Date.parse(text)
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString()
}

/** A list reply: a bare array, or `data` / `payments` / `items` / `results` with a total somewhere. */
export function parsePage(json: unknown): { items: LuxcorePayment[]; total: number | null } {
  const rows = Array.isArray(json)
    ? json
    : isObject(json)
      ? ([json['data'], json['payments'], json['items'], json['results']].find(Array.isArray) as unknown[] | undefined)
      : undefined
  if (!rows)
    throw new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'luxcore', providerMessage: 'no list in reply' })
  const meta = isObject(json) ? json : {}
  const nested = isObject(meta['pagination']) ? meta['pagination'] : isObject(meta['meta']) ? meta['meta'] : {}
  const total = minorUnits(meta['total'] ?? meta['count'] ?? nested['total'] ?? nested['count'])
  const items: LuxcorePayment[] = []
  for (const row of rows) {
    try {
      items.push(parsePayment(row))
    } catch {
      // one unreadable row does not hide the others
    }
  }
  return { items, total }
}

/** GET /balance: `balance_amount`, `available_amount`, `frozen_amount` as minor-unit strings. */
export function parseBalance(json: unknown, currency: string) {
  const body = isObject(json) && isObject(json['data']) ? json['data'] : json
  if (!isObject(body)) throw new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'luxcore' })
  // luxcore-payments-guide.txt names the currency asked for; a reply about another is not this balance
  const said = str(body['currency'])
  if (said !== null && normalizeCurrency(said) !== currency) throw luxcoreMismatch(`currency ${said} ≠ ${currency}`)
  const read = (key: string): Money => {
    const amount = money(body[key], currency)
    // a missing figure is not zero: the teller would read an empty balance
    if (!amount)
      throw new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'luxcore', providerMessage: `${key} missing` })
    if (!isSafeAmount(amount.minor, currency)) throw luxcoreMismatch(`${key} ${amount.minor}`)
    return amount
  }
  return {
    currency,
    balance: read('balance_amount'),
    available: read('available_amount'),
    frozen: read('frozen_amount')
  }
}
