import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Deposit } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { Services } from '../../src/main/services'
import { LuxcoreClient } from '../../src/main/luxcore/client'
import { parsePayment } from '../../src/main/luxcore/payment'
import { silentLogger } from '../../src/main/support/log'
import { failure } from '../helpers/failure'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { FakeLuxcore } from '../../src/main/training/fake-luxcore'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

let lux: FakeLuxcore
let luka: FakeLuka
let under: ServicesUnderTest
let services: Services

const start = (env: Record<string, string> = {}) => {
  under = servicesFor(luka.url, {
    timeoutMs: 300,
    env: { LUXCORE_BASE_URL: lux.url, LUXCORE_API_KEY: lux.apiKey, ...env }
  })
  services = under.services
}

beforeEach(async () => {
  lux = new FakeLuxcore()
  await lux.start()
  luka = new FakeLuka()
  await luka.start()
  start()
})

afterEach(async () => {
  await services.dispose()
  await lux.stop()
  await luka.stop()
})

const create = async (method: 'oxxo' | 'cash' = 'oxxo', minor = 123450): Promise<Deposit> => {
  const result = await services.handlers['luxcore.createDeposit']({
    method,
    amount: { minor, currency: 'MXN' },
    description: 'Pedido 77',
    customer: { name: 'Maria Garcia', email: 'maria@example.com', phone: '' }
  })
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result.error)}`)
  return result.value
}

async function until(reference: string, check: (deposit: Deposit) => boolean, timeoutMs = 5_000): Promise<Deposit> {
  const started = Date.now()
  for (;;) {
    const list = await services.handlers['luxcore.deposits'](undefined)
    const deposit = list.ok ? list.value.find((entry) => entry.merchantReference === reference) : undefined
    if (deposit && check(deposit)) return deposit
    if (Date.now() - started > timeoutMs)
      throw new Error(`deposit ${reference} never matched: ${JSON.stringify(deposit)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const client = (key = lux.apiKey) =>
  new LuxcoreClient({
    baseUrl: lux.url,
    apiKey: () => key,
    clock: { now: () => Date.now() },
    log: silentLogger,
    timeoutMs: 500
  })

describe('LuxCore deposits through the services', () => {
  it('creates an OXXO deposit with exactly the documented body, instructions and a barcode', async () => {
    const deposit = await create('oxxo')
    expect(deposit).toMatchObject({ state: 'created', method: 'oxxo', amount: { minor: 123450, currency: 'MXN' } })
    expect(deposit.merchantReference).toMatch(/^AGENCIA-CCCT-[A-Z2-9]{6}-\d{8}-0001$/)
    expect(deposit.payment).toMatchObject({
      status: 'processing',
      fee: { minor: 4321 },
      net: { minor: 119129 },
      terminal: false
    })
    expect(deposit.payment?.instructions).toHaveProperty('oxxo_details')
    expect(deposit.payment?.instructions).toHaveProperty('payment_page')
    expect(deposit.payment?.barcode).toMatch(/^9300\d{14}$/)
    const sent = JSON.parse(lux.requests.find((r) => r.method === 'POST')!.body) as Record<string, unknown>
    expect(sent).toEqual({
      amount: 123450,
      currency: 'MXN',
      method: 'oxxo',
      type: 'deposit',
      merchant_reference: deposit.merchantReference,
      description: 'Pedido 77',
      customer: { name: 'Maria Garcia', email: 'maria@example.com' },
      metadata: { terminal: 'Agencia CCCT, Taquilla 2', operator: 'María Pérez' }
    })
    expect(lux.requests[0]?.apiKey).toBe(lux.apiKey)
  })

  it('creates a cash deposit; a nested barcode object is found; references count up', async () => {
    await create('oxxo')
    const cash = await create('cash', 50000)
    expect(cash.merchantReference).toMatch(/-0002$/)
    expect(cash.payment?.instructions).toHaveProperty('voucher')
    expect(cash.payment?.barcode).toMatch(/^7700\d{14}$/)
  })

  it('LuxCore down: queued at once, created once when it is back', async () => {
    await lux.stop()
    const queued = await create('oxxo')
    expect(queued).toMatchObject({ state: 'queued', payment: null, error: { code: 'NETWORK' } })
    await lux.start()
    const created = await until(queued.merchantReference, (deposit) => deposit.state === 'created')
    expect(created.payment?.transactionId).toMatch(/^pay_/)
    expect(lux.byReference(queued.merchantReference)).toHaveLength(1)
  })

  it.each(['hang', 'unavailable503', 'providerError', 'rate429', 'commitThenDrop'] as const)(
    '%s: the retried create returns the same payment, exactly one exists',
    async (fault) => {
      lux.inject('create', fault)
      const first = await create('cash', 20000)
      const created = await until(first.merchantReference, (deposit) => deposit.state === 'created', 8_000)
      expect(lux.byReference(first.merchantReference)).toHaveLength(1)
      expect(created.payment?.transactionId).toBe(lux.byReference(first.merchantReference)[0]?.transaction_id)
    }
  )

  it('follows the status until it is terminal, reporting each change', async () => {
    const seen: string[] = []
    services.bus.subscribe((name, payload) => {
      if (name === 'luxcore.deposit') seen.push((payload as Deposit).payment?.status ?? 'none')
    })
    const deposit = await create('oxxo')
    lux.advance(deposit.payment!.transactionId, 'completed')
    const done = await until(deposit.merchantReference, (entry) => entry.payment?.status === 'completed')
    expect(done.payment?.terminal).toBe(true)
    expect(seen).toContain('completed')
    const looks = lux.requests.filter(
      (r) => r.method === 'GET' && r.path.includes(deposit.payment!.transactionId)
    ).length
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(
      lux.requests.filter((r) => r.method === 'GET' && r.path.includes(deposit.payment!.transactionId)).length
    ).toBe(looks)
  })

  it('cancels a pending deposit only; one LuxCore already finished is refused and lands on the attention list', async () => {
    const processing = await create('oxxo')
    // deposits start "processing"; the guide allows cancelling "pending" payments only
    expect(
      await services.handlers['luxcore.cancelDeposit']({ merchantReference: processing.merchantReference })
    ).toMatchObject({ ok: false, error: { code: 'NOT_PENDING', providerMessage: 'processing' } })
    lux.advance(processing.payment!.transactionId, 'pending')
    await services.handlers['luxcore.refreshDeposit']({ merchantReference: processing.merchantReference })
    const cancelled = await services.handlers['luxcore.cancelDeposit']({
      merchantReference: processing.merchantReference
    })
    expect(cancelled).toMatchObject({
      ok: true,
      value: { payment: { status: 'cancelled', terminal: true }, cancelling: false }
    })

    const paid = await create('cash', 30000)
    lux.advance(paid.payment!.transactionId, 'pending')
    await services.handlers['luxcore.refreshDeposit']({ merchantReference: paid.merchantReference })
    lux.advance(paid.payment!.transactionId, 'completed') // paid at the store meanwhile
    const refused = await services.handlers['luxcore.cancelDeposit']({ merchantReference: paid.merchantReference })
    expect(refused.ok && refused.value.error).toMatchObject({
      code: 'PROVIDER_REJECTED',
      providerCode: 'PAYMENT_ALREADY_PROCESSED'
    })
    const list = await services.handlers['outbox.list'](undefined)
    const attention = list.ok ? list.value.active.find((item) => item.kind === 'luxcore.cancel') : undefined
    expect(attention?.attention).toEqual({ reason: 'conflict', detail: 'Taquilla: cancel; LuxCore: completed' })
  })

  it('lists with filters and paging, and reads the balance', async () => {
    for (let i = 0; i < 5; i++) await create(i % 2 ? 'cash' : 'oxxo', 10000 + i)
    const page = await services.handlers['luxcore.listPayments']({ method: 'oxxo', limit: 2, offset: 0 })
    expect(page).toMatchObject({ ok: true, value: { total: 3, limit: 2, offset: 0 } })
    expect(page.ok && page.value.items.map((item) => item.method)).toEqual(['oxxo', 'oxxo'])
    const next = await services.handlers['luxcore.listPayments']({ method: 'oxxo', limit: 2, offset: 2 })
    expect(next.ok && next.value.items).toHaveLength(1)
    // the status tracker polls in the background: look at the last *list* request
    const lists = lux.requests.filter((request) => request.method === 'GET' && request.path === '/api/v1/payments')
    expect(lists.at(-1)?.query).toEqual({ limit: '2', offset: '2', method: 'oxxo' })
    const balance = await services.handlers['luxcore.balance']({ currency: 'MXN' })
    expect(balance).toEqual({
      ok: true,
      value: {
        currency: 'MXN',
        balance: { minor: 1523400, currency: 'MXN' },
        available: { minor: 1400000, currency: 'MXN' },
        frozen: { minor: 123400, currency: 'MXN' }
      }
    })
  })

  it('a wrong key is BAD_CREDENTIALS and the deposit waits queued (never lost) until the key is fixed', async () => {
    await services.dispose()
    start({ LUXCORE_API_KEY: 'qp_prod_sk_wrong' })
    const status = await services.handlers['luxcore.status'](undefined)
    expect(status).toMatchObject({ ok: true, value: { configured: true, keyMode: 'live' } })
    const deposit = await create('oxxo')
    expect(deposit).toMatchObject({
      state: 'queued',
      error: { code: 'BAD_CREDENTIALS', providerCode: 'INVALID_API_KEY' }
    })
  })
})

describe('LuxCore client and parsing', () => {
  const body = (reference: string, overrides: Record<string, unknown> = {}) => ({
    amount: 10000,
    currency: 'MXN',
    method: 'oxxo',
    type: 'deposit' as const,
    merchant_reference: reference,
    ...overrides
  })

  it('two counters with labels that look alike never share a merchant reference', async () => {
    const { DepositBook } = await import('../../src/main/luxcore/deposits')
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const book = () =>
      new DepositBook(join(mkdtempSync(join(tmpdir(), 'dep-')), 'deposits.jsonl'), { now: () => Date.now() })
    const a = book().nextReference('Agencia Centro Comercial CCCT, Taquilla 1', 'K7Q4ZP', () => false)
    const b = book().nextReference('Agencia Centro Comercial CCCT, Taquilla 2', 'M3XW9A', () => false)
    expect(a).not.toBe(b)
    expect(a).toMatch(/^AGENCIA-CENT-K7Q4ZP-\d{8}-0001$/)
  })

  it('a create reply for another payment (same reference reused elsewhere) goes to a person, not to the teller as theirs', async () => {
    await services.dispose()
    start()
    const first = await create('oxxo', 10000)
    // someone else's payment now answers this reference: LuxCore returns it on a repeat
    lux.payments.get(first.payment!.transactionId)!.amount = 99999
    const { luxcoreCreateDelivery } = await import('../../src/main/luxcore/delivery')
    const delivery = luxcoreCreateDelivery(() => client())
    const error = await failure(
      delivery.send(
        {
          amount: 10000,
          currency: 'MXN',
          method: 'oxxo',
          type: 'deposit',
          merchant_reference: first.merchantReference
        },
        null
      )
    )
    expect(error).toMatchObject({ code: 'REPLY_MISMATCH', provider: 'luxcore' })
  })

  it('a duplicate merchant_reference returns the same payment', async () => {
    const first = await client().createPayment(body('REF-1'))
    const second = await client().createPayment(body('REF-1'))
    expect(second.transactionId).toBe(first.transactionId)
    expect(lux.payments.size).toBe(1)
  })

  it('maps documented errors with LuxCore own words', async () => {
    expect(await failure(client().createPayment(body('R2', { currency: 'EUR' })))).toMatchObject({
      code: 'PROVIDER_REJECTED',
      httpStatus: 422,
      providerCode: 'UNSUPPORTED_CURRENCY',
      providerMessage: 'Currency EUR is not supported'
    })
    expect(await failure(client().createPayment(body('R3', { amount: 12.5 })))).toMatchObject({
      code: 'PROVIDER_REJECTED',
      providerCode: 'VALIDATION_ERROR'
    })
    expect(await failure(client().createPayment(body('R4', { amount: 99_000_000 })))).toMatchObject({
      providerCode: 'LIMIT_EXCEEDED'
    })
    const valid = lux.apiKey
    lux.apiKey = 'rotated-on-the-server'
    expect(await failure(client(valid).createPayment(body('R5')))).toMatchObject({
      code: 'BAD_CREDENTIALS',
      httpStatus: 401,
      providerCode: 'INVALID_API_KEY'
    })
    lux.inject('get', 'providerError')
    lux.apiKey = valid
    expect(await failure(client().getPayment('x'))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      providerCode: 'PROVIDER_ERROR'
    })
    expect(await failure(client().listPayments({ limit: 101, offset: 0 }))).toMatchObject({
      providerCode: 'VALIDATION_ERROR'
    })
    lux.inject('get', 'unavailable503')
    expect(await failure(client().getPayment('x'))).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      httpStatus: 503,
      retryAfterMs: 3_000
    })
  })

  it('never crashes on unexpected instruction shapes', () => {
    const odd = parsePayment({
      transaction_id: 'pay_1',
      status: 'PROCESSING',
      amount: '150000',
      currency: 'mxn',
      weird: { deep: { deeper: { deepest: { gone: { too: 'deep' } } } } },
      list: [1, null, { a: 'b' }],
      huge: 'x'.repeat(10_000),
      bank_details: { account_number: '646180157000000001', swift_code: null },
      nan: Number.NaN,
      flag: true,
      barcode_data: { value: '123456789012' }
    })
    expect(odd).toMatchObject({
      transactionId: 'pay_1',
      status: 'processing',
      amount: { minor: 150000, currency: 'MXN' },
      barcode: '123456789012'
    })
    expect(String(odd.instructions['huge']).length).toBe(2_000)
    expect(() => parsePayment({ status: 'x' })).toThrow(AppFailure)
    expect(() => parsePayment('nonsense')).toThrow(AppFailure)
  })
})
