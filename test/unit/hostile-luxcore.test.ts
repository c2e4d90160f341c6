import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Deposit } from '@shared/contract'
import type { Services } from '../../src/main/services'
import { LuxcoreClient, type CreatePaymentBody } from '../../src/main/luxcore/client'
import { silentLogger } from '../../src/main/support/log'
import { failure } from '../helpers/failure'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { FakeLuxcore } from '../../src/main/training/fake-luxcore'
import type { FakeReply } from '../../src/main/training/loopback-server'
import { servicesFor } from '../helpers/services'

/** Every LuxCore call against replies about something else: id, reference, amount, currency. */
let lux: FakeLuxcore
let luka: FakeLuka
let services: Services

beforeEach(async () => {
  lux = new FakeLuxcore()
  await lux.start()
  luka = new FakeLuka()
  await luka.start()
  services = servicesFor(luka.url, {
    timeoutMs: 300,
    env: { LUXCORE_BASE_URL: lux.url, LUXCORE_API_KEY: lux.apiKey }
  }).services
})

afterEach(async () => {
  await services.dispose()
  await lux.stop()
  await luka.stop()
})

const client = () =>
  new LuxcoreClient({
    baseUrl: lux.url,
    apiKey: () => lux.apiKey,
    clock: { now: () => Date.now() },
    log: silentLogger,
    timeoutMs: 500
  })
const body = (reference: string, amount = 150_00): CreatePaymentBody => ({
  amount,
  currency: 'MXN',
  method: 'oxxo',
  type: 'deposit',
  merchant_reference: reference
})
const rewrite =
  (change: (payment: Record<string, unknown>) => Record<string, unknown>) =>
  (reply: FakeReply): FakeReply => ({ ...reply, body: change(reply.body as Record<string, unknown>) })
const mismatch = { code: 'REPLY_MISMATCH', provider: 'luxcore' }

describe('create', () => {
  it.each<[string, Record<string, unknown>]>([
    ['another merchant reference', { merchant_reference: 'SOMEONE-ELSE-0001' }],
    ['another amount', { amount: 150_01 }],
    ['another currency', { currency: 'ARS' }],
    ['no currency at all', { currency: null }],
    ['another method', { method: 'cash' }],
    ['a zero amount', { amount: 0 }],
    ['an amount past the safe range', { amount: 10 ** 13 }]
  ])('a reply with %s is refused', async (_, change) => {
    lux.injectReply(
      'create',
      rewrite((payment) => ({ ...payment, ...change }))
    )
    expect(await failure(client().createPayment(body('REF-C1')))).toMatchObject(mismatch)
  })

  it('an amount that is not minor units is unreadable, not guessed', async () => {
    lux.injectReply(
      'create',
      rewrite((payment) => ({ ...payment, amount: '1,500.00' }))
    )
    expect(await failure(client().createPayment(body('REF-C2')))).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })

  it('the documented reply (no merchant_reference echoed) is accepted', async () => {
    lux.injectReply(
      'create',
      rewrite(({ merchant_reference: _, ...payment }) => payment)
    )
    expect(await client().createPayment(body('REF-C3'))).toMatchObject({ amount: { minor: 150_00, currency: 'MXN' } })
  })

  it('through the outbox: the deposit goes to a person with LuxCore’s figures, it is not shown as created', async () => {
    lux.injectReply(
      'create',
      rewrite((payment) => ({ ...payment, amount: 999_00 }))
    )
    const result = await services.handlers['luxcore.createDeposit']({
      method: 'cash',
      amount: { minor: 150_00, currency: 'MXN' },
      description: '',
      customer: { name: '', email: '', phone: '' }
    })
    const deposit = result.ok ? result.value : null
    expect(deposit).toMatchObject({ state: 'attention', payment: null, error: mismatch })
    expect(deposit?.error?.providerMessage).toContain('99900 MXN')
    const list = await services.handlers['outbox.list'](undefined)
    const item = list.ok
      ? list.value.active.find((entry) => entry.subject.merchantReference === deposit?.merchantReference)
      : null
    expect(item?.attention?.reason).toBe('unverified')
  })
})

