import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Lox24Client, topupJson } from '../../src/main/lox24/client'
import { Lox24Gate } from '../../src/main/lox24/gate'
import { parseAccount, parseSmsDelivery, parseTopupPage, parseTopupPayment } from '../../src/main/lox24/parse'
import { silentLogger } from '../../src/main/support/log'
import { failure } from '../helpers/failure'
import { FakeLox24, REJECTED, SENTENCES } from '../../src/main/training/fake-lox24'

let lox: FakeLox24
let now: number
let gate: Lox24Gate
const clock = { now: () => now }

beforeEach(async () => {
  lox = new FakeLox24()
  await lox.start()
  now = Date.now()
  gate = new Lox24Gate(clock)
})
afterEach(() => lox.stop())

const client = (token = lox.token, timeoutMs = 500) =>
  new Lox24Client({ baseUrl: lox.url, token: () => token, gate, clock, log: silentLogger, timeoutMs })

const sms = {
  text: 'Recibo: 12,50 USD',
  sender_id: 'Taquilla',
  phone: '+584121234567',
  callback_data: 'item-1',
  is_unicode: false
}

describe('LOX24 client against the fake', () => {
  it('POST /sms sends the documented body with X-LOX24-AUTH-TOKEN; GET /sms/{uuid} follows it to delivered', async () => {
    const sent = await client().sendSms(sms)
    expect(sent.uuid).toMatch(/^[0-9a-f-]{36}$/)
    expect(sent.delivery).toMatchObject({ state: 'accepted', final: false })
    const request = lox.requests[0]!
    expect(request).toMatchObject({ method: 'POST', path: '/sms', token: lox.token })
    expect(JSON.parse(request.body)).toEqual(sms)
    expect(await client().smsStatus(sent.uuid)).toMatchObject({ state: 'transmitted', dlrCode: 4, final: false })
    expect(await client().smsStatus(sent.uuid)).toMatchObject({ state: 'delivered', dlrCode: 1, final: true })
    expect(lox.sms.get(sent.uuid)).toMatchObject({ phone: '+584121234567', callback_data: 'item-1' })
  })

  it('a rejected SMS ends as failed; an unknown uuid is NOT_FOUND', async () => {
    lox.smsSteps = REJECTED
    const { uuid } = await client().sendSms(sms)
    await client().smsStatus(uuid)
    expect(await client().smsStatus(uuid)).toMatchObject({ state: 'failed', dlrCode: 16, final: true })
    expect(await failure(client().smsStatus('nope'))).toMatchObject({ code: 'NOT_FOUND', provider: 'lox24' })
  })

  it('GET /me: the credit exactly in minor units; GET /payment-methods: mandate and cards', async () => {
    lox.balance = 1603
    expect(await client().account()).toEqual({ balance: { minor: 1603, currency: 'EUR' } })
    expect(await client().paymentMethods()).toEqual({
      sepa: { id: 12, ibanMasked: 'DE89 **** **** **** 3000' },
      cards: [
        { id: 94, brand: 'visa', last4: '4242', expMonth: 12, expYear: 2029 },
        { id: 95, brand: 'mastercard', last4: '0002', expMonth: 3, expYear: 2027 }
      ]
    })
  })

  it('POST /payments writes net_val as the exact decimal; amount, VAT and fee come back; status moves to done with an invoice', async () => {
    const created = await client().createPayment({ net_val: '25.00', type: 'stored_card', method_id: 94 })
    expect(lox.requests.at(-1)!.body).toBe('{"net_val":25.00,"type":"stored_card","method_id":94}')
    expect(created).toMatchObject({
      status: 0,
      statusName: 'new',
      final: false,
      net: { minor: 2500, currency: 'EUR' },
      vat: { minor: 475 },
      fee: { minor: 38 },
      amount: { minor: 3013 },
      type: 91,
      invoice: null
    })
    expect(await client().getPayment(created.id)).toMatchObject({ statusName: 'inProgress', final: false })
    const done = await client().getPayment(created.id)
    expect(done).toMatchObject({ status: 100, statusName: 'done', final: true, invoice: '/invoices/456' })
    expect(done.completedAt).not.toBeNull()
    const page = await client().listPayments()
    expect(page).toMatchObject({ total: 1, items: [{ id: created.id, status: 100 }] })
  })

  it('a declined card ends in status 1000 with LOX24 error text', async () => {
    const created = await client().createPayment({ net_val: '10.00', type: 'stored_card', method_id: 95 })
    await client().getPayment(created.id)
    expect(await client().getPayment(created.id)).toMatchObject({
      statusName: 'error',
      final: true,
      error: 'Card declined by the issuing bank'
    })
  })

  it('402 and 422 in LOX24 own words', async () => {
    lox.balance = 0
    expect(await failure(client().sendSms(sms))).toMatchObject({
      code: 'PROVIDER_REJECTED',
      providerCode: 'NOT_ENOUGH_FUNDS',
      httpStatus: 402,
      providerMessage: SENTENCES[402]
    })
    const bad = await failure(client().sendSms({ ...sms, phone: '04121234567' }))
    expect(bad).toMatchObject({ code: 'PROVIDER_REJECTED', providerCode: 'SEMANTIC_ERROR', httpStatus: 422 })
    expect(bad.providerMessage).toContain('phone: This value is not a valid phone number.')
    const mismatch = await failure(client().createPayment({ net_val: '5.00', type: 'sepa', method_id: 94 }))
    expect(mismatch.providerMessage).toContain('method_id')
  })

  it('401: reported once in LOX24 words, then never sent again with that token (no IP block)', async () => {
    const wrong = client('client123:wrong')
    const first = await failure(wrong.account())
    expect(first).toMatchObject({ code: 'BAD_CREDENTIALS', httpStatus: 401, providerMessage: SENTENCES[401] })
    for (let i = 0; i < 5; i++) {
      expect(await failure(wrong.sendSms(sms))).toMatchObject({ code: 'BAD_CREDENTIALS', reason: 'held' })
    }
    expect(lox.requests).toHaveLength(1)
    expect(lox.blockedUntil).toBe(0)
    // another token goes through; a person asking again lets one more through
    expect(await client().account()).toMatchObject({ balance: { currency: 'EUR' } })
    gate.reset()
    await failure(wrong.account())
    expect(lox.requests).toHaveLength(3)
  })

  it('403 (account not activated) is held the same way', async () => {
    lox.activated = false
    expect(await failure(client().account())).toMatchObject({
      code: 'BAD_CREDENTIALS',
      providerCode: 'ACCOUNT_NOT_ACTIVATED',
      providerMessage: SENTENCES[403]
    })
    expect(await failure(client().paymentMethods())).toMatchObject({ reason: 'held' })
    expect(lox.requests).toHaveLength(1)
  })

  it('429 with Retry-After: nothing goes to LOX24 until it has passed', async () => {
    lox.inject('me', 'rate429')
    expect(await failure(client().account())).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000 })
    now += 1_500
    expect(await failure(client().sendSms(sms))).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'held',
      retryAfterMs: 500
    })
    expect(lox.requests).toHaveLength(1)
    now += 600
    expect(await client().account()).toBeTruthy()
    expect(lox.requests).toHaveLength(2)
  })

  it('429 without Retry-After (the bad-login block): 10 minutes', async () => {
    lox.blockedUntil = Date.now() + 60_000
    lox.retryAfterSeconds = null
    expect(await failure(client().account())).toMatchObject({
      code: 'RATE_LIMITED',
      providerCode: 'IP_BLOCKED',
      retryAfterMs: 600_000,
      providerMessage: SENTENCES[429]
    })
    expect(gate.blockedUntilMs()).toBe(now + 600_000)
  })

  it.each([
    ['refuse', 'NETWORK'],
    ['hang', 'TIMEOUT'],
    ['unavailable503', 'PROVIDER_UNAVAILABLE'],
    ['commitThenDrop', 'NETWORK']
  ] as const)('%s → %s, provider lox24', async (fault, code) => {
    lox.inject('sms.send', fault)
    const error = await failure(client().sendSms(sms))
    expect(error).toMatchObject({ code, provider: 'lox24' })
    if (fault === 'unavailable503') expect(error.providerMessage).toBe('503 Service Temporarily Unavailable')
    // commit-then-drop: LOX24 has it although we never heard back
    expect(lox.sms.size).toBe(fault === 'commitThenDrop' ? 1 : 0)
  })
})

