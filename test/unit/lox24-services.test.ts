import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SmsRecord, Topup } from '@shared/contract'
import type { Services } from '../../src/main/services'
import type { Authorize } from '../../src/main/operators/approval'
import { AppFailure } from '@shared/errors'
import { FakeLox24, SENTENCES } from '../../src/main/training/fake-lox24'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

let lox: FakeLox24
let luka: FakeLuka
let under: ServicesUnderTest
let services: Services

const start = (env: Record<string, string> = {}, authorize?: Authorize) => {
  under = servicesFor(luka.url, {
    timeoutMs: 300,
    env: { LOX24_BASE_URL: lox.url, LOX24_TOKEN: lox.token, LOX24_SENDER: 'Taquilla', ...env },
    authorize
  })
  services = under.services
}

beforeEach(async () => {
  lox = new FakeLox24()
  await lox.start()
  luka = new FakeLuka()
  await luka.start()
  start()
})

afterEach(async () => {
  await services.dispose()
  await lox.stop()
  await luka.stop()
})

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function send(phone = '0412-123.45.67', text = 'Agencia CCCT: pago 12,50 USD recibido. Ref 96336.') {
  const result = await services.handlers['lox24.sendSms']({ about: { kind: 'luka', ref: '96336' }, phone, text })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

async function until<T>(
  read: () => Promise<T | undefined>,
  check: (value: T) => boolean,
  timeoutMs = 5_000
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (value !== undefined && check(value)) return value
    if (Date.now() - started > timeoutMs) throw new Error(`never matched: ${JSON.stringify(value)}`)
    await wait(20)
  }
}

const smsUntil = (id: string, check: (record: SmsRecord) => boolean) =>
  until<SmsRecord>(async () => {
    const list = await services.handlers['lox24.smsList'](undefined)
    return list.ok ? list.value.find((record) => record.id === id) : undefined
  }, check)
const topupUntil = (id: string, check: (topup: Topup) => boolean) =>
  until<Topup>(async () => {
    const list = await services.handlers['lox24.topups'](undefined)
    return list.ok ? list.value.find((topup) => topup.id === id) : undefined
  }, check)

const journal = async () => {
  const page = await services.handlers['journal.query']({ text: '', offset: 0, limit: 500 })
  if (!page.ok) throw new Error('journal')
  return page.value.items
}

