import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LoopbackServer, readBody, sendJson as json } from './loopback-server'

/**
 * A fake Luka API on 127.0.0.1, built from ../shared/reference (luka-cash-payments.txt,
 * api-notes.md): login with the JWT in the `token` header, the deferred-payment lookup and
 * the notify call — plus fault injection and a ledger of every notify it applied.
 */

export type FaultKind =
  | 'refuse' // drop the connection without an answer
  | 'hang' // accept and never answer
  | 'html503' // a proxy's HTML error page
  | 'rate429' // 429 with Retry-After
  | 'unauthorized' // 401 as if the token expired
  | 'malformed' // 200 with a truncated JSON body
  | 'commitThenDrop' // apply the notify, then drop the connection before answering

export type Route = 'login' | 'lookup' | 'notify' | 'link'
export type NotFoundStyle = '404' | '400' | 'exitoso-false'

export interface FakeTransaction {
  id: number
  reference: string
  authorizationCode: string
  amount: number
  currency: string
  status: 'pending' | 'success' | 'rejected'
  payer?: {
    Nombre: string
    Apellido: string
    Email: string | null
    NumeroTelefono: string | null
    NumeroIdentidad: string | null
  }
  channel?: string | number
  /** Luka's FechaOperacion; the documented sample's date when not given */
  operatedAt?: string
}

export interface NotifyRecord {
  transactionId: number
  statusId: number
  body: Record<string, unknown>
  at: number
}

export interface RequestRecord {
  method: string
  path: string
  query: Record<string, string>
  authorization: string | undefined
  body: string
}

export interface FakeLukaOptions {
  username?: string
  password?: string
  /** token lifetime in seconds (the documented sample is 4 h) */
  tokenTtlSeconds?: number
  notFound?: NotFoundStyle
  /** spell the description `Descripción` (table) instead of `Descripcion` (example) */
  accentedDescription?: boolean
  /** artificial latency per request, ms */
  latencyMs?: number
  /** answer logins without the `token` header (a broken proxy) */
  omitTokenHeader?: boolean
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

export class FakeLuka extends LoopbackServer<Route, FaultKind> {
  readonly transactions = new Map<number, FakeTransaction>()
  readonly ledger: NotifyRecord[] = []
  readonly requests: RequestRecord[] = []
  readonly logins: { username: string; ok: boolean }[] = []
  /** payment links created (luka-payment-link.txt), with the raw body as sent */
  readonly links: FakeLink[] = []
  private readonly validTokens = new Map<string, number>()
  private tokenSeq = 0
  options: Required<FakeLukaOptions>

  constructor(options: FakeLukaOptions = {}) {
    super()
    this.options = {
      username: 'cajero',
      password: 's3creta-clave',
      tokenTtlSeconds: 14_400,
      notFound: '404',
      accentedDescription: false,
      latencyMs: 0,
      omitTokenHeader: false,
      ...options
    }
  }

  get url(): string {
    return this.origin
  }

  addTransaction(tx: Partial<FakeTransaction> & { id: number }): FakeTransaction {
    const full: FakeTransaction = {
      reference: `REF${tx.id}`,
      authorizationCode: `AUTH${tx.id}`,
      amount: 7.99,
      currency: 'USD',
      status: 'pending',
      payer: {
        Nombre: 'Jhon',
        Apellido: 'Doe',
        Email: 'example@mail.com',
        NumeroTelefono: '+584121234567',
        NumeroIdentidad: 'V12345678'
      },
      channel: 'Api',
      ...tx
    }
    this.transactions.set(full.id, full)
    return full
  }

  /** Makes every issued token invalid, as if they all expired. */
  expireTokens(): void {
    this.validTokens.clear()
  }

  notifiesFor(transactionId: number): NotifyRecord[] {
    return this.ledger.filter((entry) => entry.transactionId === transactionId)
  }

