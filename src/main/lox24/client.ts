import type { PaymentMethods, SmsDelivery, TopupPayment } from '@shared/contract'
import { AppFailure, toAppError } from '@shared/errors'
import { minorToDecimal, type Money } from '@shared/money'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import { DEFAULT_TIMEOUT_MS, createHttp, send, type HttpTransport } from '../http/request'
import { parseJson } from '../luka/lenient'
import { lox24Error } from './errors'
import type { Lox24Gate } from './gate'
import {
  parseAccount,
  parsePaymentMethods,
  parseSentSms,
  parseSmsDelivery,
  parseTopupPage,
  parseTopupPayment
} from './parse'

/** api-notes.md: the body of POST /sms. */
export interface SmsBody {
  text: string
  sender_id: string
  phone: string
  callback_data: string
  is_unicode: boolean
}

/** lox24-create-payment.txt: the body of POST /payments. */
export interface TopupBody {
  /** exact decimal text in the account's currency, e.g. "25.00" */
  net_val: string
  type: 'sepa' | 'stored_card'
  method_id: number
}

export interface Lox24ClientOptions {
  baseUrl: string
  /** `clientId:apiKey`, sent as X-LOX24-AUTH-TOKEN */
  token: () => string
  gate: Lox24Gate
  clock: Clock
  log: Logger
  timeoutMs?: number
  transport?: HttpTransport
}

/** Net amount as LOX24 wants it: a JSON number with exactly the currency's decimals, never a float. */
export const netVal = (net: Money): string => minorToDecimal(net.minor, 2)

/**
 * POST /payments with `net_val` written as the exact decimal ("25.00"): JSON allows a
 * number literal with trailing zeros, and nothing is lost through a binary float.
 */
export function topupJson(body: TopupBody): string {
  if (!/^\d{1,9}\.\d{2}$/.test(body.net_val)) throw new AppFailure({ code: 'VALIDATION', field: 'net_val' })
  return `{"net_val":${body.net_val},"type":${JSON.stringify(body.type)},"method_id":${body.method_id}}`
}

/** The LOX24 API: SMS send and status, account credit, payment methods and top-up payments. */
export class Lox24Client {
  private readonly http
  private readonly timeoutMs: number

  constructor(private readonly options: Lox24ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.http = createHttp({
      provider: 'lox24',
      baseURL: options.baseUrl,
      timeoutMs: this.timeoutMs,
      transport: options.transport
    })
  }

  /** POST /sms → 201 with a uuid. There is no idempotency key: the caller must never send twice by itself. */
  async sendSms(body: SmsBody): Promise<{ uuid: string; delivery: SmsDelivery }> {
    return parseSentSms(await this.call({ method: 'POST', url: '/sms', data: JSON.stringify(body) }))
  }

  async smsStatus(uuid: string): Promise<SmsDelivery> {
    return parseSmsDelivery(await this.call({ method: 'GET', url: `/sms/${encodeURIComponent(uuid)}` }))
  }

  async account(): Promise<{ balance: Money }> {
    return parseAccount(await this.call({ method: 'GET', url: '/me' }))
  }

  async paymentMethods(): Promise<PaymentMethods> {
    return parsePaymentMethods(await this.call({ method: 'GET', url: '/payment-methods' }))
  }

  /** POST /payments. No idempotency key either: after an unknown outcome, look in `listPayments` first. */
  async createPayment(body: TopupBody): Promise<TopupPayment> {
    return parseTopupPayment(await this.call({ method: 'POST', url: '/payments', data: topupJson(body) }))
  }

  async listPayments(page = 1): Promise<{ items: TopupPayment[]; total: number | null }> {
    return parseTopupPage(await this.call({ method: 'GET', url: '/payments', params: { page } }))
  }

  async getPayment(id: number): Promise<TopupPayment> {
    return parseTopupPayment(await this.call({ method: 'GET', url: `/payments/${id}` }))
  }

  private async call(config: Parameters<typeof send>[1]): Promise<unknown> {
    const token = this.options.token()
    if (!token) throw new AppFailure({ code: 'NOT_CONFIGURED', provider: 'lox24' })
    this.options.gate.check(token) // a held 401/403/429 never reaches LOX24
    const started = this.options.clock.now()
    const response = await send(
      this.http,
      { ...config, headers: { 'Content-Type': 'application/json', 'X-LOX24-AUTH-TOKEN': token } },
      'lox24',
      this.timeoutMs
    ).catch((cause: unknown) => {
      throw new AppFailure({ ...toAppError(cause), provider: 'lox24' })
    })
    this.options.log.debug('lox24 call', {
      method: config.method,
      path: config.url,
      status: response.status,
      ms: this.options.clock.now() - started
    })
    if (response.status < 200 || response.status >= 300) {
      const error = lox24Error(response, this.options.clock.now())
      this.options.gate.observe(token, error)
      throw new AppFailure(error)
    }
    const json = parseJson(response.data)
    if (json === undefined || json === null)
      throw new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'lox24', httpStatus: response.status })
    return json
  }
}
