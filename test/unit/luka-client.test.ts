import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LukaClient } from '../../src/main/luka/client'
import { RENEW_BEFORE_MS } from '../../src/main/luka/session'
import { silentLogger } from '../../src/main/support/log'
import { failure } from '../helpers/failure'
import { FakeLuka } from '../../src/main/training/fake-luka'

let luka: FakeLuka
let now: number
const clock = { now: () => now }

function client(overrides: { password?: string; timeoutMs?: number; baseUrl?: string } = {}) {
  return new LukaClient({
    baseUrl: overrides.baseUrl ?? luka.url,
    credentials: () => ({ username: 'cajero', password: overrides.password ?? 's3creta-clave' }),
    clock,
    log: silentLogger,
    timeoutMs: overrides.timeoutMs ?? 2_000
  })
}

beforeEach(async () => {
  now = Date.now()
  luka = new FakeLuka()
  await luka.start()
  luka.addTransaction({
    id: 96336,
    reference: '6567704',
    authorizationCode: 'kjfkgds874k',
    amount: 7.99,
    currency: 'USD'
  })
})

afterEach(async () => {
  await luka.stop()
})

describe('login and token lifecycle', () => {
  it('signs in with exactly the documented body and uses the token header as a bearer', async () => {
    await client().lookupDeferredPayment({ by: 'reference', value: '6567704' })
    const [login, lookup] = luka.requests
    expect(login?.path).toBe('/api/v1/servicio/login')
    expect(JSON.parse(login!.body)).toEqual({ Username: 'cajero', Password: 's3creta-clave' })
    expect(lookup?.authorization).toMatch(/^Bearer eyJ/)
  })

  it('reuses the token, and signs in again shortly before it expires', async () => {
    const lukaClient = client()
    await lukaClient.lookupDeferredPayment({ by: 'reference', value: '6567704' })
    await lukaClient.lookupDeferredPayment({ by: 'reference', value: '6567704' })
    expect(luka.logins).toHaveLength(1)
    now += 4 * 3600_000 - RENEW_BEFORE_MS + 1_000 // inside the renewal window of a 4 h token
    await lukaClient.lookupDeferredPayment({ by: 'reference', value: '6567704' })
    expect(luka.logins).toHaveLength(2)
  })

  it('on a 401 signs in again once and retries once', async () => {
    const lukaClient = client()
    await lukaClient.lookupDeferredPayment({ by: 'reference', value: '6567704' })
    luka.expireTokens()
    const result = await lukaClient.lookupDeferredPayment({ by: 'reference', value: '6567704' })
    expect(result.transactionId).toBe(96336)
    expect(luka.logins).toHaveLength(2)
  })

  it('stops after the second 401 with UNAUTHORIZED instead of looping', async () => {
    luka.inject('lookup', 'unauthorized', 5)
    const error = await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error.code).toBe('UNAUTHORIZED')
    expect(luka.logins).toHaveLength(2)
    expect(luka.requests.filter((r) => r.path.endsWith('pagodiferido'))).toHaveLength(2)
  })

  it('wrong credentials: BAD_CREDENTIALS with Luka words, and no second login until asked', async () => {
    const lukaClient = client({ password: 'wrong' })
    const first = await failure(lukaClient.lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(first).toMatchObject({ code: 'BAD_CREDENTIALS', providerMessage: 'Usuario o contraseña inválidos' })
    const second = await failure(lukaClient.lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(second.code).toBe('BAD_CREDENTIALS')
    expect(luka.logins).toHaveLength(1)
    await failure(lukaClient.signIn())
    expect(luka.logins).toHaveLength(2)
  })

  it('a login reply without the token header is a malformed response', async () => {
    luka.options.omitTokenHeader = true
    const error = await failure(client().signIn())
    expect(error.code).toBe('MALFORMED_RESPONSE')
  })

  it('a base URL with no login endpoint is a configuration problem, not "payment not found"', async () => {
    const error = await failure(client({ baseUrl: luka.url + '/nowhere' }).signIn())
    expect(error).toMatchObject({ code: 'NOT_CONFIGURED', httpStatus: 404 })
  })

  it('missing credentials are NOT_CONFIGURED without any request', async () => {
    const error = await failure(client({ password: '' }).lookupDeferredPayment({ by: 'reference', value: 'x' }))
    expect(error.code).toBe('NOT_CONFIGURED')
    expect(luka.requests).toHaveLength(0)
  })
})

describe('lookup', () => {
  it.each([
    ['reference', '6567704', 'referenciaPago'],
    ['transactionId', '96336', 'transaccionId'],
    ['authorizationCode', 'kjfkgds874k', 'codigoAutorizacion']
  ] as const)('by %s sends exactly one query parameter (%s)', async (by, value, param) => {
    const payment = await client().lookupDeferredPayment({ by, value })
    expect(payment.transactionId).toBe(96336)
    expect(luka.requests.at(-1)?.query).toEqual({ [param]: value })
  })

  it('parses the documented example into exact minor units and an ISO date', async () => {
    const payment = await client().lookupDeferredPayment({ by: 'reference', value: '6567704' })
    expect(payment).toMatchObject({
      transactionId: 96336,
      amount: { minor: 799, currency: 'USD' },
      amountUsd: null,
      payer: { name: 'Jhon Doe', email: 'example@mail.com' },
      traceId: 'e6c28df3ae4f',
      merchantId: '024PeR42',
      merchantTransactionId: null,
      operationDate: '2023-09-29T19:25:11.767Z',
      channel: 'Api',
      paymentMethod: 'Efectivo',
      processingStatus: 'pending',
      description: 'transacción en revisión'
    })
  })

  it('reads the accented Descripción spelling and a numeric Canal', async () => {
    luka.options.accentedDescription = true
    luka.addTransaction({ id: 5, channel: 3 })
    const payment = await client().lookupDeferredPayment({ by: 'transactionId', value: '5' })
    expect(payment.description).toBe('transacción en revisión')
    expect(payment.channel).toBe('Link de Pago')
  })

  it.each(['404', '400', 'exitoso-false'] as const)(
    'not found as %s becomes NOT_FOUND with Luka words',
    async (style) => {
      luka.options.notFound = style
      const error = await failure(client().lookupDeferredPayment({ by: 'reference', value: 'nope' }))
      expect(error).toMatchObject({ code: 'NOT_FOUND', providerMessage: 'Transacción no encontrada' })
    }
  )
})

describe('faults become typed errors', () => {
  it('connection dropped → NETWORK', async () => {
    luka.inject('lookup', 'refuse')
    expect((await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))).code).toBe('NETWORK')
  })

  it('server down (connection refused) → NETWORK', async () => {
    await luka.stop()
    const error = await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error).toMatchObject({ code: 'NETWORK', providerCode: 'ECONNREFUSED' })
  })

  it('a hanging server → TIMEOUT within the bound', async () => {
    luka.inject('lookup', 'hang')
    const started = Date.now()
    const error = await failure(client({ timeoutMs: 300 }).lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error.code).toBe('TIMEOUT')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('5xx with an HTML page → PROVIDER_UNAVAILABLE with the page title', async () => {
    luka.inject('lookup', 'html503')
    const error = await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      httpStatus: 503,
      providerMessage: '503 Service Temporarily Unavailable'
    })
    expect(error.retryAfterMs).toBeUndefined() // this proxy page says nothing about when
  })

  it('429 → RATE_LIMITED with Retry-After', async () => {
    luka.inject('lookup', 'rate429')
    const error = await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 2_000,
      providerMessage: 'Demasiadas solicitudes'
    })
  })

  it('malformed JSON → MALFORMED_RESPONSE', async () => {
    luka.inject('lookup', 'malformed')
    expect((await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))).code).toBe(
      'MALFORMED_RESPONSE'
    )
  })
})

