import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LoopbackServer, readBody, sendJson } from './loopback-server'
import { error, json, ld, routeOf, segments, unprocessable, type Lox24Route } from './fake-lox24-http'

/**
 * A fake LOX24 API on 127.0.0.1, from ../shared/reference (lox24-create-payment.txt and the
 * LOX24 part of api-notes.md) and doc.lox24.eu: X-LOX24-AUTH-TOKEN auth, POST /sms,
 * GET /sms/{uuid}, GET /me, GET /payment-methods, POST/GET /payments, GET /payments/{id};
 * API Platform (JSON-LD) bodies; errors with `detail` in LOX24's documented sentences; the
 * bad-login rule (more than 3 bad-auth requests a minute → 429 for 10 minutes). A ledger
 * of every SMS and payment; statuses move one step per read (or by hand). Pure Node.
 */
export type Lox24Fault = 'refuse' | 'hang' | 'unavailable503' | 'rate429' | 'commitThenDrop'

export interface FakeSms {
  uuid: string
  phone: string
  text: string
  sender_id: string
  callback_data: string | null
  is_unicode: boolean
  status_code: number
  dlr_code: number
  created_at: number
  /** what it goes through, one step per GET /sms/{uuid}: [status_code, dlr_code] */
  steps: [number, number][]
}

export interface FakePayment {
  id: number
  created_at: number
  completed_at: number | null
  status: number
  /** cents */
  net: number
  vat: number
  fee: number
  currency: 'EUR' | 'CHF'
  type: number
  method_id: number
  invoice: string | null
  error: string | null
  steps: number[]
}

/** lox24-create-payment.txt, "Invalid input" and the sentences under it. */
export const SENTENCES = {
  401: 'Client ID or API key isn’t active or invalid!',
  402: 'There are not enough funds on your account!',
  403: 'Account isn’t activated. Please wait or contact to support!',
  422: 'The request was well-formed but was unable to be followed due to semantic errors',
  429: 'IP address was temporary blocked, because during short time from it was sent many request with invalid credentials. Please wait and try later.'
} as const

/** doc.lox24.eu: SMS status codes 0 new / 100 transmitted; DLR 4 en route, 1 delivered, 16 rejected. */
export const DELIVERED: [number, number][] = [
  [100, 4],
  [100, 1]
]
export const REJECTED: [number, number][] = [
  [100, 4],
  [100, 16]
]

const cents = (value: number) => Math.round(value * 100)
const decimal = (minor: number) => Number((minor / 100).toFixed(2))

export class FakeLox24 extends LoopbackServer<Lox24Route, Lox24Fault> {
  readonly sms = new Map<string, FakeSms>()
  readonly payments = new Map<number, FakePayment>()
  readonly requests: { method: string; path: string; token: string | undefined; body: string }[] = []
  token = 'client123:apikey-abcdef0123456789'
  activated = true
  /** cents */
  balance = 1_250
  currency: 'EUR' | 'CHF' = 'EUR'
  /** price of one SMS segment, cents */
  pricePerSegment = 8
  sepaMandate: { id: number; iban_masked: string } | null = { id: 12, iban_masked: 'DE89 **** **** **** 3000' }
  storedCards = [
    { id: 94, last4: '4242', exp_month: 12, exp_year: 2029, brand: 'visa' },
    { id: 95, last4: '0002', exp_month: 3, exp_year: 2027, brand: 'mastercard' }
  ]
  /** card ids the bank declines (status 1000 with an error) */
  declinedCards = new Set<number>([95])
  /** the SMS path new messages take, one step per read */
  smsSteps: [number, number][] = DELIVERED
  /** the payment path, one step per read: 0 → 20 → 100 */
  paymentSteps = [20, 100]
  /** bad-auth requests per IP (one IP here) in the last minute; more than 3 → blocked 10 minutes */
  private badAuth: number[] = []
  blockedUntil = 0
  retryAfterSeconds: number | null = 600
  private paymentSeq = 119
  private invoiceSeq = 455

  get url(): string {
    return this.origin
  }

  /** Moves an SMS to a status by hand. */
  advanceSms(uuid: string, status: number, dlr: number): void {
    const sms = this.sms.get(uuid)
    if (sms) Object.assign(sms, { status_code: status, dlr_code: dlr, steps: [] })
  }

  /** Moves a payment to a status by hand (done credits the account). */
  advancePayment(id: number, status: number): void {
    const payment = this.payments.get(id)
    if (payment) this.moveTo(payment, status)
  }

