import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LedgerClient } from '../../src/main/ledger/client'
import { journalLines } from '../../src/main/ledger/journal-lines'
import { LedgerReplicator, type LedgerStatus } from '../../src/main/ledger/replicator'
import { addOwner } from '../../src/server/owner/accounts'
import { listCounters, openCodes, revokeCode, revokeCounter } from '../../src/server/owner/counters'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

let postgres: TestPostgres
let ledger: LedgerUnderTest
let client: LedgerClient
let ownerId: number

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres)
  client = new LedgerClient(ledger.url)
  await addOwner(ledger.context.pool, 'duena@example.com', 'una clave larga y buena')
  ownerId = (await ledger.context.pool.query('SELECT id FROM owners')).rows[0].id
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

const beat = (journalHead: number) => ({
  at: new Date().toISOString(),
  appVersion: '0.1.0',
  journalHead,
  openShift: null,
  outbox: [],
  lastError: null
})

describe('revoking a terminal', () => {
  it("refuses its batches and heartbeats with 'revoked' from then on, keeps what it sent, and the counter says so", async () => {
    const counter = counterBooks()
    for (let i = 0; i < 6; i++)
      counter.journal.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
    const identity = await client.enrol(await ledger.code(), 'Agencia Centro', 'Taquilla 3')
    const other = await client.enrol(await ledger.code(), 'Agencia Centro', 'Taquilla 4')
    await client.sendBatch(identity, counter.lines().slice(0, 4))
    await client.heartbeat(identity, beat(4))

    expect(await revokeCounter(ledger.context.pool, ownerId, identity.terminalId)).toBe(true)
    expect(await revokeCounter(ledger.context.pool, ownerId, identity.terminalId)).toBe(false) // once
    for (const send of [
      () => client.sendBatch(identity, counter.lines().slice(4)),
      () => client.sendBatch(identity, []),
      () => client.heartbeat(identity, beat(6))
    ])
      await expect(send()).rejects.toMatchObject({ status: 403, code: 'revoked' })
    const { rows } = await ledger.context.pool.query(
      `SELECT (SELECT count(*)::int FROM entries WHERE terminal_id = $1) AS entries,
              (SELECT body->>'journalHead' FROM heartbeats WHERE terminal_id = $1) AS head`,
      [identity.terminalId]
    )
    expect(rows[0]).toEqual({ entries: 4, head: '4' })

    // the counter's replicator reports the server's word
    const statuses: LedgerStatus[] = []
    const replicator = new LedgerReplicator({
      client,
      identity,
      journal: journalLines(counter.journal),
      onMismatch: () => undefined,
      onStatus: (status) => statuses.push(status)
    })
    expect(await replicator.sync()).toEqual({ state: 'refused', code: 'revoked' })
    expect(statuses).toEqual([{ state: 'refused', code: 'revoked' }])

    // the other terminal goes on; the list says who revoked which
    const fresh = counterBooks()
    fresh.journal.append({ action: 'lookup', refs: { reference: 'R9' }, result: 'found' })
    expect((await client.sendBatch(other, fresh.lines())).lastSeq).toBe(1)
    const listed = await listCounters(ledger.context.pool)
    expect(listed.find((row) => row.id === identity.terminalId)).toMatchObject({
      revokedBy: 'duena@example.com',
      lastSeq: 4
    })
    expect(listed.find((row) => row.id === other.terminalId)).toMatchObject({ revokedAt: null })
  })
})

describe('enrolment codes', () => {
  it('lists the open ones by their last four characters; a revoked one no longer enrols', async () => {
    const before = (await openCodes(ledger.context.pool)).length
    const kept = await ledger.code()
    const revoked = await ledger.code()
    const open = await openCodes(ledger.context.pool)
    expect(open.slice(before).map((row) => row.hint)).toEqual([kept.slice(-4), revoked.slice(-4)])
    const target = open.find((row) => row.hint === revoked.slice(-4))!
    expect(await revokeCode(ledger.context.pool, target.id)).toBe(true)
    expect(await revokeCode(ledger.context.pool, target.id)).toBe(false)
    await expect(client.enrol(revoked, 'Agencia Centro', 'Taquilla 8')).rejects.toMatchObject({ code: 'badCode' })
    await client.enrol(kept, 'Agencia Centro', 'Taquilla 9')
    // used and revoked codes are no longer open
    expect((await openCodes(ledger.context.pool)).map((row) => row.hint)).not.toContain(kept.slice(-4))
    expect((await openCodes(ledger.context.pool)).length).toBe(before)
  })
})
