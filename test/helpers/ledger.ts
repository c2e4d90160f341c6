import { mkdtempSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ShiftBook } from '../../src/main/books/shift'
import { Journal, type Who } from '../../src/main/journal/journal'
import { readConfig } from '../../src/server/config'
import { createPool, migrate, serverSecret } from '../../src/server/db'
import { createLedgerServer, type ServerContext } from '../../src/server/http'
import { createEnrolmentCode } from '../../src/server/ledger/enrol'
import type { TestPostgres } from './postgres'

export interface LedgerUnderTest {
  url: string
  context: ServerContext
  code(): Promise<string>
  close(): Promise<void>
}

/** The agency server in this process on 127.0.0.1:0, over a fresh database of `postgres`. */
export async function startLedger(postgres: TestPostgres, env: Record<string, string> = {}): Promise<LedgerUnderTest> {
  const databaseUrl = await postgres.createDatabase()
  const config = readConfig({ DATABASE_URL: databaseUrl, TAQUILLA_SERVER_HOST: '127.0.0.1', ...env })
  const pool = createPool(databaseUrl, config.poolSize)
  await migrate(pool)
  const context: ServerContext = { pool, config, secret: await serverSecret(pool) }
  const server = createLedgerServer(context)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `${config.tlsCert ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    context,
    code: () => createEnrolmentCode(pool, null),
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await pool.end()
    }
  }
}

/** A counter's real journal and Z report code (src/main), on a settable clock. */
export function counterBooks(who: Who = { operator: 'Ana', terminal: 'Agencia Centro, Taquilla 1' }) {
  const dir = mkdtempSync(join(tmpdir(), 'taquilla-ledger-counter-'))
  const clock = { at: Date.parse('2026-03-02T13:00:00Z'), now: () => clock.at }
  const journal = new Journal(join(dir, 'journal.jsonl'), clock, () => who)
  journal.open()
  /** the journal's lines exactly as written on disk */
  const lines = () => readFileSync(journal.path, 'utf8').split('\n').filter(Boolean)
  /** every entry, in order */
  const entries = () => journal.entries(0, journal.count)
  return { dir, clock, journal, books: new ShiftBook(journal), lines, entries }
}
