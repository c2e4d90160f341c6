import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LedgerClient } from '../../src/main/ledger/client'
import { journalLines } from '../../src/main/ledger/journal-lines'
import {
  LedgerReplicator,
  type JournalLines,
  type LedgerMismatch,
  type LedgerStatus
} from '../../src/main/ledger/replicator'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { workShift } from '../helpers/ledger-day'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

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

/** fetch through a switchable network: down (refused), or up but losing some replies after the server acted */
function network() {
  const state = { down: false, loseEvery: 0, calls: 0 }
  const fetchImpl: typeof fetch = async (input, init) => {
    if (state.down) throw new TypeError('fetch failed')
    const response = await fetch(input, init)
    state.calls++
    if (state.loseEvery > 0 && state.calls % state.loseEvery === 0) throw new TypeError('connection reset')
    return response
  }
  return { state, fetchImpl }
}

const storedSeqs = async (terminalId: string) =>
  (await ledger.context.pool.query('SELECT seq, body FROM entries WHERE terminal_id = $1 ORDER BY seq', [terminalId]))
    .rows as { seq: number; body: string }[]

async function replicatorFor(journal: JournalLines, fetchImpl: typeof fetch = fetch) {
  const client = new LedgerClient(ledger.url, fetchImpl)
  const identity = await new LedgerClient(ledger.url).enrol(await ledger.code(), 'Agencia Centro', 'Taquilla 1')
  const mismatches: LedgerMismatch[] = []
  const statuses: LedgerStatus[] = []
  const replicator = new LedgerReplicator({
    client,
    identity,
    journal,
    batchSize: 50,
    onMismatch: (mismatch) => mismatches.push(mismatch),
    onStatus: (status) => statuses.push(status)
  })
  return { identity, replicator, mismatches, statuses }
}

describe('replication', () => {
  it('ships the journal as written; 24 h offline, then catches up with every entry stored exactly once', async () => {
    const counter = counterBooks()
    const net = network()
    const { identity, replicator, mismatches } = await replicatorFor(journalLines(counter.journal), net.fetchImpl)
    workShift(counter, 1, 30)
    expect(await replicator.sync()).toEqual({ state: 'upToDate' })
    const before = counter.entries().length
    // a day offline: shifts go on, every sync says how far behind the ledger is
    net.state.down = true
    for (let hour = 0; hour < 24; hour++) {
      counter.clock.at += 3600_000
      workShift(counter, 100 + hour, 20)
      const status = await replicator.sync()
      expect(status).toEqual({ state: 'unreachable', behind: counter.entries().length - before })
    }
    // back, on a network that loses every third reply after the server stored the batch
    net.state.down = false
    net.state.loseEvery = 3
    let status: LedgerStatus = { state: 'unreachable', behind: 1 }
    for (let attempt = 0; attempt < 100 && status.state !== 'upToDate'; attempt++) status = await replicator.sync()
    expect(status).toEqual({ state: 'upToDate' })
    const stored = await storedSeqs(identity.terminalId)
    expect(stored.map((row) => row.seq)).toEqual(counter.entries().map((entry) => entry.seq))
    expect(stored.map((row) => row.body)).toEqual(counter.lines()) // byte for byte what is on disk
    expect(mismatches).toEqual([])
  })

  it('the anchor catches a local truncation and a rewritten entry, and ships nothing over them', async () => {
    const counter = counterBooks()
    const lines = counter.lines
    for (let i = 0; i < 12; i++)
      counter.journal.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
    let local = lines()
    const journal: JournalLines = {
      lastSeq: () => local.length,
      linesAfter: (seq, limit) => local.slice(seq, seq + limit)
    }
    const { identity, replicator, mismatches } = await replicatorFor(journal)
    expect(await replicator.sync()).toEqual({ state: 'upToDate' })
    const headHash = counter.entries()[11]!.hash
    local = local.slice(0, 9) // the last 3 entries cut from the file
    expect(await replicator.sync()).toEqual({ state: 'refused', code: 'mismatch' })
    expect(mismatches).toEqual([{ kind: 'truncated', seq: 12, serverHash: headHash }])
    // rewritten with its chain recomputed (as whoever holds the local key could): 12 entries, the last one other
    const rewritten = counterBooks()
    for (let i = 0; i < 12; i++)
      rewritten.journal.append({ action: 'lookup', refs: { reference: i === 11 ? 'R99' : `R${i}` }, result: 'found' })
    local = rewritten.lines()
    await replicator.sync()
    expect(mismatches[1]).toEqual({ kind: 'different', seq: 12, serverHash: headHash })
    await replicator.sync() // raised once, not at every sync
    expect(mismatches).toHaveLength(2)
    expect((await storedSeqs(identity.terminalId)).at(-1)!.body).toBe(lines()[11])
  })

  it('a fork the server reports comes back as a mismatch', async () => {
    const counter = counterBooks()
    for (let i = 0; i < 5; i++)
      counter.journal.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
    let local = counter.lines()
    const journal: JournalLines = {
      lastSeq: () => local.length,
      linesAfter: (seq, limit) => local.slice(seq, seq + limit)
    }
    const { replicator, mismatches } = await replicatorFor(journal)
    await replicator.sync()
    // another journal continues from an older server head: the server sees seq 5 with other content
    const rewritten = counterBooks()
    for (let i = 0; i < 4; i++)
      rewritten.journal.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
    rewritten.journal.append({ action: 'lookup', refs: { reference: 'X' }, result: 'found' })
    rewritten.journal.append({ action: 'lookup', refs: { reference: 'Y' }, result: 'found' })
    local = rewritten.lines()
    expect(await replicator.sync()).toEqual({ state: 'refused', code: 'mismatch' })
    expect(mismatches.map((one) => one.kind)).toEqual(['different'])
  })
})