describe('SMS receipts through the outbox', () => {
  it('sends the documented body (E.164, is_unicode, callback_data), then follows the DLR to delivered; journal masks the phone', async () => {
    const sent = await send('0412-123.45.67', 'Pago recibido: 12,50 USD. Operación 96336.')
    expect(sent).toMatchObject({ state: 'sent', phoneMasked: '+••••••••4567', unicode: true, segments: 1 })
    const body = JSON.parse(lox.requests.find((r) => r.method === 'POST')!.body) as Record<string, unknown>
    expect(body).toEqual({
      text: 'Pago recibido: 12,50 USD. Operación 96336.',
      sender_id: 'Taquilla',
      phone: '+584121234567',
      callback_data: 'luka:96336',
      is_unicode: true
    })
    const delivered = await smsUntil(sent.id, (record) => record.delivery?.state === 'delivered')
    expect(delivered.uuid).toBe(lox.sent()[0]!.uuid)
    const entries = await journal()
    const smsEntries = entries.filter((entry) => entry.action === 'sms' || entry.action === 'smsDelivery')
    expect(smsEntries.map((entry) => entry.result).sort()).toEqual(['accepted', 'delivered', 'sent'])
    expect(JSON.stringify(entries)).not.toContain('4121234567')
    expect(smsEntries[0]).toMatchObject({ refs: { transactionId: 96336 }, detail: { phone: '+••••••••4567' } })
  })

  it('is on disk before the first attempt', async () => {
    lox.inject('sms.send', 'hang')
    const pending = services.handlers['lox24.sendSms']({
      about: { kind: 'luka', ref: '1' },
      phone: '+525512345678',
      text: 'x'
    })
    await until(
      async () => lox.requests.length,
      (n) => n === 1
    )
    expect(readFileSync(join(under.dataDir, 'outbox.log'), 'utf8')).toContain('"kind":"lox24.sms"')
    await pending
  })

  it.each(['commitThenDrop', 'hang', 'unavailable503'] as const)(
    '%s: outcome unknown → "not confirmed", never sent again by itself; the teller may send it again',
    async (fault) => {
      lox.inject('sms.send', fault)
      const first = await send()
      const unconfirmed = await smsUntil(first.id, (record) => record.state === 'unconfirmed')
      expect(unconfirmed.uuid).toBeNull()
      await wait(600) // many backoff periods of the test policy (20–200 ms)
      expect(lox.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
      expect(lox.sent()).toHaveLength(fault === 'commitThenDrop' ? 1 : 0)
      const list = await services.handlers['outbox.list'](undefined)
      expect(list.ok && list.value.active[0]).toMatchObject({
        state: 'attention',
        attention: { reason: 'unconfirmed' }
      })
      // the teller's retry sends it again, once
      await services.handlers['outbox.retryNow']({ id: first.id })
      await smsUntil(first.id, (record) => record.state === 'sent')
      expect(lox.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
      expect((await journal()).some((e) => e.action === 'smsDelivery' && e.result === 'unconfirmed')).toBe(true)
    }
  )

  it('a stop while sending (found "sending" at start-up): not confirmed, not sent again', async () => {
    lox.inject('sms.send', 'hang')
    const pending = send()
    await until(
      async () => lox.requests.length,
      (n) => n === 1
    )
    await services.dispose()
    await pending.catch(() => undefined)
    under = servicesFor(luka.url, {
      dataDir: under.dataDir,
      timeoutMs: 300,
      env: { LOX24_BASE_URL: lox.url, LOX24_TOKEN: lox.token, LOX24_SENDER: 'Taquilla' }
    })
    services = under.services
    const list = await until(
      async () => {
        const records = await services.handlers['lox24.smsList'](undefined)
        return records.ok ? records.value : undefined
      },
      (records) => records[0]?.state === 'unconfirmed'
    )
    expect(list).toHaveLength(1)
    await wait(300)
    expect(lox.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('LOX24 unreachable (connection refused): queued, sent once when it is back', async () => {
    await lox.stop()
    const queued = await send()
    expect(queued).toMatchObject({ state: 'queued', error: { code: 'NETWORK', provider: 'lox24' } })
    await lox.start()
    await smsUntil(queued.id, (record) => record.state === 'sent')
    expect(lox.sent()).toHaveLength(1)
  })

  it('401: one request to LOX24, then nothing more with that token however long it waits', async () => {
    await services.dispose()
    start({ LOX24_TOKEN: 'client123:wrong' })
    const queued = await send()
    expect(queued.error).toMatchObject({ code: 'BAD_CREDENTIALS', providerMessage: SENTENCES[401] })
    await wait(600)
    expect(lox.requests).toHaveLength(1)
    expect(lox.blockedUntil).toBe(0)
    const status = await services.handlers['lox24.status'](undefined)
    expect(status.ok && status.value.refused).toMatchObject({ code: 'BAD_CREDENTIALS' })
  })

  it('429 with Retry-After: nothing at all goes to LOX24 until it has passed, then the SMS goes', async () => {
    lox.inject('sms.send', 'rate429')
    const held = await send()
    expect(held).toMatchObject({ state: 'queued', error: { code: 'RATE_LIMITED', retryAfterMs: 2000 } })
    await wait(1_000)
    expect(lox.requests).toHaveLength(1)
    const credit = await services.handlers['lox24.account']({ check: false })
    expect(credit).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', reason: 'held' } })
    expect(lox.requests).toHaveLength(1)
    await smsUntil(held.id, (record) => record.state === 'sent')
    expect(lox.sent()).toHaveLength(1)
  })

  it('a deposit and a payment link get their own SMS (one in flight per operation), journaled by reference and trace', async () => {
    const text = 'Agencia CCCT: pague 12,20 USD en https://qa.lukapay.me/payco/b262 Ref. 3372.'
    for (const about of [
      { kind: 'luxcore', ref: 'AGENCIA-CCCT-TAQUILLA-2-20261121-0007' },
      { kind: 'link', ref: 'AGENCIA-CCCT-K7Q4ZP-20261206-L0001' }
    ] as const) {
      expect(await services.handlers['lox24.sendSms']({ about, phone: '+584121234567', text })).toMatchObject({
        ok: true,
        value: { state: 'sent', about }
      })
    }
    expect(lox.sent().map((sms) => sms.callback_data)).toEqual([
      'luxcore:AGENCIA-CCCT-TAQUILLA-2-20261121-0007',
      'link:AGENCIA-CCCT-K7Q4ZP-20261206-L0001'
    ])
    const refs = (await journal()).filter((e) => e.action === 'sms').map((e) => e.refs)
    expect(refs).toHaveLength(2)
    expect(refs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ merchantReference: 'AGENCIA-CCCT-TAQUILLA-2-20261121-0007' }),
        expect.objectContaining({ trace: 'AGENCIA-CCCT-K7Q4ZP-20261206-L0001' })
      ])
    )
  })

  it('refuses a bad phone or a missing sender before anything is queued', async () => {
    const bad = await services.handlers['lox24.sendSms']({
      about: { kind: 'luka', ref: '1' },
      phone: '0412-12',
      text: 'x'
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'phone' } })
    await services.dispose()
    start({ LOX24_SENDER: '' })
    const unconfigured = await services.handlers['lox24.sendSms']({
      about: { kind: 'luka', ref: '1' },
      phone: '+584121234567',
      text: 'x'
    })
    expect(unconfigured).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', provider: 'lox24' } })
    expect(lox.requests).toHaveLength(0)
  })
})

