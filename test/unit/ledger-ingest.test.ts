import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LedgerClient, LedgerError, type LedgerIdentity } from '../../src/main/ledger/client'
import { terminalStatus } from '../../src/server/owner/status'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

let postgres: TestPostgres
let ledger: LedgerUnderTest
let client: LedgerClient

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres)
  client = new LedgerClient(ledger.url)
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

const enrolled = async (counter = 'Taquilla 1') => client.enrol(await ledger.code(), 'Agencia Centro', counter)

/** A counter with `count` lookups in its journal. */
function counterWith(count: number) {
  const counter = counterBooks()
  for (let i = 0; i < count; i++) {
    counter.clock.at += 1000
    counter.journal.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
  }
  return counter
}

const stored = async (terminalId: string) =>
  (
    await ledger.context.pool.query('SELECT seq, body FROM entries WHERE terminal_id = $1 ORDER BY seq', [terminalId])
  ).rows.map((row) => ({ seq: row.seq as number, body: row.body as string }))

describe('enrolment', () => {
  it('takes a one-time code once, and refuses a made-up one', async () => {
    const code = await ledger.code()
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const identity = await client.enrol(code, 'Agencia Centro', 'Taquilla 9')
    expect(identity.terminalId).toMatch(/^[0-9a-f-]{36}$/)
    await expect(client.enrol(code, 'Agencia Centro', 'Taquilla 10')).rejects.toMatchObject({
      code: 'badCode',
      status: 403
    })
    await expect(client.enrol('ABCD-EFGH-JKMN', 'A', 'B')).rejects.toMatchObject({ code: 'badCode' })
    const { rows } = await ledger.context.pool.query('SELECT agency, counter FROM terminals WHERE id = $1', [
      identity.terminalId
    ])
    expect(rows).toEqual([{ agency: 'Agencia Centro', counter: 'Taquilla 9' }])
  })
})

