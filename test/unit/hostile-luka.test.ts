import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DecisionRecord, OperationInput } from '@shared/contract'
import type { Services } from '../../src/main/services'
import { FakeLuka, type FakeTransaction } from '../../src/main/training/fake-luka'
import type { FakeReply } from '../../src/main/training/loopback-server'
import { servicesFor } from '../helpers/services'

/** Every Luka call against replies that lie, contradict or cannot be read: none is believed blindly. */
let luka: FakeLuka
let services: Services

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
  for (let id = 1; id <= 12; id++)
    luka.addTransaction({ id, reference: `R${id}`, authorizationCode: `A${id}`, amount: 10 })
  services = servicesFor(luka.url, { timeoutMs: 300 }).services
  // the start-up sign-in runs in the background: let it finish before replies are injected
  await services.handlers['luka.signIn'](undefined)
})

const state = async () => {
  const status = await services.handlers['luka.status'](undefined)
  return status.ok ? status.value.state : null
}

afterEach(async () => {
  await services.dispose()
  await luka.stop()
})

const lookup = (query: OperationInput<'luka.lookup'>) => services.handlers['luka.lookup'](query)
const byId = (id: number) => lookup({ by: 'transactionId', value: String(id) })
const rewriteBody = (change: (body: Record<string, unknown>) => Record<string, unknown>) => (reply: FakeReply) => ({
  ...reply,
  body: change(reply.body as Record<string, unknown>)
})
const decide = (transactionId: number, decision: 'approve' | 'reject' = 'approve') =>
  services.handlers['luka.decide']({
    transactionId,
    decision,
    note: decision === 'reject' ? 'motivo' : '',
    authorizationCode: ''
  })

