import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LedgerClient } from '../../src/main/ledger/client'
import { journalLines } from '../../src/main/ledger/journal-lines'
import { LedgerReplicator, type LedgerStatus } from '../../src/main/ledger/replicator'
import { createPool, migrate } from '../../src/server/db'
import { createEnrolmentCode } from '../../src/server/ledger/enrol'
import { counterBooks } from '../helpers/ledger'
import { seeded, workShift } from '../helpers/ledger-day'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

let postgres: TestPostgres
let databaseUrl: string
let port: number
let server: ChildProcess | undefined
const entry = join(process.cwd(), 'out/server/index.mjs')

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number }
      probe.close(() => resolve(free))
    })
  })
}

/** `node out/server/index.mjs` (built by `npm run build`), resolved when it says it is ready. */
async function startServer(): Promise<void> {
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TAQUILLA_SERVER_PORT: String(port),
      TAQUILLA_SERVER_HOST: '127.0.0.1'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  server = child
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('agency server ready')) resolve()
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`agency server exited (${code}): ${output}`)))
  })
}

function killServer(): Promise<void> {
  const child = server!
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error('out/server/index.mjs missing: run `npm run build` first')
  postgres = await startPostgres()
  databaseUrl = await postgres.createDatabase()
  const pool = createPool(databaseUrl, 2)
  await migrate(pool)
  await pool.end()
  port = await freePort()
  await startServer()
}, 120_000)
afterAll(async () => {
  if (server && server.exitCode === null) await killServer()
  postgres?.stop()
})

describe('the agency server killed mid-batch', () => {
  it('loses and doubles nothing: 3 counters keep shipping through 6 SIGKILLs', async () => {
    const url = `http://127.0.0.1:${port}`
    const pool = createPool(databaseUrl, 2)
    let inFlight = 0
    let killedMidBatch = 0
    const counting: typeof fetch = async (input, init) => {
      inFlight++
      try {
        return await fetch(input, init)
      } finally {
        inFlight--
      }
    }
    const counters = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const books = counterBooks({ operator: `Op ${n}`, terminal: `Agencia, Taquilla ${n}` })
        for (let shift = 0; shift < 6; shift++) workShift(books, n * 100 + shift, 60)
        const identity = await new LedgerClient(url).enrol(
          await createEnrolmentCode(pool, null),
          'Agencia',
          `Taquilla ${n}`
        )
        const replicator = new LedgerReplicator({
          client: new LedgerClient(url, counting, 5_000),
          identity,
          journal: journalLines(books.journal),
          batchSize: 25,
          onMismatch: (mismatch) => {
            throw new Error(`unexpected mismatch ${JSON.stringify(mismatch)}`)
          }
        })
        return { books, identity, replicator }
      })
    )
    const random = seeded(7)
    let done = false
    const shipping = Promise.all(
      counters.map(async ({ replicator }) => {
        let status: LedgerStatus = { state: 'behind', behind: 1 }
        while (!done || status.state !== 'upToDate') {
          status = await replicator.sync()
          if (status.state === 'unreachable') await new Promise((resolve) => setTimeout(resolve, 20))
          if (done && status.state === 'upToDate') break
        }
      })
    )
    for (let kill = 0; kill < 6; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 100 + random() * 300))
      if (inFlight > 0) killedMidBatch++
      await killServer()
      await startServer()
    }
    done = true
    await shipping
    expect(killedMidBatch).toBeGreaterThan(0)
    for (const { books, identity } of counters) {
      const { rows } = await pool.query('SELECT seq, body FROM entries WHERE terminal_id = $1 ORDER BY seq', [
        identity.terminalId
      ])
      expect(rows.length).toBe(books.entries().length)
      expect(rows.map((row) => row.body)).toEqual(books.lines())
    }
    const incidents = await pool.query('SELECT count(*)::int AS n FROM incidents')
    expect(incidents.rows[0].n).toBe(0)
    await pool.end()
  }, 240_000)
})
