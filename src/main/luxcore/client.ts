import type { AxiosResponse } from 'axios'
import type { LuxcorePayment } from '@shared/contract'
import { AppFailure, type AppError } from '@shared/errors'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import { DEFAULT_TIMEOUT_MS, createHttp, retryAfterMs, send } from '../http/request'
import { isObject, parseJson } from '../luka/lenient'
import { checkPayment, checkRow } from './match'
import { parseBalance, parsePage, parsePayment } from './payment'

/** api-notes.md: error codes LuxCore documents as transient (retry later). */
const TRANSIENT_CODES = new Set(['PROVIDER_ERROR', 'LOCK_TIMEOUT', 'TRANSACTION_ERROR', 'DATABASE_ERROR', 'TIMEOUT'])

/** The documented create body (luxcore-payments-guide.txt, "Creating a Deposit"). */
export interface CreatePaymentBody {
  amount: number
  currency: string
  method: string
  type: 'deposit'
  merchant_reference: string
  description?: string
  customer?: { name?: string; email?: string; phone?: string }
  metadata?: Record<string, string>
}

export interface PaymentQuery {
  status?: string
  method?: string
  from?: string
  to?: string
  limit: number
  offset: number
}

export interface LuxcoreClientOptions {
  baseUrl: string
  apiKey: () => string
  clock: Clock
  log: Logger
  timeoutMs?: number
}

/** LuxCore's error body `{statusCode, message, error}` -> our error codes, keeping LuxCore's words. */
export function luxcoreError(response: AxiosResponse<string>, now: number): AppError {
  const json = parseJson(response.data)
  const code = isObject(json) && typeof json['error'] === 'string' ? json['error'] : undefined
  const message = isObject(json) && typeof json['message'] === 'string' ? json['message'].slice(0, 300) : undefined
  const base = {
    provider: 'luxcore' as const,
    httpStatus: response.status,
    providerCode: code,
    providerMessage: message
  }
  if (response.status === 401 || code === 'INVALID_API_KEY') return { code: 'BAD_CREDENTIALS', ...base }
  if (response.status === 429)
    return { code: 'RATE_LIMITED', ...base, retryAfterMs: retryAfterMs(response.headers['retry-after'], now) }
  if (code === 'TIMEOUT') return { code: 'TIMEOUT', ...base }
  if (response.status >= 500 || (code && TRANSIENT_CODES.has(code))) {
    return { code: 'PROVIDER_UNAVAILABLE', ...base, retryAfterMs: retryAfterMs(response.headers['retry-after'], now) }
  }
  if (response.status === 404) return { code: 'NOT_FOUND', ...base }
  return { code: 'PROVIDER_REJECTED', ...base }
}

/** LuxCore payments API: deposits, status, list, cancel, balance. Plain TypeScript, axios. */
export class LuxcoreClient {
  private readonly http
  private readonly timeoutMs: number

  constructor(private readonly options: LuxcoreClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.http = createHttp(options.baseUrl, this.timeoutMs)
  }

  /** POST /payments. A repeated merchant_reference answers 200 with the existing payment. */
  async createPayment(body: CreatePaymentBody): Promise<LuxcorePayment> {
    const payment = parsePayment(await this.call({ method: 'POST', url: '/payments', data: JSON.stringify(body) }))
    // a repeated reference answers with the existing payment: make sure it is this one
    checkPayment(payment, {
      merchantReference: body.merchant_reference,
      amount: { minor: body.amount, currency: body.currency },
      method: body.method
    })
    return payment
  }

  /** The payment asked for; with `known`, also the same reference, amount and method as before. */
  async getPayment(transactionId: string, known?: LuxcorePayment | null): Promise<LuxcorePayment> {
    const payment = parsePayment(
      await this.call({ method: 'GET', url: `/payments/${encodeURIComponent(transactionId)}` })
    )
    checkPayment(payment, {
      transactionId,
      ...(known ? { merchantReference: known.merchantReference, amount: known.amount, method: known.method } : {})
    })
    return payment
  }

  async listPayments(query: PaymentQuery): Promise<{ items: LuxcorePayment[]; total: number | null }> {
    const params: Record<string, string | number> = { limit: query.limit, offset: query.offset }
    if (query.status) params['status'] = query.status
    if (query.method) params['method'] = query.method
    if (query.from) params['created_at_from'] = query.from
    if (query.to) params['created_at_to'] = query.to
    const page = parsePage(await this.call({ method: 'GET', url: '/payments', params }))
    for (const row of page.items) checkRow(row, query)
    return page
  }

  async cancelPayment(transactionId: string): Promise<LuxcorePayment | null> {
    const json = await this.call({ method: 'POST', url: `/payments/${encodeURIComponent(transactionId)}/cancel` })
    // the cancel reply's body is not documented: a payment if there is one, else nothing
    let payment: LuxcorePayment
    try {
      payment = parsePayment(json)
    } catch {
      return null
    }
    checkPayment(payment, { transactionId })
    return payment
  }

  async balance(currency: string) {
    return parseBalance(
      await this.call({ method: 'GET', url: '/balance', params: { currency, balance_type: 'main' } }),
      currency
    )
  }

  private async call(config: Parameters<typeof send>[1]): Promise<unknown> {
    const apiKey = this.options.apiKey()
    if (!apiKey) throw new AppFailure({ code: 'NOT_CONFIGURED', provider: 'luxcore' })
    const started = this.options.clock.now()
    const response = await send(
      this.http,
      { ...config, headers: { 'Content-Type': 'application/json', 'X-API-Key': apiKey } },
      'luxcore',
      this.timeoutMs
    )
    this.options.log.debug('luxcore call', {
      method: config.method,
      path: config.url,
      status: response.status,
      ms: this.options.clock.now() - started
    })
    if (response.status < 200 || response.status >= 300)
      throw new AppFailure(luxcoreError(response, this.options.clock.now()))
    const json = parseJson(response.data)
    if (json === undefined)
      throw new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'luxcore', httpStatus: response.status })
    return json
  }
}