describe('SMS credit and top-up', () => {
  const create = async () => {
    const result = await services.handlers['lox24.createTopup']({
      net: { minor: 2500, currency: 'EUR' },
      type: 'stored_card',
      methodId: 94
    })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    return result.value
  }

  it('credit with a low-credit warning; methods; 25.00 EUR on a stored card followed to done, credit and journal updated', async () => {
    lox.balance = 320
    expect(await services.handlers['lox24.account']({ check: false })).toMatchObject({
      ok: true,
      value: { balance: { minor: 320, currency: 'EUR' }, low: true, threshold: { minor: 500 } }
    })
    const methods = await services.handlers['lox24.paymentMethods'](undefined)
    expect(methods.ok && methods.value.cards.map((card) => card.id)).toEqual([94, 95])
    const created = await create()
    expect(created).toMatchObject({ state: 'created', payment: { net: { minor: 2500 }, vat: { minor: 475 } } })
    expect(lox.requests.find((r) => r.method === 'POST')!.body).toBe(
      '{"net_val":25.00,"type":"stored_card","method_id":94}'
    )
    const done = await topupUntil(created.id, (topup) => topup.payment?.statusName === 'done')
    expect(done.payment?.invoice).toMatch(/^\/invoices\//)
    expect(lox.balance).toBe(2820)
    const entries = (await journal()).filter((e) => e.action === 'topup' || e.action === 'topupStatus')
    expect(entries.map((e) => e.result)).toEqual(expect.arrayContaining(['accepted', 'created', 'done']))
    expect(entries[0]).toMatchObject({ amount: { minor: 2500, currency: 'EUR' }, detail: { method: 'stored_card' } })
  })

  it('commit-then-drop: found in GET /payments, so nothing is created twice', async () => {
    lox.inject('payments.create', 'commitThenDrop')
    const first = await create()
    const found = await topupUntil(first.id, (topup) => topup.state === 'created')
    expect(found.payment?.id).toBe([...lox.payments.keys()][0])
    expect(lox.payments.size).toBe(1)
    expect(lox.requests.some((r) => r.method === 'GET' && r.path === '/payments')).toBe(true)
  })

  it('hang (nothing made): not found in GET /payments → "not confirmed", not retried; the teller tries again', async () => {
    lox.inject('payments.create', 'hang')
    const first = await create()
    const unconfirmed = await topupUntil(first.id, (topup) => topup.state === 'unconfirmed')
    expect(unconfirmed.payment).toBeNull()
    await wait(500)
    expect(lox.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    await services.handlers['outbox.retryNow']({ id: first.id })
    await topupUntil(first.id, (topup) => topup.state === 'created')
    expect(lox.payments.size).toBe(1)
  })

  describe('supervisor-only once sign-in is on', () => {
    /** a stand-in for the operators service: one supervisor, PIN 4321; asked actions are kept */
    const asked: string[] = []
    const supervisorOnly: Authorize = async (action, approval) => {
      asked.push(action)
      if (approval?.operatorId === 'sup-1' && approval.pin === '4321') return { id: 'sup-1', name: 'Rosa Díaz' }
      throw new AppFailure({ code: 'FORBIDDEN', reason: approval ? 'wrongPin' : 'approvalRequired' })
    }
    const topUp = (approval?: { operatorId: string; pin: string }) =>
      services.handlers['lox24.createTopup']({
        net: { minor: 2500, currency: 'EUR' },
        type: 'stored_card',
        methodId: 94,
        ...(approval ? { approval } : {})
      })

    beforeEach(async () => {
      await services.dispose()
      asked.length = 0
      start({}, supervisorOnly)
    })

    it('refuses a top-up without an approval or with a wrong PIN: nothing queued, nothing sent to LOX24', async () => {
      expect(await topUp()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'approvalRequired' } })
      expect(await topUp({ operatorId: 'sup-1', pin: '0000' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', reason: 'wrongPin' }
      })
      expect(await topUp({ operatorId: 'teller-2', pin: '4321' })).toMatchObject({ ok: false })
      expect(asked).toEqual(['smsTopUp', 'smsTopUp', 'smsTopUp'])
      await wait(200)
      expect(lox.requests.filter((r) => r.method === 'POST')).toHaveLength(0)
      expect(await services.handlers['lox24.topups'](undefined)).toEqual({ ok: true, value: [] })
      expect((await journal()).filter((e) => e.action === 'topup')).toHaveLength(0)
    })

    it("with the supervisor's PIN: sent once, the journal names the approver, the PIN is nowhere on disk", async () => {
      const created = await topUp({ operatorId: 'sup-1', pin: '4321' })
      expect(created).toMatchObject({ ok: true, value: { approvedBy: { id: 'sup-1', name: 'Rosa Díaz' } } })
      expect(lox.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
      const entry = (await journal()).find((e) => e.action === 'topup')
      expect(entry).toMatchObject({ detail: { approvedBy: 'Rosa Díaz', approverId: 'sup-1' } })
      for (const name of ['outbox.log', 'journal.jsonl'])
        expect(readFileSync(join(under.dataDir, name), 'utf8')).not.toContain('4321')
    })
  })
})
