import { createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fetchTransport } from '../../src/main/http/fetch-transport'
import { LukaClient } from '../../src/main/luka/client'
import { silentLogger } from '../../src/main/support/log'
import { failure } from '../helpers/failure'
import { FakeLuka } from '../../src/main/training/fake-luka'

/**
 * The axios adapter the app runs over Electron's net.fetch, driven here by Node's own fetch
 * against the fake Luka: the Luka client must behave exactly as with axios' Node adapter.
 */
let luka: FakeLuka
const calls: string[] = []
const transport = fetchTransport((url, init) => {
  calls.push(`${init.method} ${new URL(url).pathname}${new URL(url).search}`)
  return fetch(url, init)
})

const client = (baseUrl = luka.url, timeoutMs = 1_500) =>
  new LukaClient({
    baseUrl,
    credentials: () => ({ username: 'cajero', password: 's3creta-clave' }),
    clock: { now: () => Date.now() },
    log: silentLogger,
    timeoutMs,
    transport
  })

beforeEach(async () => {
  calls.length = 0
  luka = new FakeLuka()
  await luka.start()
  luka.addTransaction({ id: 96336, reference: '6567704', authorizationCode: 'kjfkgds874k', amount: 7.99 })
})

afterEach(async () => {
  await luka.stop()
})

describe('fetch transport (net.fetch in the app)', () => {
  it('signs in, sends the bearer and the query, and reads the reply', async () => {
    const payment = await client().lookupDeferredPayment({ by: 'reference', value: '6567704' })
    expect(payment.transactionId).toBe(96336)
    expect(calls).toEqual([
      'POST /api/v1/servicio/login',
      'GET /api/v1/transaccion/pagodiferido?referenciaPago=6567704'
    ])
    expect(luka.requests[1]?.authorization).toMatch(/^Bearer eyJ/)
    expect(JSON.parse(luka.requests[0]!.body)).toEqual({ Username: 'cajero', Password: 's3creta-clave' })
  })

  it('returns error statuses to the client (an HTML 503 is "provider unavailable")', async () => {
    luka.inject('lookup', 'html503')
    const error = await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', httpStatus: 503 })
  })

  it('passes Retry-After through (headers reach the client)', async () => {
    luka.inject('lookup', 'rate429')
    const error = await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2_000 })
  })

  it('a hanging server is a TIMEOUT within the bound', async () => {
    luka.inject('lookup', 'hang')
    const error = await failure(client(luka.url, 300).lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error.code).toBe('TIMEOUT')
  })

  it('connection refused keeps its code, so the outbox knows the write never left', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    const error = await failure(
      client(`http://127.0.0.1:${port}`).lookupDeferredPayment({ by: 'reference', value: '1' })
    )
    expect(error).toMatchObject({ code: 'NETWORK', providerCode: 'ECONNREFUSED' })
  })

  it('a dropped connection is NETWORK with a reset code (maybe applied: verify first)', async () => {
    luka.inject('lookup', 'refuse')
    const error = await failure(client().lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error.code).toBe('NETWORK')
    expect(error.providerCode).not.toBe('ECONNREFUSED')
  })
})