async function until(transactionId: number, state: DecisionRecord['state']): Promise<DecisionRecord> {
  const started = Date.now()
  for (;;) {
    const found = await byId(transactionId)
    if (found.ok && found.value.decision?.state === state) return found.value.decision
    if (Date.now() - started > 5_000)
      throw new Error(`${transactionId} never reached ${state}: ${JSON.stringify(found)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const attentionOf = async (transactionId: number) => {
  const list = await services.handlers['outbox.list'](undefined)
  return list.ok ? list.value.active.find((item) => item.subject.transactionId === transactionId) : undefined
}

describe('login', () => {
  it('a 429 leaves the status signed out with "rate limited, retry in …", never online', async () => {
    const limited = {
      status: 429,
      headers: { 'Retry-After': '30' },
      body: { Codigo: 429, Mensaje: 'Demasiadas solicitudes' }
    }
    luka.injectReply('login', limited, 2)
    // the teller presses Connect: Luka answers 429
    const status = await services.handlers['luka.signIn'](undefined)
    expect(status).toMatchObject({
      ok: true,
      value: {
        state: 'signed-out',
        error: { code: 'RATE_LIMITED', retryAfterMs: 30_000, providerMessage: 'Demasiadas solicitudes' }
      }
    })
    // the token runs out; signing in again meets the 429 too
    luka.expireTokens()
    expect(await byId(1)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: 30_000 } })
    expect(await state()).toBe('signed-out')
    // once Luka lets us in again, the same call works and the status is online
    expect(await byId(1)).toMatchObject({ ok: true })
    expect(await state()).toBe('online')
  })

  it('a 403 with Codigo/Mensaje is Luka’s refusal in Luka’s words', async () => {
    luka.injectReply('login', { status: 403, body: { Codigo: 403, Mensaje: 'Usuario bloqueado' } })
    const status = await services.handlers['luka.signIn'](undefined)
    expect(status).toMatchObject({
      ok: true,
      value: {
        state: 'bad-credentials',
        error: { code: 'BAD_CREDENTIALS', httpStatus: 403, providerCode: '403', providerMessage: 'Usuario bloqueado' }
      }
    })
  })

  it('a 200 without the token header is not a session', async () => {
    luka.injectReply('login', { status: 200, raw: '<html><title>Portal</title></html>' })
    const status = await services.handlers['luka.signIn'](undefined)
    expect(status).toMatchObject({ ok: true, value: { error: { code: 'MALFORMED_RESPONSE' } } })
    expect(await state()).not.toBe('online')
  })
})

describe('lookup', () => {
  it.each<[string, OperationInput<'luka.lookup'>]>([
    ['transaction id', { by: 'transactionId', value: '3' }],
    ['reference', { by: 'reference', value: 'R3' }],
    ['authorization code', { by: 'authorizationCode', value: 'A3' }]
  ])('a reply about another transaction (asked by %s) is refused and not remembered', async (_, query) => {
    luka.injectReply(
      'lookup',
      rewriteBody((body) => ({ ...body, TransaccionId: 4, ReferenciaPago: 'R4', CodigoAutorizacion: 'A4' }))
    )
    const found = await lookup(query)
    expect(found).toMatchObject({ ok: false, error: { code: 'REPLY_MISMATCH', provider: 'luka' } })
    expect(!found.ok && found.error.providerMessage).toMatch(/4 ≠ (3|R3|A3)/)
    // nothing about transaction 4 was taken from that reply: deciding it asks Luka again
    const before = luka.requests.length
    expect(await decide(4)).toMatchObject({ ok: true })
    expect(luka.requests.slice(before).some((r) => r.query['transaccionId'] === '4')).toBe(true)
  })

  it('a reply naming the reference asked for is accepted', async () => {
    luka.injectReply(
      'lookup',
      rewriteBody((body) => ({ ...body, ReferenciaPago: 'r3' }))
    )
    expect(await lookup({ by: 'reference', value: 'R3' })).toMatchObject({
      ok: true,
      value: { payment: { transactionId: 3 } }
    })
  })

  it.each<[string, unknown, string]>([
    ['zero', 0, 'REPLY_MISMATCH'],
    ['negative', -10, 'REPLY_MISMATCH'],
    ['beyond the safe range', 10_000_000_001, 'REPLY_MISMATCH'],
    ['a float of 9 007 199 254 740 990 minor units', 90_071_992_547_409.9, 'REPLY_MISMATCH'],
    ['past every safe integer', 9_007_199_254_740_990, 'MALFORMED_RESPONSE'],
    ['ambiguous "1,234"', '1,234', 'MALFORMED_RESPONSE'],
    ['ambiguous "1.234"', '1.234', 'MALFORMED_RESPONSE'],
    ['more decimals than the currency "7.999"', '7.999', 'MALFORMED_RESPONSE'],
    ['badly grouped "1,23,456.00"', '1,23,456.00', 'MALFORMED_RESPONSE'],
    ['missing', null, 'MALFORMED_RESPONSE'],
    ['text', 'diez', 'MALFORMED_RESPONSE']
  ])('an amount that is %s is refused, never guessed', async (_, amount, code) => {
    luka.injectReply(
      'lookup',
      rewriteBody((body) => ({ ...body, Monto: amount }))
    )
    const found = await byId(5)
    expect(found).toMatchObject({ ok: false, error: { code, provider: 'luka' } })
    expect(!found.ok && found.error.providerMessage).toContain('Monto')
  })

  it.each<[unknown, number]>([
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['7,99', 799],
    [16.03, 1603]
  ])('an amount with one meaning (%j) is read exactly', async (amount, minor) => {
    luka.injectReply(
      'lookup',
      rewriteBody((body) => ({ ...body, Monto: amount }))
    )
    expect(await byId(5)).toMatchObject({ ok: true, value: { payment: { amount: { minor, currency: 'USD' } } } })
  })

  it('a reply with TransaccionId 0 is about nothing', async () => {
    luka.injectReply(
      'lookup',
      rewriteBody((body) => ({ ...body, TransaccionId: 0 }))
    )
    expect(await lookup({ by: 'reference', value: 'R5' })).toMatchObject({
      ok: false,
      error: { code: 'REPLY_MISMATCH' }
    })
  })

  it('a 403 with Codigo/Mensaje is Luka’s refusal in Luka’s words, not a malformed reply', async () => {
    luka.injectReply('lookup', { status: 403, body: { Codigo: 'E403', Mensaje: 'Comercio sin permiso' } })
    expect(await byId(5)).toEqual({
      ok: false,
      error: {
        code: 'PROVIDER_REJECTED',
        provider: 'luka',
        httpStatus: 403,
        providerCode: 'E403',
        providerMessage: 'Comercio sin permiso'
      }
    })
    expect(await state()).toBe('online')
  })

  it('a 200 carrying an error shape says Luka’s words', async () => {
    luka.injectReply('lookup', { status: 200, body: { Codigo: 12, Mensaje: 'Servicio en mantenimiento' } })
    expect(await byId(5)).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_RESPONSE', providerMessage: 'Servicio en mantenimiento' }
    })
  })
})

describe('notify', () => {
  it('a reply with the opposite status, while Luka holds ours: verified by a lookup and delivered, sent once', async () => {
    luka.injectReply(
      'notify',
      rewriteBody((body) => ({ ...body, Estatus: { Id: 7, Descripcion: 'Tx Rechazada' } }))
    )
    await byId(6)
    await decide(6)
    const record = await until(6, 'delivered')
    expect(record.reply).toMatchObject({ id: 6, statusId: 6 })
    expect(luka.notifiesFor(6)).toHaveLength(1)
  })

  it('a reply about another transaction, while Luka still shows it pending: to a person with both facts, not re-sent', async () => {
    // answered without being applied: the reply names transaction 8, Luka's books still say 7 is pending
    luka.injectReply('notify', {
      status: 200,
      body: { Id: 8, Estatus: { Id: 6, Descripcion: 'Tx Exitosa' }, Monto: 10 }
    })
    await byId(7)
    await decide(7)
    const record = await until(7, 'attention')
    expect(record.error).toMatchObject({ code: 'REPLY_MISMATCH', provider: 'luka' })
    const item = await attentionOf(7)
    expect(item?.attention).toEqual({
      reason: 'unverified',
      detail: 'Id 8, Estatus 6 «Tx Exitosa» ≠ IdTx 7, IdEstatus 6'
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(luka.requests.filter((r) => r.path.endsWith('/actualizar'))).toHaveLength(1)
  })

  it('a reply with the other decision, and Luka holds the other decision: a conflict with both facts', async () => {
    await byId(9)
    // another counter rejected it meanwhile; Luka's reply to our approval speaks of that rejection
    ;(luka.transactions.get(9) as FakeTransaction).status = 'rejected'
    luka.injectReply('notify', { status: 200, body: { Id: 9, Estatus: { Id: 7, Descripcion: 'Tx Rechazada' } } })
    await decide(9)
    const record = await until(9, 'attention')
    expect(record.error).toMatchObject({
      code: 'REPLY_MISMATCH',
      providerMessage: 'Id 9, Estatus 7 «Tx Rechazada» ≠ IdTx 9, IdEstatus 6'
    })
    expect((await attentionOf(9))?.attention).toEqual({
      reason: 'conflict',
      detail: 'Taquilla: approve; Luka: rejected'
    })
  })

  it('an empty 2xx confirms nothing by itself: the lookup does', async () => {
    luka.injectReply('notify', (reply) => ({ ...reply, raw: '' }))
    await byId(10)
    await decide(10, 'reject')
    expect(await until(10, 'delivered')).toMatchObject({ reply: { id: 10, statusId: 7 } })
    expect(luka.notifiesFor(10)).toHaveLength(1)
  })

  it('a 403 with Codigo/Mensaje: Luka’s refusal in its words, checked against Luka before a person looks', async () => {
    luka.injectReply('notify', { status: 403, body: { Codigo: 403, Mensaje: 'Terminal no autorizado' } })
    await byId(11)
    await decide(11)
    const record = await until(11, 'attention')
    expect(record.error).toMatchObject({
      code: 'PROVIDER_REJECTED',
      httpStatus: 403,
      providerMessage: 'Terminal no autorizado'
    })
    expect((await attentionOf(11))?.attention).toEqual({ reason: 'rejected', detail: 'Terminal no autorizado' })
  })
})