describe('lenient LOX24 parsing', () => {
  it('numbers as strings, comma decimals, JSON-LD ids, member without prefix', () => {
    expect(parseAccount({ balance_amount: '12,50', currency: 'chf' })).toEqual({
      balance: { minor: 1250, currency: 'CHF' }
    })
    expect(parseAccount({ balance_amount: 16.03, currency: 'EUR' }).balance.minor).toBe(1603)
    expect(parseTopupPayment({ '@id': '/payments/7', status: '100', net_val: '50.00', currency: 'EUR' })).toMatchObject(
      {
        id: 7,
        statusName: 'done',
        final: true,
        net: { minor: 5000 }
      }
    )
    expect(parseTopupPayment({ id: 8, status: 42 })).toMatchObject({ statusName: 'unknown', final: false })
    expect(parseTopupPage({ member: [{ id: 1, status: 0 }, { nope: true }], totalItems: 2 })).toMatchObject({
      items: [{ id: 1 }],
      total: 2
    })
    expect(parseSmsDelivery({ status_code: 3000, dlr_code: 0 })).toMatchObject({ state: 'failed', final: true })
    expect(parseSmsDelivery({ status_code: '100', dlr_code: '8' })).toMatchObject({ state: 'failed' })
  })

  it('refuses a net_val that is not an exact 2-decimal amount', () => {
    expect(() => topupJson({ net_val: '25', type: 'sepa', method_id: 1 })).toThrow()
    expect(() => topupJson({ net_val: '1e3', type: 'sepa', method_id: 1 })).toThrow()
  })
})