  // ------------------------------------------------------------------ handling

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body
    })
    if (this.options.latencyMs > 0) await new Promise((r) => setTimeout(r, this.options.latencyMs))

    const route = this.routeOf(req.method ?? '', url.pathname)
    if (!route) return json(res, 404, { Codigo: 404, Mensaje: 'Recurso no encontrado' })
    const fault = this.nextFault(route)
    if (fault && fault !== 'commitThenDrop') return this.fail(fault, req, res)
    if (this.injectedReply(route, res)) return

    if (route === 'login') return this.login(body, res)
    if (!this.authorized(req)) return json(res, 401, { Codigo: 401, Mensaje: 'Token inválido o expirado' })
    if (route === 'lookup') return this.lookup(url.searchParams, res)
    if (route === 'link') return createLink(this.links, body, res, fault === 'commitThenDrop')
    return this.notify(body, res, fault === 'commitThenDrop')
  }

  private routeOf(method: string, path: string): Route | null {
    if (method === 'POST' && path === '/api/v1/servicio/login') return 'login'
    if (method === 'GET' && path === '/api/v1/transaccion/pagodiferido') return 'lookup'
    if (method === 'PUT' && path === '/api/v1/transaccion/pagodiferido/actualizar') return 'notify'
    if (method === 'POST' && path === '/api/v1/link/token') return 'link'
    return null
  }

  private fail(fault: FaultKind, req: IncomingMessage, res: ServerResponse): void {
    switch (fault) {
      case 'refuse':
        req.socket.destroy()
        return
      case 'hang':
        return // never answered; stop() destroys the socket
      case 'html503':
        res.writeHead(503, { 'Content-Type': 'text/html' })
        res.end(
          '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx/1.16.1</center></body></html>'
        )
        return
      case 'rate429':
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '2' })
        res.end(JSON.stringify({ Codigo: 429, Mensaje: 'Demasiadas solicitudes' }))
        return
      case 'unauthorized':
        return json(res, 401, { Codigo: 401, Mensaje: 'Token expirado' })
      case 'malformed':
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end('{"Monto": 7.99, "InfoProceso": {"Estatus')
        return
      default:
        return
    }
  }

  private login(body: string, res: ServerResponse): void {
    let credentials: { Username?: unknown; Password?: unknown } = {}
    try {
      credentials = JSON.parse(body) as typeof credentials
    } catch {
      return json(res, 400, { Codigo: 400, Mensaje: 'Solicitud inválida' })
    }
    const ok = credentials.Username === this.options.username && credentials.Password === this.options.password
    this.logins.push({ username: String(credentials.Username), ok })
    if (!ok) return json(res, 401, { Codigo: 401, Mensaje: 'Usuario o contraseña inválidos' })
    const now = Math.floor(Date.now() / 1000)
    const token = [
      b64url({ alg: 'HS256', typ: 'JWT' }),
      b64url({
        sub: credentials.Username,
        iat: now,
        exp: now + this.options.tokenTtlSeconds,
        iss: 'American Payco LLC',
        n: ++this.tokenSeq
      }),
      'c2lnbmF0dXJl'
    ].join('.')
    this.validTokens.set(token, (now + this.options.tokenTtlSeconds) * 1000)
    // api-notes.md: 200, empty text/plain body, JWT in the `token` header plus an `id` header
    const headers: Record<string, string> = { 'Content-Type': 'text/plain', id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' }
    if (!this.options.omitTokenHeader) headers['token'] = token
    res.writeHead(200, headers)
    res.end()
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7) : ''
    const expires = this.validTokens.get(token)
    return expires !== undefined && expires > Date.now()
  }

  private lookup(params: URLSearchParams, res: ServerResponse): void {
    const keys = ['referenciaPago', 'transaccionId', 'codigoAutorizacion'].filter((key) => params.has(key))
    if (keys.length !== 1) return json(res, 400, { Codigo: 400, Mensaje: 'Debe indicar un solo criterio de búsqueda' })
    const key = keys[0]!
    const value = params.get(key)!
    const tx = [...this.transactions.values()].find((candidate) =>
      key === 'referenciaPago'
        ? candidate.reference === value
        : key === 'transaccionId'
          ? String(candidate.id) === value
          : candidate.authorizationCode === value
    )
    if (!tx) return this.notFound(res)
    json(res, 200, this.transactionResponse(tx))
  }

  private notFound(res: ServerResponse): void {
    if (this.options.notFound === '404') return json(res, 404, { Codigo: 404, Mensaje: 'Transacción no encontrada' })
    if (this.options.notFound === '400') return json(res, 400, { Codigo: 400, Mensaje: 'Transacción no encontrada' })
    json(res, 200, { Exitoso: false, Descripcion: 'Transacción no encontrada', TransaccionId: 0, Monto: 0 })
  }

  /** The documented example body, with the quirks switchable. */
  private transactionResponse(tx: FakeTransaction): Record<string, unknown> {
    const descriptionKey = this.options.accentedDescription ? 'Descripción' : 'Descripcion'
    return {
      Monto: tx.amount,
      MontoUsd: 0.0,
      InfoProceso: { EstatusProcesamiento: tx.status, CodigoRespuestaCvv: null },
      InfoUsuarioPagador: tx.payer ?? null,
      Moneda: tx.currency,
      TransaccionId: tx.id,
      TransaccionMerchantId: 0,
      [descriptionKey]: tx.status === 'pending' ? 'transacción en revisión' : 'Tx Exitosa',
      TrazaId: 'e6c28df3ae4f',
      Exitoso: true,
      Canal: tx.channel ?? 'Api',
      MedioDePago: 'Efectivo',
      MontoOriginal: null,
      MerchantId: '024PeR42',
      FechaOperacion: tx.operatedAt ?? '2023-09-29 19:25:11.767791+00:00',
      CargosAdicionales: null,
      Cuotas: null
    }
  }

  private notify(body: string, res: ServerResponse, dropAfterCommit: boolean): void {
    let parsed: Record<string, unknown>
    try {
      parsed = JSON.parse(body) as Record<string, unknown>
    } catch {
      return json(res, 400, { Codigo: 400, Mensaje: 'Cuerpo inválido' })
    }
    // .NET binds case-insensitively: IdTx or Idtx (api-notes.md)
    const id = Number(parsed['IdTx'] ?? parsed['Idtx'])
    const statusId = Number(parsed['IdEstatus'])
    const tx = this.transactions.get(id)
    if (!tx) return json(res, 400, { Codigo: 400, Mensaje: 'Transacción no existe' })
    if (statusId !== 6 && statusId !== 7) return json(res, 400, { Codigo: 400, Mensaje: 'Estatus inválido' })
    if (tx.status !== 'pending') return json(res, 400, { Codigo: 400, Mensaje: 'La transacción ya fue procesada' })
    tx.status = statusId === 6 ? 'success' : 'rejected'
    this.ledger.push({ transactionId: id, statusId, body: parsed, at: Date.now() })
    if (dropAfterCommit) {
      res.socket?.destroy()
      return
    }
    json(res, 200, {
      Monto: tx.amount,
      Id: tx.id,
      IdTraza: 'e6c28df3ae4f',
      CodigoAutorizacion: (parsed['CodigoAutorizacion'] as string) || tx.authorizationCode,
      Estatus: { Id: statusId, Descripcion: statusId === 6 ? 'Tx Exitosa' : 'Tx Rechazada' },
      FechaCreacion: '2022-02-23T18:27:47.1959116Z'
    })
  }
}