describe('get, list, cancel, balance', () => {
  it('a get answered with another payment is refused', async () => {
    const first = await client().createPayment(body('REF-G1'))
    const other = await client().createPayment(body('REF-G2', 200_00))
    lux.injectReply('get', { status: 200, body: lux.payments.get(other.transactionId) })
    expect(await failure(client().getPayment(first.transactionId))).toMatchObject(mismatch)
  })

  it('a status poll whose amount or reference changed under the same id is refused', async () => {
    const first = await client().createPayment(body('REF-G3'))
    lux.injectReply(
      'get',
      rewrite((payment) => ({ ...payment, amount: 1_00 }))
    )
    expect(await failure(client().getPayment(first.transactionId, first))).toMatchObject(mismatch)
    lux.injectReply(
      'get',
      rewrite((payment) => ({ ...payment, merchant_reference: 'REF-OTHER' }))
    )
    expect(await failure(client().getPayment(first.transactionId, first))).toMatchObject(mismatch)
    expect(await client().getPayment(first.transactionId, first)).toMatchObject({ transactionId: first.transactionId })
  })

  it.each<[string, Record<string, unknown>]>([
    ['a row of another status than the one asked', { status: 'completed' }],
    ['a row of another method than the one asked', { method: 'spei' }],
    ['a row with a negative amount', { amount: -5_00 }]
  ])('a list with %s is refused as a whole', async (_, change) => {
    await client().createPayment(body('REF-L1'))
    lux.injectReply(
      'list',
      rewrite((page) => ({
        ...page,
        data: (page['data'] as Record<string, unknown>[]).map((row) => ({ ...row, ...change }))
      }))
    )
    const query = { status: 'processing', method: 'oxxo', limit: 20, offset: 0 }
    expect(await failure(client().listPayments(query))).toMatchObject(mismatch)
  })

  it('a cancel answered with another payment is refused, and nothing was cancelled', async () => {
    const first = await client().createPayment(body('REF-X1'))
    lux.advance(first.transactionId, 'pending')
    const other = await client().createPayment(body('REF-X2', 300_00))
    lux.injectReply('cancel', { status: 200, body: { ...lux.payments.get(other.transactionId), status: 'cancelled' } })
    expect(await failure(client().cancelPayment(first.transactionId))).toMatchObject(mismatch)
    expect(lux.payments.get(first.transactionId)?.status).toBe('pending')
  })

  it('a cancel through the outbox answered about another payment, the payment still pending: a person gets both', async () => {
    const created = await services.handlers['luxcore.createDeposit']({
      method: 'cash',
      amount: { minor: 150_00, currency: 'MXN' },
      description: '',
      customer: { name: '', email: '', phone: '' }
    })
    const deposit = created.ok ? created.value : (null as unknown as Deposit)
    const id = deposit.payment!.transactionId
    lux.advance(id, 'pending')
    await services.handlers['luxcore.refreshDeposit']({ merchantReference: deposit.merchantReference })
    lux.injectReply('cancel', {
      status: 200,
      body: { ...lux.payments.get(id), transaction_id: 'pay_other', status: 'cancelled' }
    })
    const cancelled = await services.handlers['luxcore.cancelDeposit']({ merchantReference: deposit.merchantReference })
    expect(cancelled).toMatchObject({ ok: true, value: { payment: { status: 'pending' } } })
    const list = await services.handlers['outbox.list'](undefined)
    const item = list.ok ? list.value.active.find((entry) => entry.kind === 'luxcore.cancel') : null
    expect(item).toMatchObject({ state: 'attention', attention: { reason: 'unverified' }, lastError: mismatch })
    expect(item?.lastError?.providerMessage).toContain('pay_other')
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['another currency', { currency: 'USD' }, 'REPLY_MISMATCH'],
    ['a missing figure (not zero)', { available_amount: undefined }, 'MALFORMED_RESPONSE'],
    ['a figure past the safe range', { balance_amount: '90071992547409' }, 'REPLY_MISMATCH'],
    ['a decimal figure', { frozen_amount: '1234.00' }, 'MALFORMED_RESPONSE']
  ])('a balance with %s is refused', async (_, change, code) => {
    lux.injectReply(
      'balance',
      rewrite((balance) => ({ ...balance, ...change }))
    )
    expect(await failure(client().balance('MXN'))).toMatchObject({ code, provider: 'luxcore' })
  })

  it('a 403 with LuxCore’s error body is its refusal in its words', async () => {
    lux.injectReply('balance', {
      status: 403,
      body: { statusCode: 403, message: 'Key not allowed here', error: 'FORBIDDEN' }
    })
    expect(await failure(client().balance('MXN'))).toEqual({
      code: 'PROVIDER_REJECTED',
      provider: 'luxcore',
      httpStatus: 403,
      providerCode: 'FORBIDDEN',
      providerMessage: 'Key not allowed here'
    })
  })
})
