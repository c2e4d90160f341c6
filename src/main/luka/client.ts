import type { AxiosResponse } from 'axios'
import type { DecisionKind, DeferredPayment, NotifyReply } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { LookupKey, LookupQuery } from '@shared/lookup'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import { DEFAULT_TIMEOUT_MS, createHttp, send, statusError } from '../http/request'
import { parseJson, providerCode, providerMessage } from './lenient'
import { linkBody, parseLinkCreated, type LinkCreated, type LinkRequest } from './link'
import { checkLookupReply, checkNotifyReply } from './match'
import { LukaSession, type LukaCredentials } from './session'
import { parseDeferredPayment, parseNotifyReply } from './transaction'

const LOOKUP_PATH = '/api/v1/transaccion/pagodiferido'
const NOTIFY_PATH = '/api/v1/transaccion/pagodiferido/actualizar'
const LINK_PATH = '/api/v1/link/token'

/** Whether a request may have reached Luka: set before each send, cleared by a 401 (refused, nothing done). */
export interface SendTrack {
  sent: boolean
}

/** luka-cash-payments.txt, query params: exactly one of these per lookup. */
const LOOKUP_PARAM: Record<LookupKey, string> = {
  reference: 'referenciaPago',
  transactionId: 'transaccionId',
  authorizationCode: 'codigoAutorizacion'
}

/** luka-cash-payments.txt, Notify Payment: IdEstatus 6 = Approved, 7 = Rejected. */
export const LUKA_STATUS_ID: Record<DecisionKind, 6 | 7> = { approve: 6, reject: 7 }

export interface DecisionNotice {
  transactionId: number
  decision: DecisionKind
  note: string
  terminal: string
  authorizationCode: string
  /** the searched payment reference, kept for the records; not part of the notify body */
  reference?: string | null
}

/** The one write Taquilla makes to Luka. The outbox wraps this interface. */
export interface DecisionNotifier {
  notifyDecision(notice: DecisionNotice): Promise<NotifyReply>
}

export interface LukaClientOptions {
  baseUrl: string
  credentials: () => LukaCredentials | null
  clock: Clock
  log: Logger
  timeoutMs?: number
}

/** Luka deferred cash payments: look up, then notify the teller's decision. */
export class LukaClient implements DecisionNotifier {
  private readonly http
  private readonly session: LukaSession
  private readonly timeoutMs: number

  constructor(private readonly options: LukaClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.http = createHttp(options.baseUrl, this.timeoutMs)
    this.session = new LukaSession(this.http, options.credentials, options.clock, this.timeoutMs, options.log)
  }

  /** Signs in now (the teller's "connect"), forgetting an earlier refusal. */
  async signIn(): Promise<void> {
    await this.session.signIn(true)
  }

  /** Whether the client holds a session token: a 429 answered to the login leaves it signed out. */
  signedIn(): boolean {
    return this.session.hasToken()
  }

  async lookupDeferredPayment(query: LookupQuery): Promise<DeferredPayment> {
    const response = await this.authorized({
      method: 'GET',
      url: LOOKUP_PATH,
      params: { [LOOKUP_PARAM[query.by]]: query.value }
    })
    // Not found arrives three ways (api-notes.md): 404, 400 with Codigo/Mensaje, or
    // 200 with Exitoso:false (handled by the parser). All mean "not found" to the teller.
    if (response.status === 404 || response.status === 400) {
      throw new AppFailure({ ...this.failure(response), code: 'NOT_FOUND' })
    }
    // any other refusal (403 with Codigo/Mensaje…) is Luka's own word, not an unreadable reply
    if (response.status < 200 || response.status >= 300) throw new AppFailure(this.failure(response))
    const json = this.json(response)
    const payment = parseDeferredPayment(json)
    checkLookupReply(query, payment, json)
    return payment
  }

  async notifyDecision(notice: DecisionNotice): Promise<NotifyReply> {
    const body = {
      IdTx: notice.transactionId,
      IdEstatus: LUKA_STATUS_ID[notice.decision],
      Observaciones: notice.note,
      Terminal: notice.terminal,
      CodigoAutorizacion: notice.authorizationCode
    }
    const response = await this.authorized({
      method: 'PUT',
      url: NOTIFY_PATH,
      headers: { 'Content-Type': 'application/json' },
      data: JSON.stringify(body)
    })
    if (response.status < 200 || response.status >= 300) throw new AppFailure(this.failure(response))
    const reply = parseNotifyReply(this.json(response))
    checkNotifyReply(notice.transactionId, body.IdEstatus, reply)
    return reply
  }

  /**
   * luka-payment-link.txt: POST /api/v1/link/token. Never retried here (no idempotency key):
   * `track.sent` tells the caller whether a failure may have left a link behind.
   */
  async createPaymentLink(request: LinkRequest, track: SendTrack): Promise<LinkCreated> {
    const response = await this.authorized(
      { method: 'POST', url: LINK_PATH, headers: { 'Content-Type': 'application/json' }, data: linkBody(request) },
      track
    )
    if (response.status < 200 || response.status >= 300) throw new AppFailure(this.failure(response))
    return parseLinkCreated(response)
  }

  /** A call with the bearer token; on 401 signs in again once and retries once. */
  private async authorized(config: Parameters<typeof send>[1], track?: SendTrack): Promise<AxiosResponse<string>> {
    const attempt = async (token: string) => {
      if (track) track.sent = true
      const response = await send(
        this.http,
        { ...config, headers: { ...(config.headers ?? {}), Authorization: `Bearer ${token}` } },
        'luka',
        this.timeoutMs
      )
      if (track && response.status === 401) track.sent = false
      return response
    }
    const started = this.options.clock.now()
    let response = await attempt(await this.session.validToken())
    if (response.status === 401) {
      this.options.log.info('luka token refused, signing in again', { path: config.url })
      this.session.invalidate()
      response = await attempt(await this.session.signIn(false))
      if (response.status === 401) throw new AppFailure(this.failure(response))
    }
    this.options.log.debug('luka call', {
      method: config.method,
      path: config.url,
      status: response.status,
      ms: this.options.clock.now() - started
    })
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new AppFailure(this.failure(response))
    }
    return response
  }

  private failure(response: AxiosResponse<string>) {
    return statusError(
      response,
      'luka',
      { message: providerMessage(response.data), code: providerCode(response.data) },
      this.options.clock.now()
    )
  }

  private json(response: AxiosResponse<string>): unknown {
    const json = parseJson(response.data)
    if (json === undefined) {
      throw new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'luka', httpStatus: response.status })
    }
    return json
  }
}

export type { LukaCredentials }
