import { Agent, request } from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, it } from 'vitest'
import { FakeLuka } from '../src/main/training/fake-luka'
import { DecisionBook, type DecisionFacts } from '../src/main/decisions/book'
import { LukaClient } from '../src/main/luka/client'
import { lukaNotifyDelivery } from '../src/main/luka/delivery'
import type { DeliveryHandler, NewItem } from '../src/main/outbox/item'
import { Outbox } from '../src/main/outbox/outbox'
import { inlineFsync } from '../src/main/storage/group-commit'
import { systemClock } from '../src/main/support/clock'
import { silentLogger } from '../src/main/support/log'

/**
 * Issue 3 figures for the outbox: enqueue latency at 10 and at 10 000 pending items (it must
 * not grow with the queue), drain throughput of 10 000 Luka notifies through LukaClient +
 * Outbox vs raw HTTP PUTs at the same concurrency, and memory with 10 000 items loaded.
 * Every enqueue is one append + fsync on the real disk; the drain's state changes are appended
 * and flushed by group commit (storage/group-commit.ts), acknowledged only once on disk.
 * As in the app, the decisions book follows every change of an item (LukaService.useOutbox).
 */
const ITEMS = 10_000
const SAMPLES = 2_000
const WARMUP = 200
const CONCURRENCY = 4
const RAW_WARMUP = 1_000

const figures: Record<string, unknown> = {}
const dirs: string[] = []
const books: DecisionBook[] = []
let luka: FakeLuka

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const memory = () => {
  gc()
  gc()
  const { rss, heapUsed } = process.memoryUsage()
  return { rssMiB: mib(rss), heapUsedMiB: mib(heapUsed) }
}
const mib = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1))
const round = (value: number, digits = 3) => Number(value.toFixed(digits))
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const stats = (values: number[]) => ({
  p50: round(percentile(values, 50)),
  p99: round(percentile(values, 99)),
  max: round(Math.max(...values))
})

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'taquilla-bench-outbox-'))
  dirs.push(dir)
  return dir
}

const notice = (transactionId: number): NewItem => ({
  kind: 'luka.notify',
  provider: 'luka',
  key: `luka:${transactionId}`,
  payload: {
    transactionId,
    decision: transactionId % 3 === 0 ? 'reject' : 'approve',
    note: transactionId % 3 === 0 ? 'cliente no se presentó' : '',
    terminal: 'Bench, Taquilla 1',
    authorizationCode: ''
  },
  subject: { transactionId, decision: transactionId % 3 === 0 ? 'reject' : 'approve', merchantReference: null },
  amount: { minor: 1_000 + (transactionId % 5_000), currency: 'USD' }
})

function outboxOn(dir: string, handler: DeliveryHandler): Outbox {
  const outbox = new Outbox({
    dir,
    clock: systemClock,
    log: silentLogger,
    handlers: { 'luka.notify': handler },
    limits: () => ({ maxItems: 1_000_000, maxAmount: {} }),
    retry: { baseMs: 20, capMs: 500 },
    concurrency: CONCURRENCY
  })
  followWithBook(outbox, new DecisionBook(join(dir, 'decisions.jsonl')))
  return outbox
}

/** The decisions book on the outbox's changes, as LukaService.useOutbox wires it (its writes are part of the cost). */
function followWithBook(outbox: Outbox, book: DecisionBook): void {
  books.push(book)
  outbox.onChange((item) => {
    const { transactionId, decision, note, authorizationCode } = item.payload as DecisionFacts
    const decidedAt = new Date(item.createdAt).toISOString()
    const facts = { transactionId, decision, note, authorizationCode, reference: null, amount: item.amount, decidedAt }
    book.follow(transactionId, item, facts)
  })
}

beforeAll(async () => {
  // a shared 2-core box is noisy: say how busy it was when the figures were taken
  figures.host = { cpus: cpus().length, loadAverage1mAtStart: round(loadavg()[0]!, 2), node: process.version }
  luka = new FakeLuka()
  await luka.start()
  for (let id = 1; id <= ITEMS; id++) luka.addTransaction({ id, amount: 10 + (id % 500) / 100 })
  for (let id = 100_001; id <= 100_000 + RAW_WARMUP; id++) luka.addTransaction({ id })
})

