import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { zReportCsv } from '@shared/books-csv'
import { parseInput, type PaymentLink } from '@shared/contract'
import type { JournalEntry } from '@shared/books'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

let luka: FakeLuka
let under: ServicesUnderTest

const value = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`operation failed: ${JSON.stringify(result.error)}`)
  return result.value
}

const create = (input: Record<string, unknown>) => {
  const parsed = parseInput('link.create', input)
  if (!parsed.ok) return Promise.resolve(parsed)
  return under.services.handlers['link.create'](parsed.value)
}

const journalOf = async (action: string): Promise<JournalEntry[]> =>
  value(await under.services.handlers['journal.query']({ text: '', offset: 0, limit: 500 }))
    .items.filter((entry) => entry.action === action)
    .sort((a, b) => a.seq - b.seq)

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
  under = servicesFor(luka.url, { env: { TAQUILLA_LINK_METHODS: 'zelle,tdc' }, timeoutMs: 1_500 })
})
afterEach(async () => {
  await under.services.dispose()
  await luka.stop()
})

describe('link.create', () => {
  it('creates the link, journals it (amount, trace, order number, operator) and lists it today', async () => {
    const link = value(await create({ amount: { minor: 1220, currency: 'USD' }, methods: ['zelle'] }))
    expect(link).toMatchObject({ state: 'created', url: luka.links[0]!.url, orderNumber: '3372', error: null })
    expect(link.trace).toMatch(/^AGENCIA-CCCT-[A-Z2-9]{6}-\d{8}-L0001$/)
    expect(luka.links[0]!.body['IdTraza']).toBe(link.trace)
    const [entry] = await journalOf('paymentLink')
    expect(entry).toMatchObject({
      result: 'created',
      amount: { minor: 1220, currency: 'USD' },
      refs: { trace: link.trace, orderNumber: '3372' },
      operator: 'María Pérez'
    })
    const today = value(await under.services.handlers['link.today'](undefined))
    expect(today.map((l) => l.trace)).toEqual([link.trace])
    const second = value(await create({ amount: { minor: 500, currency: 'VES' } }))
    expect(second.trace).toMatch(/-L0002$/)
  })

  it('refuses a bad e-mail, a currency or method the merchant has not configured, before any request', async () => {
    for (const input of [
      { amount: { minor: 1220, currency: 'USD' }, email: 'ana@' },
      { amount: { minor: 1220, currency: 'MXN' } },
      { amount: { minor: 1220, currency: 'USD' }, methods: ['paypal'] }
    ]) {
      const result = await create(input)
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(parseInput('link.create', { amount: { minor: 1220, currency: 'USD' }, email: 'ana@' })).toMatchObject({
      ok: false,
      error: { field: 'email', reason: 'email' }
    })
    expect(luka.requests.filter((r) => r.path === '/api/v1/link/token')).toHaveLength(0)
  })

  it("a 400 is refused with Luka's words and journaled as rejected", async () => {
    luka.options.username = 'cajero' // keep the login good; the fake refuses an unsupported currency
    under.services.settings.update({ linkCurrencies: 'USD,EUR,COP' })
    const result = await create({ amount: { minor: 1220, currency: 'COP' } })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'PROVIDER_REJECTED', providerCode: '400', providerMessage: 'Moneda no soportada por el comercio' }
    })
    expect((await journalOf('paymentLink')).map((e) => e.result)).toEqual(['rejected'])
  })

  it('an unknown outcome is said plainly, never retried; creating again journals both attempts', async () => {
    luka.inject('link', 'commitThenDrop')
    const first = value(await create({ amount: { minor: 1220, currency: 'USD' } }))
    expect(first).toMatchObject({ state: 'unknown', url: null, error: { code: 'NETWORK' } })
    expect(luka.links).toHaveLength(1) // Luka made one; we were not told, and did not silently send another
    const again = value(await create({ amount: { minor: 1220, currency: 'USD' }, retryOf: first.trace }))
    expect(again).toMatchObject({ state: 'created', retryOf: first.trace })
    expect(again.trace).not.toBe(first.trace)
    expect(luka.links).toHaveLength(2)
    const entries = await journalOf('paymentLink')
    expect(entries.map((e) => [e.result, e.refs['retryOf'] ?? null])).toEqual([
      ['unknown', null],
      ['created', first.trace]
    ])
  })

  it('a timeout after sending is unknown; a refused connection is a plain failure', async () => {
    luka.inject('link', 'hang')
    const hung = value(await create({ amount: { minor: 100, currency: 'USD' } }))
    expect(hung).toMatchObject({ state: 'unknown', error: { code: 'TIMEOUT' } })
    await under.services.handlers['luka.signIn'](undefined)
    await luka.stop()
    await new Promise((resolve) => setTimeout(resolve, 200)) // let the client see its pooled socket closed
    const refused = await create({ amount: { minor: 100, currency: 'USD' } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NETWORK' } })
    await luka.start()
    const states = (await journalOf('paymentLink')).map((e) => e.result)
    expect(states).toEqual(['unknown', 'failed'])
  })
})

