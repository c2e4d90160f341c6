import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

let luka: FakeLuka
let under: ServicesUnderTest
let services: Services

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
  luka.addTransaction({ id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' })
  luka.addTransaction({ id: 500, reference: 'PAID', status: 'success' })
  under = servicesFor(luka.url)
  services = under.services
})

afterEach(async () => {
  await services.dispose()
  await luka.stop()
})

const lookup = (value: string) => services.handlers['luka.lookup']({ by: 'reference', value })
const approve = (transactionId = 96336) =>
  services.handlers['luka.decide']({ transactionId, decision: 'approve', note: '', authorizationCode: '' })

describe('the counter flow through the services', () => {
  it('looks up, approves once with the terminal label, and refuses a second decision', async () => {
    const found = await lookup('6567704')
    expect(found).toMatchObject({
      ok: true,
      value: { payment: { amount: { minor: 1603, currency: 'USD' } }, decision: null }
    })

    const decided = await approve()
    expect(decided).toMatchObject({
      ok: true,
      value: {
        state: 'delivered',
        decision: 'approve',
        amount: { minor: 1603 },
        reply: { statusDescription: 'Tx Exitosa' }
      }
    })
    expect(luka.notifiesFor(96336)).toHaveLength(1)
    expect(luka.notifiesFor(96336)[0]?.body).toMatchObject({ Terminal: 'Agencia CCCT, Taquilla 2', IdEstatus: 6 })
    // exactly the documented notify body: our own bookkeeping (the searched reference) never leaks into it
    expect(Object.keys(luka.notifiesFor(96336)[0]!.body).sort()).toEqual([
      'CodigoAutorizacion',
      'IdEstatus',
      'IdTx',
      'Observaciones',
      'Terminal'
    ])

    const again = await services.handlers['luka.decide']({
      transactionId: 96336,
      decision: 'reject',
      note: 'x',
      authorizationCode: ''
    })
    expect(again).toEqual({ ok: false, error: { code: 'ALREADY_DECIDED' } })
    expect(luka.notifiesFor(96336)).toHaveLength(1)

    const seenAgain = await lookup('6567704')
    expect(seenAgain.ok && seenAgain.value.decision?.state).toBe('delivered')
  })

  it('refuses to decide a payment that is not pending', async () => {
    await lookup('PAID')
    const result = await approve(500)
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_PENDING' } })
    expect(luka.ledger).toHaveLength(0)
  })

  it('a failed notify is queued (never success), and "retry now" delivers it exactly once', async () => {
    await lookup('6567704')
    luka.inject('notify', 'html503')
    const failed = await approve()
    expect(failed).toMatchObject({ ok: true, value: { state: 'queued', error: { code: 'PROVIDER_UNAVAILABLE' } } })
    expect(luka.ledger).toHaveLength(0)

    const retried = await services.handlers['luka.retryDecision']({ transactionId: 96336 })
    expect(retried).toMatchObject({ ok: true, value: { state: 'delivered', decision: 'approve' } })
    expect(luka.notifiesFor(96336)).toHaveLength(1)
    const summary = await services.handlers['outbox.summary'](undefined)
    expect(summary).toMatchObject({ ok: true, value: { totals: [] } })
    expect(summary.ok && summary.value.providers.map((row) => [row.provider, row.waiting])).toEqual([
      ['luka', 0],
      ['luxcore', 0],
      ['lox24', 0]
    ])
  })

  it('emits decision and status events', async () => {
    const seen: string[] = []
    services.bus.subscribe((name, payload) => {
      seen.push(
        name === 'decision.updated'
          ? `decision:${(payload as { state: string }).state}`
          : `status:${(payload as { state: string }).state}`
      )
    })
    await lookup('6567704')
    await approve()
    expect(seen).toContain('decision:sending')
    expect(seen).toContain('decision:delivered')
    await luka.stop()
    await lookup('6567704')
    expect(seen).toContain('status:offline')
  })

  it('remembers decisions across a restart on the same data directory', async () => {
    await lookup('6567704')
    await approve()
    await services.dispose()
    const restarted = servicesFor(luka.url, { dataDir: under.dataDir })
    services = restarted.services
    const again = await lookup('6567704')
    expect(again.ok && again.value.decision).toMatchObject({ state: 'delivered', decision: 'approve' })
    const refused = await approve()
    expect(refused).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } })
  })

  it('never writes the password or the token to the log', async () => {
    await lookup('6567704')
    luka.expireTokens()
    await approve()
    await services.handlers['luka.signIn'](undefined)
    const all = under.logLines.map((entry) => entry.line).join('\n')
    expect(all.length).toBeGreaterThan(0)
    expect(all).not.toContain('s3creta-clave')
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]+\./)
  })

  it('the journal records lookups (reference only), the decision and its outcome, and settings changes without secrets', async () => {
    await lookup('6567704')
    await approve()
    await services.handlers['settings.update']({ operator: 'Ana', lukaPassword: 'nueva-clave-secreta' })
    const page = await services.handlers['journal.query']({ text: '', offset: 0, limit: 50 })
    const entries = page.ok ? [...page.value.items].reverse() : []
    expect(entries.map((entry) => `${entry.action}:${entry.result}`)).toEqual(
      expect.arrayContaining([
        'lookup:found',
        'decision:accepted',
        'decisionOutcome:delivered',
        'settingsChanged:saved'
      ])
    )
    const lookupEntry = entries.find((entry) => entry.action === 'lookup')
    expect(lookupEntry?.refs).toEqual({ reference: '6567704' })
    expect(JSON.stringify(lookupEntry)).not.toContain('Jhon') // no payer data, the reference only
    expect(entries.find((entry) => entry.action === 'decision')).toMatchObject({
      refs: { reference: '6567704', transactionId: 96336 },
      amount: { minor: 1603, currency: 'USD' },
      operator: 'María Pérez',
      terminal: 'Agencia CCCT, Taquilla 2'
    })
    expect(JSON.stringify(entries)).not.toContain('nueva-clave-secreta')
    expect(await services.handlers['journal.verify'](undefined)).toMatchObject({ ok: true, value: { ok: true } })
  })

  it('settings never expose the password', async () => {
    const settings = await services.handlers['settings.get'](undefined)
    expect(settings).toMatchObject({ ok: true, value: { hasLukaPassword: true, lukaBaseUrl: luka.url } })
    expect(JSON.stringify(settings)).not.toContain('s3creta-clave')
  })
})