afterAll(async () => {
  await luka?.stop()
  for (const book of books) book.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/outbox.json', JSON.stringify(figures, null, 2))
  console.log('\nBENCH outbox\n' + JSON.stringify(figures, null, 2))
})

/**
 * Enqueue latency with 10 and with 10 000 items already waiting. The provider hangs (sends
 * never answer), so nothing leaves either queue; each measured enqueue is followed by a
 * discard of the same item (not measured), which keeps the level constant. The two levels
 * are sampled alternately, so the box's noise (fsync stalls, other processes) hits both alike.
 */
function filledOutbox(pending: number): { outbox: Outbox; dir: string; fillMs: number } {
  const dir = tempDir()
  const outbox = outboxOn(dir, { send: () => new Promise(() => undefined) })
  outbox.open()
  outbox.start()
  const started = performance.now()
  for (let id = 1; id <= pending; id++) outbox.enqueue(notice(id))
  return { outbox, dir, fillMs: performance.now() - started }
}

it('enqueue latency at 10 and at 10 000 pending items', () => {
  const small = filledOutbox(10)
  const large = filledOutbox(ITEMS)
  const times = { small: [] as number[], large: [] as number[] }
  const sample = (outbox: Outbox, into: number[], i: number) => {
    const started = performance.now()
    const item = outbox.enqueue(notice(1_000_000 + i))
    const elapsed = performance.now() - started
    outbox.discard(item.id, 'bench')
    if (i >= WARMUP) into.push(elapsed)
  }
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    if (i % 2 === 0) {
      sample(small.outbox, times.small, i)
      sample(large.outbox, times.large, i)
    } else {
      sample(large.outbox, times.large, i)
      sample(small.outbox, times.small, i)
    }
  }
  small.outbox.close()
  large.outbox.close()
  const at10 = stats(times.small)
  const at10000 = stats(times.large)
  figures.enqueue = {
    samples: SAMPLES,
    note: 'one enqueue = check limits + one JSON line appended + fsync, and the decisions book line it moves; provider hanging so nothing drains; the two levels sampled alternately',
    at10PendingMs: at10,
    at10000PendingMs: at10000,
    ratioP50: round(at10000.p50 / at10.p50, 2),
    ratioP99: round(at10000.p99 / at10.p99, 2),
    fill10000ItemsMs: round(large.fillMs, 1),
    fill10000ItemsPerSecond: Math.round(ITEMS / (large.fillMs / 1000)),
    logKiBAt10000: round(statSync(join(large.dir, 'outbox.log')).size / 1024, 1)
  }
})

