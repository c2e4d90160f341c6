import type { IncomingMessage, ServerResponse } from 'node:http'
import { LoopbackServer, readBody, sendJson as json } from './loopback-server'

/**
 * A fake LuxCore API on 127.0.0.1 from ../shared/reference (luxcore-payments-guide.txt,
 * api-notes.md): X-API-Key auth, POST/GET /payments, GET /payments/{id}, cancel, balance,
 * `{statusCode, message, error}` errors, merchant_reference idempotency (200 + existing).
 * The OXXO / cash instruction objects are not public; the fake invents plausible ones.
 */
export type LuxFault = 'refuse' | 'hang' | 'unavailable503' | 'rate429' | 'commitThenDrop' | 'providerError'
export type LuxRoute = 'create' | 'get' | 'list' | 'cancel' | 'balance'

export interface FakePayment {
  transaction_id: string
  status: string
  amount: number
  currency: string
  method: string
  type: string
  fee_amount: number
  net_amount: number
  merchant_reference: string
  description?: string
  customer?: Record<string, unknown>
  metadata?: Record<string, unknown>
  created_at: string
  expires_at: string
  [instruction: string]: unknown
}

const DEPOSIT_METHODS = ['spei', 'oxxo', 'card', 'bank_transfer', 'cash', 'crypto', 'payid', 'ipay']
const CURRENCIES = ['ARS', 'MXN', 'UYU', 'AUD', 'LKR']
/** luxcore-payments-guide.txt: "Only payments in pending status can be cancelled." */
const CANCELLABLE = ['pending']

export class FakeLuxcore extends LoopbackServer<LuxRoute, LuxFault> {
  readonly payments = new Map<string, FakePayment>()
  readonly requests: {
    method: string
    path: string
    query: Record<string, string>
    apiKey: string | undefined
    body: string
  }[] = []
  apiKey = 'qp_test_sk_fake_123456'
  /** per-payment maximum amount (minor units) before LIMIT_EXCEEDED */
  limit = 5_000_000
  /**
   * Training: a deposit still `processing` this long after its creation becomes `completed`, as
   * if the customer paid at the store (luxcore-payments-guide.txt, Payment Statuses). Tests
   * leave it off and move payments with advance().
   */
  completeAfterMs: number | null = null
  private seq = 0

  get url(): string {
    return `${this.origin}/api/v1`
  }

  override async start(port = this.port): Promise<string> {
    await super.start(port)
    return this.url
  }

  /** Moves a payment along (the customer paid at the store, it expired…). */
  advance(transactionId: string, status: string): void {
    const payment = this.payments.get(transactionId)
    if (payment) payment.status = status
  }

  byReference(reference: string): FakePayment[] {
    return [...this.payments.values()].filter((payment) => payment.merchant_reference === reference)
  }