// ------------------------------------------------------------ payment link

export interface FakeLink {
  id: string
  orderNumber: number
  url: string
  body: Record<string, unknown>
  /** the request body exactly as sent (to check how `Monto` was written) */
  raw: string
}

/**
 * POST /api/v1/link/token (luka-payment-link.txt): 201, empty body, the URL in `Location`,
 * plus `id-link` and `nro-orden`. Refusals are 400 with `Código` / `Mensaje` (that page's
 * spelling); the e-mail message is the one Luka's SDKs show (api-notes.md).
 */
function createLink(links: FakeLink[], raw: string, res: ServerResponse, dropAfterCommit: boolean): void {
  const refuse = (Mensaje: string) => json(res, 400, { Código: 400, Mensaje })
  let body: Record<string, unknown>
  try {
    body = JSON.parse(raw) as Record<string, unknown>
  } catch {
    return refuse('Cuerpo inválido')
  }
  if (typeof body['Monto'] !== 'number' || !(body['Monto'] > 0)) return refuse('Monto inválido')
  if (typeof body['IdTraza'] !== 'string' || body['IdTraza'] === '') return refuse('IdTraza requerido')
  if (body['Email'] !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(body['Email'])))
    return refuse('Correo electrónico inválido')
  if (body['MonedaCodigo'] !== undefined && !['USD', 'VES', 'EUR'].includes(String(body['MonedaCodigo'])))
    return refuse('Moneda no soportada por el comercio')
  const id = randomUUID()
  const link = { id, orderNumber: 3372 + links.length, url: `https://qa.lukapay.me/payco/${id}`, body, raw }
  links.push(link)
  if (dropAfterCommit) {
    res.socket?.destroy()
    return
  }
  res.writeHead(201, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': '0',
    Location: link.url,
    'id-link': id,
    'nro-orden': String(link.orderNumber),
    'api-supported-versions': '1.0'
  })
  res.end()
}
