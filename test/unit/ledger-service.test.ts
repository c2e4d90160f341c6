import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { LedgerView } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { Authorize } from '../../src/main/operators/approval'
import { MemoryKeyValueStore, MemorySecretStore, secretOrigin } from '../../src/main/settings/storage'
import { LedgerService } from '../../src/main/ledger/service'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { startPostgres, type TestPostgres } from '../helpers/postgres'
import { servicesFor } from '../helpers/services'

let postgres: TestPostgres
let ledger: LedgerUnderTest

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres)
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

const NO_LUKA = 'http://127.0.0.1:9'
const SUPERVISOR = { operatorId: 'sup-1', pin: '4321' }

/** A stand-in for the operators service: a supervisor's approval is needed and checked. */
const asked: string[] = []
const supervisor: Authorize = async (action, approval) => {
  asked.push(action)
  if (!approval) throw new AppFailure({ code: 'APPROVAL_REQUIRED' })
  if (approval.pin !== SUPERVISOR.pin) throw new AppFailure({ code: 'APPROVAL_REFUSED', reason: 'wrongPin' })
  return { id: 'sup-1', name: 'Sofía Supervisora' }
}

/** One counter's data folder, settings and secrets, started (and restarted) as the app would. */
function counter(options: { authorize?: Authorize; secrets?: MemorySecretStore; lukaUrl?: string } = {}) {
  const store = new MemoryKeyValueStore()
  const secrets = options.secrets ?? new MemorySecretStore(true)
  let dataDir: string | undefined
  const start = () => {
    const made = servicesFor(options.lukaUrl ?? NO_LUKA, {
      dataDir,
      store,
      secrets,
      authorize: options.authorize ?? supervisor
    })
    dataDir = made.dataDir
    const events: LedgerView[] = []
    made.services.bus.subscribe((name, payload) => {
      if (name === 'ledger.status') events.push(payload as LedgerView)
    })
    return { ...made, events }
  }
  return { store, secrets, start, dir: () => dataDir! }
}

type Started = ReturnType<ReturnType<typeof counter>['start']>

const status = async (app: Started) => {
  const result = await app.services.handlers['ledger.status'](undefined)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}
const waitForState = (app: Started, state: string) =>
  vi.waitFor(async () => expect((await status(app)).status.state).toBe(state), { timeout: 15_000, interval: 50 })

const journalLinesOf = (dir: string) => readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean)
const stored = async (terminalId: string) =>
  (await ledger.context.pool.query('SELECT body FROM entries WHERE terminal_id = $1 ORDER BY seq', [terminalId]))
    .rows as { body: string }[]

async function enrol(app: Started, code?: string) {
  return app.services.handlers['ledger.enrol']({
    serverUrl: ledger.url,
    code: code ?? (await ledger.code()),
    agency: 'Agencia Centro',
    counter: 'Taquilla 1',
    approval: SUPERVISOR
  })
}

const openShift = (app: Started) => app.services.handlers['shift.open']({ float: [{ minor: 100_00, currency: 'USD' }] })