describe('ingest', () => {
  it('stores a batch in order, byte for byte, and a replay is a no-op', async () => {
    const identity = await enrolled()
    const counter = counterWith(20)
    const lines = counter.lines()
    const first = await client.sendBatch(identity, lines)
    expect(first).toMatchObject({ lastSeq: 20, accepted: 20, duplicates: 0, held: 0, incidents: [] })
    expect(first.lastHash).toBe(counter.entries()[19]!.hash)
    const again = await client.sendBatch(identity, lines)
    expect(again).toMatchObject({ lastSeq: 20, accepted: 0, duplicates: 20, incidents: [] })
    // overlapping resend (a reply lost on the way): the new part only is taken
    counter.journal.append({ action: 'lookup', refs: { reference: 'R20' }, result: 'found' })
    const overlap = await client.sendBatch(identity, counter.lines().slice(15))
    expect(overlap).toMatchObject({ lastSeq: 21, accepted: 1, duplicates: 5 })
    expect(await stored(identity.terminalId)).toEqual(counter.lines().map((body, index) => ({ seq: index + 1, body })))
  })

  it('an empty batch asks for the head and stores nothing', async () => {
    const identity = await enrolled()
    expect(await client.sendBatch(identity, [])).toMatchObject({ lastSeq: 0, lastHash: null, accepted: 0 })
  })

  it('records a different entry for a stored seq as a fork, never overwrites it, and says so', async () => {
    const identity = await enrolled()
    const honest = counterWith(10)
    await client.sendBatch(identity, honest.lines())
    // the same PC's journal rewritten from entry 6 on (another history)
    const rewritten = counterWith(5)
    rewritten.journal.append({ action: 'lookup', refs: { reference: 'EDITED' }, result: 'found' })
    const forked = rewritten.lines()[5]!
    const reply = await client.sendBatch(identity, rewritten.lines().slice(4))
    expect(reply.duplicates).toBe(1)
    expect(reply.incidents).toEqual([{ seq: 6, kind: 'fork', storedHash: honest.entries()[5]!.hash }])
    expect(reply).toMatchObject({ lastSeq: 10, accepted: 0 })
    expect((await stored(identity.terminalId))[5]!.body).toBe(honest.lines()[5])
    const { rows } = await ledger.context.pool.query(
      'SELECT seq, kind, received_body FROM incidents WHERE terminal_id = $1',
      [identity.terminalId]
    )
    expect(rows).toEqual([{ seq: 6, kind: 'fork', received_body: forked }])
    // reported again: still one incident
    await client.sendBatch(identity, [forked])
    expect(
      (await ledger.context.pool.query('SELECT 1 FROM incidents WHERE terminal_id = $1', [identity.terminalId]))
        .rowCount
    ).toBe(1)
  })

  it('refuses a next entry whose prev is not the stored head (a chain incident)', async () => {
    const identity = await enrolled()
    const one = counterWith(3)
    await client.sendBatch(identity, one.lines())
    const other = counterWith(2) // its 4th entry chains on another history's 3rd
    other.journal.append({ action: 'lookup', refs: { reference: 'OTHER' }, result: 'found' })
    other.journal.append({ action: 'lookup', refs: { reference: 'R3' }, result: 'found' })
    const reply = await client.sendBatch(identity, other.lines().slice(3))
    expect(reply.incidents).toMatchObject([{ seq: 4, kind: 'chain', storedHash: one.entries()[2]!.hash }])
    expect(reply.lastSeq).toBe(3)
  })

  it('refuses a bad signature and an unknown terminal, storing nothing', async () => {
    const identity = await enrolled()
    const lines = counterWith(2).lines()
    const stranger: LedgerIdentity = {
      terminalId: identity.terminalId,
      privateKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')
    }
    await expect(client.sendBatch(stranger, lines)).rejects.toMatchObject({ status: 401, code: 'badSignature' })
    const unknown = { ...identity, terminalId: '00000000-0000-4000-8000-000000000000' }
    await expect(client.sendBatch(unknown, lines)).rejects.toMatchObject({ status: 401, code: 'unknownTerminal' })
    await expect(stored(identity.terminalId)).resolves.toEqual([])
    await expect(client.sendBatch(identity, [lines[1]!, lines[0]!])).rejects.toMatchObject({ code: 'order' })
    await expect(client.sendBatch(identity, ['{"seq":1}'])).rejects.toBeInstanceOf(LedgerError)
  })

  it('holds entries after a gap until the gap is filled', async () => {
    const identity = await enrolled()
    const lines = counterWith(30).lines()
    expect(await client.sendBatch(identity, lines.slice(20))).toMatchObject({ lastSeq: 0, held: 10, accepted: 0 })
    expect(await client.sendBatch(identity, lines.slice(10, 20))).toMatchObject({ lastSeq: 0, held: 20 })
    expect(await stored(identity.terminalId)).toEqual([])
    expect(await client.sendBatch(identity, lines.slice(0, 10))).toMatchObject({ lastSeq: 30, accepted: 30, held: 0 })
    expect((await stored(identity.terminalId)).map((row) => row.body)).toEqual(lines)
  })

  it('keeps the newest heartbeat; the owner sees a counter behind and stuck', async () => {
    const identity = await enrolled('Taquilla atascada')
    await client.sendBatch(identity, counterWith(3).lines())
    const beat = (at: string, journalHead: number) =>
      client.heartbeat(identity, {
        at,
        appVersion: '0.1.0',
        journalHead,
        openShift: null,
        outbox: [{ provider: 'luka', count: 2, oldestAgeMs: journalHead * 300_000 }],
        lastError: null
      })
    await beat('2026-03-02T13:01:00.000Z', 5)
    await beat('2026-03-02T13:00:00.000Z', 4) // late arrival of an older one
    const { rows } = await ledger.context.pool.query('SELECT body FROM heartbeats WHERE terminal_id = $1', [
      identity.terminalId
    ])
    expect(rows[0].body).toMatchObject({ journalHead: 5, outbox: [{ provider: 'luka', count: 2 }] })
    const status = (await terminalStatus(ledger.context.pool, 60_000)).find(
      (one) => one.counter === 'Taquilla atascada'
    )
    // 5 entries at the counter, 3 here; the oldest Luka item 25 minutes old
    expect(status).toMatchObject({ lastSeq: 3, behind: 2, stuck: true, silent: false })
  })
})