  sent(): FakeSms[] {
    return [...this.sms.values()]
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const token = req.headers['x-lox24-auth-token'] as string | undefined
    this.requests.push({ method: req.method ?? '', path: url.pathname, token, body })
    const route = routeOf(req.method ?? '', url.pathname)
    if (!route) return error(res, 404, 'Not Found')
    const fault = this.nextFault(route)
    if (fault && fault !== 'commitThenDrop') return this.fail(fault, req, res)
    const now = Date.now()
    if (this.blockedUntil > now) return this.blocked(res, now)
    if (token !== this.token) return this.badLogin(res, now)
    if (!this.activated) return error(res, 403, SENTENCES[403])
    const id = decodeURIComponent(url.pathname.split('/')[2] ?? '')
    switch (route) {
      case 'sms.send':
        return this.sendSms(body, res, fault === 'commitThenDrop')
      case 'sms.get':
        return this.readSms(id, res)
      case 'me':
        return ld(res, 200, 'User', '/me', {
          id: 4711,
          email: 'agencia@example.com',
          balance_amount: decimal(this.balance),
          currency: this.currency,
          services: [{ code: 'direct', name: 'Direct' }]
        })
      case 'methods':
        return ld(res, 200, 'PaymentMethods', '/payment-methods', {
          sepa_mandate: this.sepaMandate ? { ...this.sepaMandate, created_at: 1_700_000_000 } : null,
          stored_cards: this.storedCards
        })
      case 'payments.create':
        return this.createPayment(body, res, fault === 'commitThenDrop')
      case 'payments.list':
        return this.listPayments(Number(url.searchParams.get('page') ?? 1), res)
      case 'payments.get':
        return this.readPayment(Number(id), res)
    }
  }

  private fail(fault: Lox24Fault, req: IncomingMessage, res: ServerResponse): void {
    if (fault === 'refuse') return void req.socket.destroy()
    if (fault === 'hang') return
    if (fault === 'unavailable503') {
      res.writeHead(503, { 'Content-Type': 'text/html' })
      return void res.end(
        '<html><head><title>503 Service Temporarily Unavailable</title></head><body>nginx</body></html>'
      )
    }
    res.writeHead(429, { 'Content-Type': 'application/problem+json', 'Retry-After': '2' })
    res.end(JSON.stringify({ title: 'An error occurred', detail: SENTENCES[429], status: 429 }))
  }

  private badLogin(res: ServerResponse, now: number): void {
    this.badAuth = this.badAuth.filter((at) => at > now - 60_000)
    this.badAuth.push(now)
    if (this.badAuth.length > 3) {
      this.blockedUntil = now + 10 * 60_000
      return this.blocked(res, now)
    }
    error(res, 401, SENTENCES[401])
  }

  private blocked(res: ServerResponse, now: number): void {
    const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' }
    if (this.retryAfterSeconds !== null) headers['Retry-After'] = String(Math.ceil((this.blockedUntil - now) / 1000))
    res.writeHead(429, headers)
    res.end(JSON.stringify({ title: 'An error occurred', detail: SENTENCES[429], status: 429 }))
  }

  private sendSms(raw: string, res: ServerResponse, drop: boolean): void {
    const body = json(raw)
    if (!body) return error(res, 400, 'Syntax error')
    const text = typeof body['text'] === 'string' ? body['text'] : ''
    const phone = typeof body['phone'] === 'string' ? body['phone'] : ''
    const sender = typeof body['sender_id'] === 'string' ? body['sender_id'] : ''
    const unicode = body['is_unicode'] === true
    const violations: { propertyPath: string; message: string }[] = []
    if (text === '') violations.push({ propertyPath: 'text', message: 'This value should not be blank.' })
    if (text.length > (unicode ? 670 : 1530))
      violations.push({ propertyPath: 'text', message: 'This value is too long.' })
    if (!/^\+[1-9]\d{7,14}$/.test(phone))
      violations.push({ propertyPath: 'phone', message: 'This value is not a valid phone number.' })
    if (!/^(\d{1,15}|.{1,11})$/u.test(sender) || sender === '')
      violations.push({ propertyPath: 'sender_id', message: 'This value is not a valid sender id.' })
    if (!unicode && /[^\x20-\x7e\n\r£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà€]/u.test(text))
      violations.push({ propertyPath: 'is_unicode', message: 'The text needs is_unicode.' })
    if (violations.length > 0) return unprocessable(res, violations)
    const parts = segments(text, unicode)
    if (this.balance < parts * this.pricePerSegment) return error(res, 402, SENTENCES[402])
    this.balance -= parts * this.pricePerSegment
    const sms: FakeSms = {
      uuid: randomUUID(),
      phone,
      text,
      sender_id: sender,
      callback_data: typeof body['callback_data'] === 'string' ? body['callback_data'] : null,
      is_unicode: unicode,
      status_code: 0,
      dlr_code: 0,
      created_at: Math.floor(Date.now() / 1000),
      steps: this.smsSteps.map((step) => [...step] as [number, number])
    }
    this.sms.set(sms.uuid, sms)
    if (drop) return void res.socket?.destroy()
    ld(res, 201, 'Sms', `/sms/${sms.uuid}`, this.smsView(sms))
  }