describe('the ledger service', () => {
  it('enrols with a code made by the server (approved, journaled), ships the journal, and resumes after a restart', async () => {
    const one = counter()
    let app = one.start()
    expect(await status(app)).toMatchObject({ enrolled: false, status: { state: 'off' } })
    // the supervisor is asked first: no approval, nothing enrolled and the code not spent
    const code = await ledger.code()
    const bare = await app.services.handlers['ledger.enrol']({
      serverUrl: ledger.url,
      code,
      agency: 'Agencia Centro',
      counter: 'Taquilla 1'
    })
    expect(bare).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } })
    const enrolled = await enrol(app, code)
    if (!enrolled.ok) throw new Error(enrolled.error.code)
    const terminalId = enrolled.value.terminalId!
    expect(enrolled.value).toMatchObject({ enrolled: true, serverUrl: ledger.url, agency: 'Agencia Centro' })
    // the key only in the secret store, bound to the server's origin; the settings hold the rest
    const key = one.secrets.get('ledgerKey', secretOrigin(ledger.url))
    expect(key).toMatch(/^[A-Za-z0-9+/=]{40,}$/)
    expect(JSON.stringify(one.store.get('ledger'))).not.toContain(key)
    expect(one.store.get('ledger')).toMatchObject({ serverUrl: ledger.url, terminalId, counter: 'Taquilla 1' })
    await waitForState(app, 'upToDate')
    const page = await app.services.handlers['journal.query']({ text: '', limit: 50, offset: 0 })
    if (!page.ok) throw new Error(page.error.code)
    const entry = page.value.items.find((one) => one.detail['ledger'] === 'enrolled')
    expect(entry?.detail).toMatchObject({ ledgerTerminal: terminalId, approvedBy: 'Sofía Supervisora' })
    expect((await stored(terminalId)).map((row) => row.body)).toEqual(journalLinesOf(app.dataDir))
    expect(app.events.at(-1)?.status).toEqual({ state: 'upToDate' })
    // a journal append is shipped shortly after (nudged), not at the next 10 s tick
    expect((await openShift(app)).ok).toBe(true)
    await vi.waitFor(async () => expect(await stored(terminalId)).toHaveLength(journalLinesOf(app.dataDir).length), {
      timeout: 5_000
    })
    const beat = await ledger.context.pool.query('SELECT body FROM heartbeats WHERE terminal_id = $1', [terminalId])
    expect(beat.rows[0]?.body).toMatchObject({ appVersion: '0.0.0-test' })
    // a restart: the enrolment and the key come back, shipping resumes from the server's head
    await app.services.dispose()
    app = one.start()
    expect(await status(app)).toMatchObject({ enrolled: true, terminalId })
    expect((await app.services.handlers['shift.xReport'](undefined)).ok).toBe(true)
    await waitForState(app, 'upToDate')
    await vi.waitFor(async () => expect((await stored(terminalId)).length).toBe(journalLinesOf(app.dataDir).length))
    expect((await stored(terminalId)).map((row) => row.body)).toEqual(journalLinesOf(app.dataDir))
    // the restarted replicator's first heartbeat names the shift left open
    const shift = await app.services.handlers['shift.current'](undefined)
    const openId = shift.ok ? shift.value.shift?.id : undefined
    expect(openId).toBeTruthy()
    await vi.waitFor(async () => {
      const { rows } = await ledger.context.pool.query('SELECT body FROM heartbeats WHERE terminal_id = $1', [
        terminalId
      ])
      expect(rows[0]?.body).toMatchObject({ openShift: openId, outbox: [], lastError: null })
    })
    // leaving needs a supervisor too, forgets the key, and is journaled
    expect((await app.services.handlers['ledger.leave']({})).ok).toBe(false)
    expect(await app.services.handlers['ledger.leave']({ approval: SUPERVISOR })).toMatchObject({
      ok: true,
      value: { enrolled: false, status: { state: 'off' } }
    })
    expect(one.secrets.get('ledgerKey', secretOrigin(ledger.url))).toBeNull()
    expect(asked.filter((action) => action !== 'settingsChange')).toEqual([])
    await app.services.dispose()
  }, 60_000)

  it('says what went wrong in the server’s own word, and enrols nothing', async () => {
    const one = counter()
    const app = one.start()
    expect(await enrol(app, 'ABCD-EFGH-JKMN')).toMatchObject({
      ok: false,
      error: { code: 'LEDGER_REFUSED', providerCode: 'badCode', httpStatus: 403 }
    })
    const gone = await app.services.handlers['ledger.enrol']({
      serverUrl: 'http://127.0.0.1:9',
      code: await ledger.code(),
      agency: 'Agencia Centro',
      counter: 'Taquilla 1',
      approval: SUPERVISOR
    })
    expect(gone).toMatchObject({ ok: false, error: { code: 'LEDGER_UNREACHABLE' } })
    expect(await status(app)).toMatchObject({ enrolled: false, status: { state: 'off' } })
    await app.services.dispose()
    // no OS encryption: refused before the code is spent; the same code then works where there is
    const locked = counter({ secrets: new MemorySecretStore(false) }).start()
    const code = await ledger.code()
    expect(await enrol(locked, code)).toMatchObject({
      ok: false,
      error: { code: 'ENCRYPTION_UNAVAILABLE', field: 'ledgerKey' }
    })
    expect(await status(locked)).toMatchObject({ enrolled: false })
    await locked.services.dispose()
    const other = counter().start()
    expect(await enrol(other, code)).toMatchObject({ ok: true, value: { enrolled: true } })
    await other.services.dispose()
  }, 60_000)

  it('the anchor catches a local truncation: one incident, still one after restarts, acknowledged by a supervisor', async () => {
    const one = counter()
    let app = one.start()
    const enrolled = await enrol(app)
    if (!enrolled.ok) throw new Error(enrolled.error.code)
    expect((await openShift(app)).ok).toBe(true)
    for (let i = 0; i < 3; i++) expect((await app.services.handlers['shift.xReport'](undefined)).ok).toBe(true)
    await vi.waitFor(async () =>
      expect((await stored(enrolled.value.terminalId!)).length).toBe(journalLinesOf(app.dataDir).length)
    )
    await app.services.dispose()
    // the last entries cut from the file while the app was down
    const file = join(one.dir(), 'journal.jsonl')
    const lines = journalLinesOf(one.dir())
    writeFileSync(file, lines.slice(0, -3).join('\n') + '\n')
    const ledgerIncidents = async (started: Started) => {
      const verification = await started.services.handlers['journal.status'](undefined)
      if (!verification.ok) throw new Error(verification.error.code)
      return verification.value.incidents.filter((incident) => incident.reason.startsWith('ledger'))
    }
    app = one.start()
    await waitForState(app, 'refused')
    expect((await status(app)).status).toEqual({ state: 'refused', code: 'mismatch' })
    await vi.waitFor(async () => expect(await ledgerIncidents(app)).toHaveLength(1))
    const [incident] = await ledgerIncidents(app)
    expect(incident!.reason).toMatch(/^ledger(Truncated|Different)$/)
    const written = journalLinesOf(app.dataDir)
      .map((line) => JSON.parse(line) as { action: string; result: string; detail: Record<string, unknown> })
      .filter((entry) => entry.action === 'journalIncident' && entry.result.startsWith('ledger'))
    expect(written).toHaveLength(1)
    expect(written[0]!.detail).toMatchObject({ source: 'agencyLedger', seq: lines.length })
    // raised once: another sync and a restart do not raise it again
    await app.services.dispose()
    app = one.start()
    await waitForState(app, 'refused')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await ledgerIncidents(app)).toEqual([incident])
    // a supervisor acknowledges it like any other incident
    const acknowledged = await app.services.handlers['journal.acknowledge']({
      incidentId: incident!.id,
      note: 'El disco se restauró de una copia vieja',
      approval: SUPERVISOR
    })
    expect(acknowledged.ok).toBe(true)
    expect(await ledgerIncidents(app)).toEqual([])
    await app.services.dispose()
  }, 60_000)

  it('the key stays bound to its server: a settings file edited to name another host gets nothing', async () => {
    const requests: string[] = []
    const elsewhere: Server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`)
      response.writeHead(500).end()
    })
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
    const one = counter()
    let app = one.start()
    expect((await enrol(app)).ok).toBe(true)
    await app.services.dispose()
    const config = one.store.get('ledger') as Record<string, unknown>
    one.store.set('ledger', { ...config, serverUrl: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}` })
    app = one.start()
    expect((await status(app)).status).toEqual({ state: 'refused', code: 'noKey' })
    expect((await openShift(app)).ok).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(requests).toEqual([])
    await app.services.dispose()
    await new Promise((resolve) => elsewhere.close(resolve))
  }, 60_000)

  it('the heartbeat tells the owner about a stuck outbox: backlog per provider, its age, the last failure as a code', async () => {
    const luka = new FakeLuka()
    await luka.start()
    luka.addTransaction({ id: 8, reference: 'R8', amount: 5, currency: 'USD' })
    const one = counter({ lukaUrl: luka.url })
    let app = one.start()
    const enrolled = await enrol(app)
    if (!enrolled.ok) throw new Error(enrolled.error.code)
    expect((await app.services.handlers['luka.lookup']({ by: 'reference', value: 'R8' })).ok).toBe(true)
    await luka.stop()
    const decision = { transactionId: 8, decision: 'approve' as const, note: '', authorizationCode: '' }
    expect((await app.services.handlers['luka.decide'](decision)).ok).toBe(true)
    await vi.waitFor(async () => {
      const list = await app.services.handlers['outbox.list'](undefined)
      expect(list.ok && list.value.active[0]?.lastError).toBeTruthy()
    })
    // a restart's first sync sends a heartbeat at once (then at most one a minute)
    await app.services.dispose()
    app = one.start()
    await vi.waitFor(
      async () => {
        const { rows } = await ledger.context.pool.query('SELECT body FROM heartbeats WHERE terminal_id = $1', [
          enrolled.value.terminalId
        ])
        expect(rows[0]?.body).toMatchObject({
          outbox: [{ provider: 'luka', count: 1, oldestAgeMs: expect.any(Number) }],
          lastError: expect.stringMatching(/^luka: [A-Z_]+/)
        })
      },
      { timeout: 10_000 }
    )
    await app.services.dispose()
  }, 60_000)

  it('training: the ledger is off and nothing reaches the agency server', async () => {
    const books = counterBooks()
    const store = new MemoryKeyValueStore()
    const secrets = new MemorySecretStore(true)
    const identity = { terminalId: '', privateKey: '' }
    // an enrolment that exists (the real counter's), then a start in training mode
    const real = counter()
    const app = real.start()
    const enrolled = await enrol(app)
    if (!enrolled.ok) throw new Error(enrolled.error.code)
    await app.services.dispose()
    identity.terminalId = enrolled.value.terminalId!
    identity.privateKey = real.secrets.get('ledgerKey', secretOrigin(ledger.url))!
    store.set('ledger', real.store.get('ledger'))
    secrets.set('ledgerKey', identity.privateKey, secretOrigin(ledger.url))
    const before = (await stored(identity.terminalId)).length
    const views: LedgerView[] = []
    const service = new LedgerService({
      store,
      secrets,
      journal: books.journal,
      recorder: { record: () => null } as never,
      authorize: supervisor,
      training: true,
      clock: books.clock,
      log: { debug() {}, info() {}, warn() {}, error() {} },
      heartbeat: undefined,
      onChange: (view) => views.push(view),
      nudgeDelayMs: 10
    })
    service.start()
    books.journal.append({ action: 'lookup', refs: { reference: 'R1' }, result: 'found' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(service.view()).toMatchObject({ training: true, status: { state: 'off' } })
    await expect(
      service.enrol({ serverUrl: ledger.url, code: await ledger.code(), agency: 'A', counter: 'B' })
    ).rejects.toMatchObject({ error: { code: 'TRAINING_REFUSED' } })
    expect(await stored(identity.terminalId)).toHaveLength(before)
    await service.dispose()
  }, 60_000)
})