describe('notify', () => {
  it('sends exactly the documented body and reads the reply', async () => {
    const reply = await client().notifyDecision({
      transactionId: 96336,
      decision: 'approve',
      note: '',
      terminal: 'Agencia CCCT, Taquilla 2',
      authorizationCode: '12345'
    })
    const sent = luka.requests.at(-1)!
    expect(sent.path).toBe('/api/v1/transaccion/pagodiferido/actualizar')
    expect(JSON.parse(sent.body)).toEqual({
      IdTx: 96336,
      IdEstatus: 6,
      Observaciones: '',
      Terminal: 'Agencia CCCT, Taquilla 2',
      CodigoAutorizacion: '12345'
    })
    expect(reply).toMatchObject({
      id: 96336,
      statusId: 6,
      statusDescription: 'Tx Exitosa',
      authorizationCode: '12345',
      createdAt: '2022-02-23T18:27:47.195Z'
    })
    expect(luka.notifiesFor(96336)).toHaveLength(1)
  })

  it('reject sends IdEstatus 7 with the reason', async () => {
    await client().notifyDecision({
      transactionId: 96336,
      decision: 'reject',
      note: 'Billete falso',
      terminal: 'T1',
      authorizationCode: ''
    })
    expect(luka.notifiesFor(96336)[0]?.body).toMatchObject({ IdEstatus: 7, Observaciones: 'Billete falso' })
  })

  it('an already processed transaction → PROVIDER_REJECTED with Luka words', async () => {
    luka.transactions.get(96336)!.status = 'success'
    const error = await failure(
      client().notifyDecision({
        transactionId: 96336,
        decision: 'approve',
        note: '',
        terminal: 'T',
        authorizationCode: ''
      })
    )
    expect(error).toMatchObject({
      code: 'PROVIDER_REJECTED',
      httpStatus: 400,
      providerMessage: 'La transacción ya fue procesada'
    })
  })

  it('commit-then-drop surfaces as NETWORK (outcome unknown), while Luka did apply it', async () => {
    luka.inject('notify', 'commitThenDrop')
    const error = await failure(
      client().notifyDecision({
        transactionId: 96336,
        decision: 'approve',
        note: '',
        terminal: 'T',
        authorizationCode: ''
      })
    )
    expect(error.code).toBe('NETWORK')
    expect(luka.notifiesFor(96336)).toHaveLength(1)
  })
})
