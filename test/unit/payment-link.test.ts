import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LukaClient, type SendTrack } from '../../src/main/luka/client'
import { linkBody, type LinkRequest } from '../../src/main/luka/link'
import { silentLogger } from '../../src/main/support/log'
import { failure } from '../helpers/failure'
import { FakeLuka } from '../../src/main/training/fake-luka'

let luka: FakeLuka
const clock = { now: () => Date.now() }

const client = (timeoutMs = 2_000) =>
  new LukaClient({
    baseUrl: luka.url,
    credentials: () => ({ username: 'cajero', password: 's3creta-clave' }),
    clock,
    log: silentLogger,
    timeoutMs
  })

const request = (overrides: Partial<LinkRequest> = {}): LinkRequest => ({
  amount: { minor: 1220, currency: 'USD' },
  methods: ['zelle'],
  trace: 'AGENCIA-CCCT-K7Q4ZP-20261206-L0001',
  name: '',
  email: 'ejemplo@mail.com',
  ...overrides
})

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
})
afterEach(async () => {
  await luka.stop()
})

describe('POST /api/v1/link/token (luka-payment-link.txt)', () => {
  it('sends the documented body with the bearer token and reads Location, id-link and nro-orden', async () => {
    const track: SendTrack = { sent: false }
    const created = await client().createPaymentLink(request(), track)
    const [link] = luka.links
    expect(created).toEqual({ url: link!.url, linkId: link!.id, orderNumber: '3372' })
    expect(created.url).toMatch(/^https:\/\/qa\.lukapay\.me\/payco\/[0-9a-f-]{36}$/)
    expect(link!.raw).toContain('"Monto":12.20,')
    expect(link!.body).toEqual({
      Monto: 12.2,
      MonedaCodigo: 'USD',
      MetodosPago: ['zelle'],
      IdTraza: 'AGENCIA-CCCT-K7Q4ZP-20261206-L0001',
      Email: 'ejemplo@mail.com'
    })
    const post = luka.requests.find((r) => r.path === '/api/v1/link/token')
    expect(post?.method).toBe('POST')
    expect(post?.authorization).toMatch(/^Bearer eyJ/)
    expect(track.sent).toBe(true)
  })

  it('omits MetodosPago when no keys are configured, and sends Nombre when given', async () => {
    await client().createPaymentLink(request({ methods: [], email: '', name: 'Carnet 4411' }), { sent: false })
    expect(luka.links[0]!.body).toEqual({
      Monto: 12.2,
      MonedaCodigo: 'USD',
      IdTraza: 'AGENCIA-CCCT-K7Q4ZP-20261206-L0001',
      Nombre: 'Carnet 4411'
    })
  })

  it("a 400 carries Luka's Código and Mensaje", async () => {
    const error = await failure(client().createPaymentLink(request({ email: 'no-es-correo' }), { sent: false }))
    expect(error).toMatchObject({
      code: 'PROVIDER_REJECTED',
      httpStatus: 400,
      providerCode: '400',
      providerMessage: 'Correo electrónico inválido'
    })
    expect(luka.links).toHaveLength(0)
  })

  it('on a 401 signs in again once and creates exactly one link', async () => {
    const lukaClient = client()
    await lukaClient.signIn()
    luka.expireTokens()
    const track: SendTrack = { sent: false }
    await lukaClient.createPaymentLink(request(), track)
    expect(luka.logins).toHaveLength(2)
    expect(luka.requests.filter((r) => r.path === '/api/v1/link/token')).toHaveLength(2)
    expect(luka.links).toHaveLength(1)
  })

  it('a 401 answered twice is UNAUTHORIZED, and nothing was sent that Luka accepted', async () => {
    luka.inject('link', 'unauthorized', 2)
    const track: SendTrack = { sent: false }
    const error = await failure(client().createPaymentLink(request(), track))
    expect(error.code).toBe('UNAUTHORIZED')
    expect(track.sent).toBe(false)
  })

  it('a dropped connection after Luka created the link is a failure with track.sent set, never retried', async () => {
    luka.inject('link', 'commitThenDrop')
    const track: SendTrack = { sent: false }
    const error = await failure(client().createPaymentLink(request(), track))
    expect(error.code).toBe('NETWORK')
    expect(track.sent).toBe(true)
    expect(luka.links).toHaveLength(1)
    expect(luka.requests.filter((r) => r.path === '/api/v1/link/token')).toHaveLength(1)
  })

  it('a 201 without Location is a malformed response', async () => {
    luka.inject('link', 'malformed')
    const error = await failure(client().createPaymentLink(request(), { sent: false }))
    expect(error.code).toBe('MALFORMED_RESPONSE')
  })
})

describe('Monto is the exact decimal value of the minor units', () => {
  const exponents: Record<string, number> = { USD: 2, VES: 2, JPY: 0, BHD: 3 }
  /** independent of money.ts: integer division on BigInt */
  const expected = (minor: number, exponent: number): string => {
    if (exponent === 0) return String(minor)
    const scale = 10n ** BigInt(exponent)
    const big = BigInt(minor)
    return `${big / scale}.${(big % scale).toString().padStart(exponent, '0')}`
  }

  it('for every amount and currency, the JSON number text is exact and the body stays valid JSON', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...Object.keys(exponents)),
        (minor, currency) => {
          const body = linkBody(request({ amount: { minor, currency } }))
          const monto = /^\{"Monto":([^,]+),/.exec(body)?.[1]
          expect(monto).toBe(expected(minor, exponents[currency]!))
          const parsed = JSON.parse(body) as Record<string, unknown>
          expect(typeof parsed['Monto']).toBe('number')
          expect(parsed['MonedaCodigo']).toBe(currency)
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('amounts that a float would print differently keep their exact text', () => {
    expect(linkBody(request({ amount: { minor: 1220, currency: 'USD' } }))).toMatch(/^\{"Monto":12\.20,/)
    expect(linkBody(request({ amount: { minor: 1, currency: 'USD' } }))).toMatch(/^\{"Monto":0\.01,/)
    expect(linkBody(request({ amount: { minor: 9007199254740991, currency: 'USD' } }))).toMatch(
      /^\{"Monto":90071992547409\.91,/
    )
  })
})
