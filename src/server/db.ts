/// <reference types="vite/client" />
import { randomBytes } from 'node:crypto'
import pg from 'pg'

// bigint columns (seq, minor) come back as JS numbers: every seq and amount the counter writes
// is a safe integer (src/shared/money.ts maxMinor), so nothing is rounded.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text))
// a `date` stays the text YYYY-MM-DD: no time zone may move a day
pg.types.setTypeParser(pg.types.builtins.DATE, (text) => text)

/** The versioned migrations, plain SQL files applied in name order (bundled into the build). */
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true })
export const MIGRATIONS = Object.keys(files)
  .sort()
  .map((path) => ({ version: path.replace(/^.*\//, '').replace(/\.sql$/, ''), sql: files[path]! }))

export function createPool(databaseUrl: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max })
}

/**
 * Applies the migrations not yet in `schema_migrations`, each in its own transaction. An advisory
 * lock makes several servers starting at once take turns (the server is stateless; the database
 * is the one place they meet).
 */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect()
  const applied: string[] = []
  try {
    await client.query('SELECT pg_advisory_lock(7364001)')
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())'
    )
    const done = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((row) => row.version))
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue
      await client.query('BEGIN')
      try {
        await client.query(migration.sql)
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version])
        await client.query('COMMIT')
      } catch (cause) {
        await client.query('ROLLBACK')
        throw cause
      }
      applied.push(migration.version)
    }
    // the key that signs owners' cookies: one per database, so every server behind the balancer shares it
    await client.query('INSERT INTO server_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
      randomBytes(32).toString('base64url')
    ])
  } finally {
    await client.query('SELECT pg_advisory_unlock(7364001)').catch(() => undefined)
    client.release()
  }
  return applied
}

export async function serverSecret(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query('SELECT secret FROM server_secret WHERE id = 1')
  if (!rows[0]) throw new Error('the database has no server secret: run the migrations first')
  return rows[0].secret as string
}

/** Runs `work` in a transaction on one client, rolled back on any error. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (cause) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw cause
  } finally {
    client.release()
  }
}
