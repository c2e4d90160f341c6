import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LedgerClient } from '../../src/main/ledger/client'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { seeded, workShift } from '../helpers/ledger-day'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

let postgres: TestPostgres
let ledger: LedgerUnderTest
let child: string

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres)
  // the counter's replicator as a plain Node script (so it can be killed like the app would be)
  // inside the project, so the bundle finds node_modules (zod)
  mkdirSync('out', { recursive: true })
  const outDir = mkdtempSync(join('out', 'test-ledger-child-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@shared': resolve('src/shared') } },
    build: {
      ssr: resolve('test/helpers/ledger-counter-child.ts'),
      outDir,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } }
    }
  })
  child = resolve(outDir, 'child.mjs')
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

interface Run {
  output: string
  code: number | null
  signal: NodeJS.Signals | null
}

function runCounter(env: Record<string, string>, killAfterMs?: number): Promise<Run> {
  return new Promise((done) => {
    const process_ = spawn(process.execPath, [child], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    let timer: NodeJS.Timeout | undefined
    process_.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      // the clock starts at the first request, not at the process start (which takes long under load)
      if (killAfterMs !== undefined && !timer && output.includes('sending'))
        timer = setTimeout(() => process_.kill('SIGKILL'), killAfterMs)
    })
    process_.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    process_.once('exit', (code, signal) => {
      clearTimeout(timer)
      done({ output, code, signal })
    })
  })
}

describe('the counter killed mid-batch', () => {
  it('loses and doubles nothing: the next start resumes from the server head', async () => {
    const books = counterBooks()
    for (let shift = 0; shift < 8; shift++) workShift(books, shift + 1, 50)
    const identity = await new LedgerClient(ledger.url).enrol(await ledger.code(), 'Agencia', 'Taquilla 1')
    const env = {
      LEDGER_URL: ledger.url,
      TERMINAL_ID: identity.terminalId,
      PRIVATE_KEY: identity.privateKey,
      JOURNAL_PATH: books.journal.path
    }
    const random = seeded(11)
    let midBatch = 0
    let killed = 0
    for (let attempt = 0; attempt < 40 && killed < 6; attempt++) {
      const run = await runCounter(env, random() * 300)
      if (run.code === 0) break // finished before the kill
      if (run.signal !== 'SIGKILL') throw new Error(`the counter failed: ${run.output}`)
      killed++
      if (run.output.trimEnd().endsWith('sending')) midBatch++ // killed with a request on the wire
    }
    const last = await runCounter(env)
    expect(last.output).toContain('synced')
    expect(killed).toBeGreaterThan(0)
    expect(midBatch).toBeGreaterThan(0)
    const { rows } = await ledger.context.pool.query(
      'SELECT seq, body FROM entries WHERE terminal_id = $1 ORDER BY seq',
      [identity.terminalId]
    )
    expect(rows.map((row) => row.body)).toEqual(books.lines())
    expect((await ledger.context.pool.query('SELECT 1 FROM incidents')).rowCount).toBe(0)
  }, 240_000)
})