  // ------------------------------------------------------------------ handling

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const apiKey = req.headers['x-api-key'] as string | undefined
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      apiKey,
      body
    })
    const path = url.pathname.replace(/^\/api\/v1/, '')
    const route = routeOf(req.method ?? '', path)
    if (!route) return error(res, 404, 'Not found', 'NOT_FOUND')
    const fault = this.nextFault(route)
    if (fault && fault !== 'commitThenDrop') return this.fail(fault, req, res)
    if (this.injectedReply(route, res)) return
    if (apiKey !== this.apiKey) return error(res, 401, 'API key not found or invalid', 'INVALID_API_KEY')

    const id = decodeURIComponent(path.split('/')[2] ?? '')
    switch (route) {
      case 'create':
        return this.create(body, res, fault === 'commitThenDrop')
      case 'get': {
        const payment = this.payments.get(id)
        return payment ? json(res, 200, payment) : error(res, 404, 'Payment not found', 'PAYMENT_NOT_FOUND')
      }
      case 'list':
        return this.list(url.searchParams, res)
      case 'cancel':
        return this.cancel(id, res)
      case 'balance':
        return json(res, 200, {
          currency: url.searchParams.get('currency') ?? 'MXN',
          balance_amount: '1523400',
          available_amount: '1400000',
          frozen_amount: '123400'
        })
    }
  }

  private fail(fault: LuxFault, req: IncomingMessage, res: ServerResponse): void {
    if (fault === 'refuse') return void req.socket.destroy()
    if (fault === 'hang') return
    if (fault === 'unavailable503') {
      res.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '3' })
      return void res.end('<html><head><title>503 Service Unavailable</title></head><body>upstream down</body></html>')
    }
    if (fault === 'rate429') {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' })
      return void res.end(JSON.stringify({ statusCode: 429, message: 'Too many requests', error: 'RATE_LIMITED' }))
    }
    error(res, 500, 'Upstream provider error', 'PROVIDER_ERROR')
  }

  private create(raw: string, res: ServerResponse, dropAfterCommit: boolean): void {
    let body: Record<string, unknown>
    try {
      body = JSON.parse(raw) as Record<string, unknown>
    } catch {
      return error(res, 400, 'Invalid JSON body', 'VALIDATION_ERROR')
    }
    const reference = body['merchant_reference']
    if (typeof reference !== 'string' || reference === '')
      return error(res, 400, 'merchant_reference is required', 'VALIDATION_ERROR')
    const existing = this.byReference(reference)[0]
    if (existing) return json(res, 200, existing) // idempotency: same reference, same payment
    const amount = body['amount']
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0)
      return error(res, 400, 'amount must be a positive integer in minor units', 'VALIDATION_ERROR')
    if (!CURRENCIES.includes(String(body['currency'])))
      return error(res, 422, `Currency ${String(body['currency'])} is not supported`, 'UNSUPPORTED_CURRENCY')
    const method = String(body['method'])
    if (!DEPOSIT_METHODS.includes(method) || body['type'] !== 'deposit')
      return error(res, 400, `Invalid method ${method} for ${String(body['type'])}`, 'INVALID_METHOD')
    if ((method === 'oxxo' || method === 'cash') && body['currency'] !== 'MXN')
      return error(res, 422, `${method} is only available in MXN`, 'METHOD_NOT_AVAILABLE')
    if (amount > this.limit) return error(res, 400, 'Amount exceeds the per-transaction limit', 'LIMIT_EXCEEDED')

    const now = Date.now()
    const id = `pay_${now}_${String(++this.seq).padStart(8, '0')}`
    const fee = Math.round(amount * 0.035)
    const payment: FakePayment = {
      transaction_id: id,
      status: 'processing',
      amount,
      currency: String(body['currency']),
      method,
      type: 'deposit',
      fee_amount: fee,
      net_amount: amount - fee,
      merchant_reference: reference,
      ...(typeof body['description'] === 'string' ? { description: body['description'] } : {}),
      ...(body['customer'] ? { customer: body['customer'] as Record<string, unknown> } : {}),
      ...(body['metadata'] ? { metadata: body['metadata'] as Record<string, unknown> } : {}),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + 30 * 60_000).toISOString(),
      ...instructionsFor(method, id, amount)
    }
    this.payments.set(id, payment)
    if (this.completeAfterMs !== null)
      setTimeout(() => payment.status === 'processing' && this.advance(id, 'completed'), this.completeAfterMs).unref()
    if (dropAfterCommit) return void res.socket?.destroy()
    json(res, 201, payment)
  }

  private list(params: URLSearchParams, res: ServerResponse): void {
    const limit = Number(params.get('limit') ?? 20)
    const offset = Number(params.get('offset') ?? 0)
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return error(res, 400, 'limit must be between 1 and 100', 'VALIDATION_ERROR')
    const from = params.get('created_at_from')
    const to = params.get('created_at_to')
    const rows = [...this.payments.values()]
      .filter((payment) => !params.get('status') || payment.status === params.get('status'))
      .filter((payment) => !params.get('method') || payment.method === params.get('method'))
      .filter((payment) => !from || payment.created_at >= new Date(from).toISOString())
      .filter((payment) => !to || payment.created_at <= new Date(to).toISOString())
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.transaction_id.localeCompare(a.transaction_id))
    json(res, 200, { data: rows.slice(offset, offset + limit), pagination: { total: rows.length, limit, offset } })
  }

  private cancel(id: string, res: ServerResponse): void {
    const payment = this.payments.get(id)
    if (!payment) return error(res, 404, 'Payment not found', 'PAYMENT_NOT_FOUND')
    if (!CANCELLABLE.includes(payment.status))
      return error(res, 400, `Payment is already ${payment.status}`, 'PAYMENT_ALREADY_PROCESSED')
    payment.status = 'cancelled'
    json(res, 200, payment)
  }
}

function instructionsFor(method: string, id: string, amount: number): Record<string, unknown> {
  const digits = id.replace(/\D/g, '').slice(-14).padStart(14, '0')
  if (method === 'oxxo') {
    return {
      oxxo_details: {
        store: 'OXXO',
        reference: digits.replace(/(\d{4})(?=\d)/g, '$1 '),
        barcode: `9300${digits}`,
        amount: String(amount)
      },
      payment_page: { url: `https://pay.lux-core.io/oxxo/${id}` }
    }
  }
  if (method === 'cash') {
    return {
      voucher: {
        reference: `CASH-${digits}`,
        instructions: 'Pague en efectivo en cualquier sucursal participante.',
        barcode: { value: `7700${digits}`, format: 'code128' }
      }
    }
  }
  return { redirect_url: `https://checkout.lux-core.io/pay/${id}` }
}

const routeOf = (method: string, path: string): LuxRoute | null => {
  if (method === 'POST' && path === '/payments') return 'create'
  if (method === 'GET' && path === '/payments') return 'list'
  if (method === 'GET' && /^\/payments\/[^/]+$/.test(path)) return 'get'
  if (method === 'POST' && /^\/payments\/[^/]+\/cancel$/.test(path)) return 'cancel'
  if (method === 'GET' && path === '/balance') return 'balance'
  return null
}

function error(res: ServerResponse, statusCode: number, message: string, code: string): void {
  json(res, statusCode, { statusCode, message, error: code })
}