  private readSms(uuid: string, res: ServerResponse): void {
    const sms = this.sms.get(uuid)
    if (!sms) return error(res, 404, 'Not Found')
    const next = sms.steps.shift()
    if (next) [sms.status_code, sms.dlr_code] = next
    ld(res, 200, 'Sms', `/sms/${uuid}`, this.smsView(sms))
  }

  private smsView(sms: FakeSms) {
    const { steps: _steps, ...view } = sms
    return { ...view, price: decimal(segments(sms.text, sms.is_unicode) * this.pricePerSegment) }
  }

  private createPayment(raw: string, res: ServerResponse, drop: boolean): void {
    const body = json(raw)
    if (!body) return error(res, 400, 'Syntax error')
    const net = body['net_val']
    const type = body['type']
    const methodId = body['method_id']
    const violations: { propertyPath: string; message: string }[] = []
    if (typeof net !== 'number' || !(net > 0) || cents(net) / 100 !== net)
      violations.push({ propertyPath: 'net_val', message: 'This value should be a positive amount.' })
    if (type !== 'sepa' && type !== 'stored_card')
      violations.push({ propertyPath: 'type', message: 'The value you selected is not a valid choice.' })
    const known =
      type === 'sepa' ? this.sepaMandate?.id === methodId : this.storedCards.some((card) => card.id === methodId)
    if (!Number.isInteger(methodId) || !known)
      violations.push({ propertyPath: 'method_id', message: 'Payment method not found.' })
    if (violations.length > 0) return unprocessable(res, violations)
    const netCents = cents(net as number)
    const vat = Math.round(netCents * 0.19) // German VAT, as LOX24 invoices from Germany
    const payment: FakePayment = {
      id: ++this.paymentSeq,
      created_at: Math.floor(Date.now() / 1000),
      completed_at: null,
      status: 0,
      net: netCents,
      vat,
      fee: type === 'sepa' ? 0 : Math.round(netCents * 0.015),
      currency: this.currency,
      type: type === 'sepa' ? 1 : 91,
      method_id: methodId as number,
      invoice: null,
      error: null,
      steps: type === 'stored_card' && this.declinedCards.has(methodId as number) ? [20, 1000] : [...this.paymentSteps]
    }
    this.payments.set(payment.id, payment)
    if (drop) return void res.socket?.destroy()
    ld(res, 201, 'PaymentAttempt', `/payments/${payment.id}`, this.paymentView(payment))
  }

  private readPayment(id: number, res: ServerResponse): void {
    const payment = this.payments.get(id)
    if (!payment) return error(res, 404, 'Not Found')
    const next = payment.steps.shift()
    if (next !== undefined) this.moveTo(payment, next)
    ld(res, 200, 'PaymentAttempt', `/payments/${id}`, this.paymentView(payment))
  }

  private moveTo(payment: FakePayment, status: number): void {
    if (payment.status === 100) return
    payment.status = status
    if (status === 100) {
      payment.completed_at = Math.floor(Date.now() / 1000)
      payment.invoice = `/invoices/${++this.invoiceSeq}`
      this.balance += payment.net
    } else if (status === 1000) {
      payment.error = 'Card declined by the issuing bank'
      payment.completed_at = Math.floor(Date.now() / 1000)
    }
  }

  private listPayments(page: number, res: ServerResponse): void {
    const size = 30
    const rows = [...this.payments.values()].sort((a, b) => b.id - a.id)
    const start = (Math.max(1, page) - 1) * size
    sendJson(res, 200, {
      '@context': '/contexts/PaymentAttempt',
      '@id': '/payments',
      '@type': 'hydra:Collection',
      'hydra:member': rows.slice(start, start + size).map((row) => ({
        '@id': `/payments/${row.id}`,
        '@type': 'PaymentAttempt',
        ...this.paymentView(row)
      })),
      'hydra:totalItems': rows.length
    })
  }

  private paymentView(payment: FakePayment) {
    return {
      id: payment.id,
      created_at: payment.created_at,
      completed_at: payment.completed_at,
      status: payment.status,
      amount: decimal(payment.net + payment.vat + payment.fee),
      net_val: decimal(payment.net),
      vat_val: decimal(payment.vat),
      fee_val: decimal(payment.fee),
      currency: payment.currency,
      type: payment.type,
      invoice: payment.invoice,
      error: payment.error
    }
  }
}
