import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { afterAll, beforeAll, it } from 'vitest'
import { LedgerClient } from '../src/main/ledger/client'
import { journalLines } from '../src/main/ledger/journal-lines'
import { LedgerReplicator } from '../src/main/ledger/replicator'
import { dayShifts } from '../src/server/owner/reconcile'
import { counterBooks, startLedger, type LedgerUnderTest } from '../test/helpers/ledger'
import { workShift } from '../test/helpers/ledger-day'
import { startPostgres, type TestPostgres } from '../test/helpers/postgres'

/**
 * Issue 15 figures: the agency ledger on a real PostgreSQL (Debian's, a throwaway cluster started
 * here with shared_buffers=512MB, otherwise defaults — fsync and synchronous_commit on):
 * ingest of 50 terminals × 1 000 entries at once, one terminal's catch-up after 24 h offline, and
 * the day's reconciliation query over 10 million stored entries.
 */
const figures: Record<string, unknown> = {}
let postgres: TestPostgres
let ledger: LedgerUnderTest

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const round = (value: number) => Math.round(value * 10) / 10

beforeAll(async () => {
  postgres = await startPostgres(['-c shared_buffers=512MB'])
  ledger = await startLedger(postgres, { TAQUILLA_DB_POOL: '20' })
}, 300_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/ledger.json', JSON.stringify(figures, null, 2))
  console.log('\nBENCH ledger\n' + JSON.stringify(figures, null, 2))
})

/** A counter's journal of about `count` entries, written by the counter's own code. */
function journalOf(count: number, hoursApart = 0) {
  const counter = counterBooks()
  for (let shift = 0; counter.entries().length < count; shift++) {
    counter.clock.at += hoursApart * 3600_000
    workShift(counter, shift + 1, 40)
  }
  return counter
}