it('drain of 10 000 notifies through LukaClient + Outbox vs raw HTTP PUT, with memory', async () => {
  // warm the fake (and the HTTP stack) so neither side pays for the other's JIT
  const token = await login()
  await rawPuts(
    Array.from({ length: RAW_WARMUP }, (_, i) => 100_001 + i),
    token
  )
  luka.requests.length = 0
  luka.ledger.length = 0

  const baseline = memory()
  const dir = tempDir()
  const client = new LukaClient({
    baseUrl: luka.url,
    credentials: () => ({ username: luka.options.username, password: luka.options.password }),
    clock: systemClock,
    log: silentLogger,
    timeoutMs: 10_000
  })
  const handler = lukaNotifyDelivery(() => client)

  // queue 10 000 decisions while "Luka is down" (not started), then restart on the same dir
  const writer = outboxOn(dir, handler)
  writer.open()
  for (let id = 1; id <= ITEMS; id++) writer.enqueue(notice(id))
  writer.close()
  const logKiB = round(statSync(join(dir, 'outbox.log')).size / 1024, 1)

  const loadStarted = performance.now()
  const outbox = outboxOn(dir, handler)
  outbox.open()
  const loadMs = performance.now() - loadStarted
  const loaded = memory()

  let delivered = 0
  let failedAttempts = 0
  const done = new Promise<void>((resolve) => {
    outbox.onChange((item) => {
      if (item.state === 'delivered' && ++delivered === ITEMS) resolve()
      if (item.state === 'pending' && item.attempts > 0) failedAttempts++
    })
  })
  const drainStarted = performance.now()
  outbox.start()
  await done
  const drainMs = performance.now() - drainStarted
  const ledgerEntries = luka.ledger.length
  luka.requests.length = 0 // the fake's own request log is not the outbox's memory
  luka.ledger.length = 0
  const drained = memory()
  const itemsKeptAfterDrain = [...outbox.all()].length
  outbox.close()

  // raw: the same 10 000 PUTs, same concurrency, no outbox, no client, no fsync
  for (const tx of luka.transactions.values()) tx.status = 'pending'
  const rawStarted = performance.now()
  await rawPuts(
    Array.from({ length: ITEMS }, (_, i) => i + 1),
    token
  )
  const rawMs = performance.now() - rawStarted
  const rawApplied = luka.ledger.length

  // between the two: LukaClient alone (axios, token, reply parsing), no outbox, no fsync
  for (const tx of luka.transactions.values()) tx.status = 'pending'
  const clientStarted = performance.now()
  let nextId = 1
  const clientLane = async () => {
    while (nextId <= ITEMS) {
      const id = nextId++
      await client.notifyDecision(notice(id).payload as Parameters<LukaClient['notifyDecision']>[0])
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, clientLane))
  const clientMs = performance.now() - clientStarted

  const outboxRate = ITEMS / (drainMs / 1000)
  const rawRate = ITEMS / (rawMs / 1000)
  const clientRate = ITEMS / (clientMs / 1000)
  figures.drain = {
    items: ITEMS,
    concurrency: CONCURRENCY,
    note: 'outbox: per item a sending line and a delivered line (and the decisions book lines they move), flushed by group commit (one fs.fsync shared by the lines written while the previous one ran; a lane sends once its claim is on disk and is freed when Luka answers), the notify PUT through LukaClient (axios), and the compaction it triggers; raw: node:http PUT with a keep-alive agent; client only: LukaClient.notifyDecision without the outbox',
    outboxItemsPerSecond: Math.round(outboxRate),
    rawHttpItemsPerSecond: Math.round(rawRate),
    outboxToRawRatio: round(outboxRate / rawRate, 2),
    lukaClientOnlyItemsPerSecond: Math.round(clientRate),
    outboxToClientOnlyRatio: round(outboxRate / clientRate, 2),
    outboxDrainMs: Math.round(drainMs),
    rawHttpMs: Math.round(rawMs),
    delivered,
    lukaLedgerEntries: ledgerEntries,
    rawApplied,
    failedAttempts
  }
  figures.memory = {
    note: 'this process (also holding the fake Luka and its 10 000 transactions); after gc',
    baseline,
    after10000PendingLoaded: loaded,
    afterDrain: drained,
    heapPerPendingItemBytes: Math.round(((loaded.heapUsedMiB - baseline.heapUsedMiB) * 1024 * 1024) / ITEMS),
    itemsKeptInMemoryAfterDrain: itemsKeptAfterDrain,
    load10000FromDiskMs: round(loadMs, 1),
    logKiBWith10000Pending: logKiB
  }
})