describe('follow-up and the Z report', () => {
  it('checking a link: "not found" reads as no payment seen yet, a payment found is shown', async () => {
    const link: PaymentLink = value(await create({ amount: { minor: 1220, currency: 'USD' } }))
    expect(value(await under.services.handlers['link.check']({ trace: link.trace }))).toEqual({
      trace: link.trace,
      seen: false,
      payment: null
    })
    luka.addTransaction({ id: 501, reference: link.trace, amount: 12.2, status: 'success' })
    const seen = value(await under.services.handlers['link.check']({ trace: link.trace }))
    expect(seen).toMatchObject({ seen: true, payment: { transactionId: 501, amount: { minor: 1220 } } })
  })

  it('lists links apart in the Z report: not cash, not in the drawer', async () => {
    value(await under.services.handlers['shift.open']({ float: [{ minor: 10_000, currency: 'USD' }] }))
    const link = value(await create({ amount: { minor: 1220, currency: 'USD' } }))
    const report = value(
      await under.services.handlers['shift.close']({ counted: [{ minor: 10_000, currency: 'USD' }], note: '' })
    )
    expect(report.links).toEqual([
      expect.objectContaining({ trace: link.trace, orderNumber: '3372', amount: { minor: 1220, currency: 'USD' } })
    ])
    expect(report.currencies).toEqual([expect.objectContaining({ currency: 'USD', expected: 10_000, variance: 0 })])
    const csv = zReportCsv(report, 'es').split('\r\n')
    const section = csv.indexOf('Enlaces de pago Luka (no es efectivo)')
    expect(section).toBeGreaterThan(
      csv.indexOf(
        'Moneda;Fondo inicial;Aprobaciones;Monto aprobado;Sin confirmar por Luka;Monto sin confirmar;Rechazos;Depósitos en efectivo;Monto depósitos;Esperado;Contado;Diferencia'
      )
    )
    expect(csv[section + 2]).toBe(`${link.trace};3372;12,20;USD;created`)
  })
})

describe('the customer display', () => {
  it('holds one view: the agency name when idle, replaced (never appended) by what the counter shows', async () => {
    const events: unknown[] = []
    under.services.bus.subscribe((name, payload) => name === 'display.updated' && events.push(payload))
    expect(value(await under.services.handlers['display.get'](undefined))).toEqual({
      agency: 'Agencia CCCT',
      language: 'es',
      content: { kind: 'idle' }
    })
    const link = {
      kind: 'link' as const,
      amount: { minor: 1220, currency: 'USD' },
      url: 'https://qa.lukapay.me/payco/x'
    }
    value(await under.services.handlers['display.show'](link))
    value(await under.services.handlers['display.show']({ kind: 'idle' }))
    expect(value(await under.services.handlers['display.get'](undefined)).content).toEqual({ kind: 'idle' })
    expect(events).toHaveLength(2)
  })
})