it('ingest: 50 terminals × 1 000 entries at once, batches of 100', async () => {
  const lines = journalOf(1000).lines().slice(0, 1000)
  const client = new LedgerClient(ledger.url, fetch, 120_000)
  const identities = await Promise.all(
    Array.from({ length: 50 }, async (_, n) => client.enrol(await ledger.code(), 'Bench', `Taquilla ${n + 1}`))
  )
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    identities.map(async (identity) => {
      for (let from = 0; from < lines.length; from += 100) {
        const t0 = performance.now()
        const reply = await client.sendBatch(identity, lines.slice(from, from + 100))
        latencies.push(performance.now() - t0)
        if (reply.accepted !== 100) throw new Error(`batch not taken: ${JSON.stringify(reply)}`)
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  figures.ingest = {
    terminals: 50,
    entries: 50_000,
    seconds: round(seconds),
    entriesPerSecond: Math.round(50_000 / seconds),
    batchMsP50: round(percentile(latencies, 50)),
    batchMsP95: round(percentile(latencies, 95))
  }
}, 600_000)

it('catch-up: one terminal after 24 h offline', async () => {
  // a busy counter's day: an operation every ~30 s around the clock (≈ 2 700 entries, ≈ 24 h)
  const counter = journalOf(2700)
  const identity = await new LedgerClient(ledger.url).enrol(await ledger.code(), 'Bench', 'Offline')
  const replicator = new LedgerReplicator({
    client: new LedgerClient(ledger.url),
    identity,
    journal: journalLines(counter.journal),
    batchSize: 200,
    onMismatch: () => undefined
  })
  const t0 = performance.now()
  const status = await replicator.sync()
  const seconds = (performance.now() - t0) / 1000
  figures.catchUp = {
    entries: counter.entries().length,
    spanHours: round((counter.clock.at - Date.parse('2026-03-02T13:00:00Z')) / 3600_000),
    seconds: round(seconds),
    entriesPerSecond: Math.round(counter.entries().length / seconds),
    status: status.state
  }
}, 600_000)

it("the day's reconciliation over 10 million stored entries", async () => {
  const db = ledger.context.pool
  const terminals = 50
  // BENCH_LEDGER_DAYS shortens it: the day's query reads one day's entries, so its plan can be studied on fewer
  const days = Number(process.env.BENCH_LEDGER_DAYS ?? 365)
  const perShift = 548 // 50 × 365 × 548 = 10 001 000 entries
  const t0 = performance.now()
  await db.query('ALTER TABLE entries DROP CONSTRAINT entries_pkey; DROP INDEX entries_shift;')
  await db.query(
    `INSERT INTO terminals (id, public_key, agency, counter, last_seq)
     SELECT md5('bench' || t)::uuid, 'bench-key-' || t, 'Agencia ' || (t % 5), 'Taquilla ' || t, $1::bigint * $2
       FROM generate_series(1, $3) t`,
    [days, perShift, terminals]
  )
  await db.query(
    `INSERT INTO shifts (terminal_id, shift_id, opened_seq, opened_at, day, operator, closed_seq, closed_at)
     SELECT md5('bench' || t)::uuid, 's-' || t || '-' || d, d * $1 + 1,
            '2025-01-01 08:00Z'::timestamptz + d * interval '1 day', '2025-01-01'::date + d, 'Op ' || t,
            d * $1 + $1, '2025-01-01 08:00Z'::timestamptz + d * interval '1 day' + ($1 - 1) * interval '50 s'
       FROM generate_series(1, $2) t, generate_series(0, $3 - 1) d`,
    [perShift, terminals, days]
  )
  // the mix of a counter's day: approvals (some unconfirmed), rejections, deposits and their status, links, lookups
  await db.query(`SET synchronous_commit = off`)
  await db.query(
    `INSERT INTO entries (terminal_id, seq, body, hash, prev, at, day, action, result, operator, shift_id,
                          currency, minor, decision, link_key, method)
     SELECT md5('bench' || t)::uuid, d * $1 + k + 1,
            CASE WHEN k = 0 OR k = $1 - 1
                 THEN '{"amounts":[{"currency":"USD","minor":' || (10000 + k) || '},{"currency":"VES","minor":500000}]}'
                 ELSE '{}' END,
            md5(t || '-' || d || '-' || k), '', at, '2025-01-01'::date + d,
            CASE WHEN k = 0 THEN 'shiftOpened' WHEN k = $1 - 1 THEN 'shiftClosed'
                 ELSE (ARRAY['decision','decisionOutcome','decision','decision','depositCreated','depositStatus',
                             'paymentLink','lookup','lookup','lookup'])[k % 10 + 1] END,
            (ARRAY['accepted','delivered','accepted','accepted','accepted','completed','created','found','found','found'])[k % 10 + 1],
            'Op ' || t, 's-' || t || '-' || d,
            CASE WHEN k % 3 = 0 THEN 'VES' ELSE 'USD' END, 100 + (k * 7919) % 500000,
            CASE k % 10 WHEN 3 THEN 'reject' WHEN 0 THEN 'approve' WHEN 2 THEN 'approve' END,
            CASE WHEN k % 10 IN (1, 5) THEN (k - 1)::text ELSE k::text END,
            CASE WHEN k % 10 IN (4, 5) THEN 'cash' END
       FROM generate_series(1, $2) t, generate_series(0, $3 - 1) d, generate_series(0, $1 - 1) k,
            LATERAL (SELECT '2025-01-01 08:00Z'::timestamptz + d * interval '1 day' + k * interval '50 s' AS at) a`,
    [perShift, terminals, days]
  )
  const generated = performance.now()
  await db.query('ALTER TABLE entries ADD PRIMARY KEY (terminal_id, seq)')
  await db.query(
    `CREATE INDEX entries_shift ON entries (terminal_id, shift_id, seq)
       INCLUDE (action, result, operator, currency, minor, decision, link_key, method) WHERE shift_id IS NOT NULL`
  )
  await db.query('VACUUM ANALYZE') // what autovacuum does by itself; the visibility map lets index-only scans skip the rows
  const indexed = performance.now()
  const { rows } = await db.query('SELECT count(*)::bigint AS n, pg_total_relation_size($1) AS bytes FROM entries', [
    'entries'
  ])
  // wall time, and the query's own CPU time: the backend's utime+stime from /proc (10 ms ticks),
  // which the other processes on this shared machine do not inflate
  const client = await db.connect()
  const { rows: backend } = await client.query('SELECT pg_backend_pid() AS pid')
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${backend[0].pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  }
  const cpu: number[] = []
  const sample = async (runs: number) => {
    const times: number[] = []
    for (let run = 0; run < runs; run++) {
      const day = new Date(Date.parse('2025-01-01') + Math.floor(Math.random() * days) * 86_400_000)
        .toISOString()
        .slice(0, 10)
      const cpu0 = cpuMs()
      const start = performance.now()
      const result = await dayShifts(client, day)
      times.push(performance.now() - start)
      cpu.push(cpuMs() - cpu0)
      if (result.length !== terminals * 2) throw new Error(`expected ${terminals * 2} rows, got ${result.length}`)
    }
    return times
  }
  await sample(3) // warm
  cpu.length = 0
  // 1. every shift computed from its entries (what an open shift, or one closed before migration 003, costs)
  const times = await sample(40)
  const queryCpu = cpu.splice(0)
  const { SHIFT_QUERY, storeShiftTotals } = await import('../src/server/owner/reconcile')
  const plan = await db.query(`EXPLAIN (FORMAT JSON) ${SHIFT_QUERY}`, ['2025-01-05'])
  const analyzed = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${SHIFT_QUERY}`, ['2025-01-05'])
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/ledger-day-plan.txt', analyzed.rows.map((row) => row['QUERY PLAN']).join('\n'))
  // 2. the closed shifts' totals stored (ingest does it as each shift closes; here a day at a time)
  const storing: number[] = []
  for (let day = 0; day < days; day++) {
    const start = performance.now()
    await storeShiftTotals(client, `sh.day = '2025-01-01'::date + $1::int`, [day])
    storing.push(performance.now() - start)
  }
  await sample(3)
  cpu.length = 0
  const stored = await sample(40)
  const storedCpu = cpu.splice(0)
  const storedPlan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${SHIFT_QUERY}`, ['2025-01-05'])
  writeFileSync('bench/results/ledger-day-plan-stored.txt', storedPlan.rows.map((row) => row['QUERY PLAN']).join('\n'))
  // 3. computed from the entries without the shift index (what "the right indexes" are worth)
  await db.query('UPDATE shifts SET totals_at = NULL')
  await db.query('DROP INDEX entries_shift')
  const unindexed = await sample(3)
  client.release()
  figures.reconciliation = {
    entries: Number(rows[0].n),
    tableGiB: round(Number(rows[0].bytes) / 2 ** 30),
    generateSeconds: round((generated - t0) / 1000),
    indexSeconds: round((indexed - generated) / 1000),
    computedMsP50: round(percentile(times, 50)),
    computedMsP95: round(percentile(times, 95)),
    computedMsMax: round(Math.max(...times)),
    computedCpuMsP50: percentile(queryCpu, 50),
    computedCpuMsP95: percentile(queryCpu, 95),
    storeTotalsPerDayMsP50: round(percentile(storing, 50)),
    storeTotalsPerShiftMs: round(percentile(storing, 50) / terminals),
    storedMsP50: round(percentile(stored, 50)),
    storedMsP95: round(percentile(stored, 95)),
    storedMsMax: round(Math.max(...stored)),
    storedCpuMsP50: percentile(storedCpu, 50),
    storedCpuMsP95: percentile(storedCpu, 95),
    loadAverage: loadavg().map(round),
    withoutShiftIndexMsP50: round(percentile(unindexed, 50)),
    usesIndexes: JSON.stringify(plan.rows[0]).match(/"Index Name":"[a-z_]+"/g)
  }
}, 1_800_000)