async function login(): Promise<string> {
  const response = await fetch(`${luka.url}/api/v1/servicio/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Username: luka.options.username, Password: luka.options.password })
  })
  return response.headers.get('token')!
}

/** PUTs a notify for each id at CONCURRENCY in flight, over keep-alive connections. */
async function rawPuts(ids: number[], token: string): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const url = new URL(luka.url)
  let next = 0
  const one = (id: number) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        IdTx: id,
        IdEstatus: id % 3 === 0 ? 7 : 6,
        Observaciones: '',
        Terminal: 'Bench, Taquilla 1',
        CodigoAutorizacion: ''
      })
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: '/api/v1/transaccion/pagodiferido/actualizar',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'content-length': Buffer.byteLength(body)
          }
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            JSON.parse(Buffer.concat(chunks).toString('utf8'))
            resolve()
          })
        }
      )
      req.on('error', reject)
      req.end(body)
    })
  const lane = async () => {
    while (next < ids.length) await one(ids[next++]!)
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane))
  agent.destroy()
}

// ------------------------------------------------------------------ network back (issue 10)
/**
 * A 10-minute outage ends → first delivery, on an injected (fake) clock: the outbox's clock
 * and its timers are vitest's fake ones, so each trial's ten minutes pass in milliseconds and
 * the figure is the outbox's own scheduling, not this box's noise. 9 items (6 Luka, 3
 * LuxCore), default retry policy (1 s base, 5 min cap, full jitter, per-provider circuit);
 * each trial draws its own jitter. "signal" = Services.networkBack, fired by the platform on
 * net.isOnline() false→true (read every 2 s), resume and unlock-screen.
 */
it('network back: a 10-minute outage ends → first delivery, with and without the signal', async () => {
  const { vi } = await import('vitest')
  const { AppFailure } = await import('@shared/errors')
  const TRIALS = 60
  const runTrial = async (seed: number, signal: boolean) => {
    let state = seed
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    let up = false
    const deliveredAt: number[] = []
    let firstWall = 0
    const send = (provider: 'luka' | 'luxcore') => async () => {
      if (!up) throw new AppFailure({ code: 'NETWORK', provider, providerCode: 'ECONNREFUSED' })
      if (deliveredAt.length === 0) firstWall = performance.now()
      deliveredAt.push(Date.now())
      return { ok: true }
    }
    const dir = tempDir()
    const outbox = new Outbox({
      dir,
      clock: { now: () => Date.now() }, // vitest's fake clock
      log: silentLogger,
      handlers: { 'luka.notify': { send: send('luka') }, 'luxcore.create': { send: send('luxcore') } },
      limits: () => ({ maxItems: 1_000, maxAmount: {} }),
      random,
      fsync: inlineFsync // the fake clock: real I/O on the thread pool could not follow it
    })
    outbox.open()
    outbox.start()
    for (let n = 1; n <= 9; n++) {
      const provider = n <= 6 ? 'luka' : 'luxcore'
      outbox.enqueue({
        kind: provider === 'luka' ? 'luka.notify' : 'luxcore.create',
        provider,
        key: `${provider}:${n}`,
        payload: { n },
        subject: { transactionId: n, decision: null, merchantReference: null },
        amount: null
      })
    }
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    up = true
    const back = Date.now()
    const backWall = performance.now()
    if (signal) outbox.networkBack()
    await vi.advanceTimersByTimeAsync(15 * 60_000)
    outbox.close()
    rmSync(dir, { recursive: true, force: true })
    return {
      first: Math.min(...deliveredAt) - back,
      all: Math.max(...deliveredAt) - back,
      // real time from the signal to the first send (the outbox's own work: fsyncs, scheduling)
      wallFirstMs: firstWall - backWall
    }
  }
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  type Trial = Awaited<ReturnType<typeof runTrial>>
  const results = { timers: [] as Trial[], signal: [] as Trial[] }
  try {
    for (let trial = 1; trial <= TRIALS; trial++) {
      results.timers.push(await runTrial(trial * 7_919, false))
      results.signal.push(await runTrial(trial * 7_919, true))
    }
  } finally {
    vi.useRealTimers()
  }
  const secs = (values: number[]) => ({
    p50: round(percentile(values, 50) / 1000, 2),
    p95: round(percentile(values, 95) / 1000, 2),
    max: round(Math.max(...values) / 1000, 2)
  })
  const figure = {
    trials: TRIALS,
    items: 9,
    outageMinutes: 10,
    timersOnly: {
      firstDeliveryS: secs(results.timers.map((r) => r.first)),
      allDeliveredS: secs(results.timers.map((r) => r.all))
    },
    withSignal: {
      firstDeliveryS: secs(results.signal.map((r) => r.first)),
      allDeliveredS: secs(results.signal.map((r) => r.all)),
      wallSignalToFirstSendMs: stats(results.signal.map((r) => r.wallFirstMs))
    },
    note: 'fake clock; with the signal add up to 2 s for net.isOnline() polling (resume/unlock fire at once)'
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/outbox-network-back.json', JSON.stringify(figure, null, 2))
  console.log('\nBENCH outbox network back\n' + JSON.stringify(figure, null, 2))
})
