import type pg from 'pg'

/** The counters (terminals) and open enrolment codes as the owner manages them on /counters. */
export interface CounterRow {
  id: string
  agency: string
  counter: string
  enrolledAt: string
  lastSeq: number
  revokedAt: string | null
  revokedBy: string | null
}

const iso = (value: unknown) => (value ? (value as Date).toISOString() : null)

export async function listCounters(pool: pg.Pool): Promise<CounterRow[]> {
  const { rows } = await pool.query(
    `SELECT t.id, t.agency, t.counter, t.enrolled_at, t.last_seq, t.revoked_at, o.email AS revoked_by
       FROM terminals t LEFT JOIN owners o ON o.id = t.revoked_by
      ORDER BY t.revoked_at IS NOT NULL, t.agency, t.counter`
  )
  return rows.map((row) => ({
    id: row.id,
    agency: row.agency,
    counter: row.counter,
    enrolledAt: iso(row.enrolled_at)!,
    lastSeq: row.last_seq,
    revokedAt: iso(row.revoked_at),
    revokedBy: row.revoked_by
  }))
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Revokes a terminal (a stolen or replaced PC): from the commit on, its batches and heartbeats are
 * refused with `revoked` (src/server/ledger/ingest.ts, heartbeat.ts). What it sent stays. Once.
 */
export async function revokeCounter(pool: pg.Pool, by: number, terminalId: string): Promise<boolean> {
  if (!UUID.test(terminalId)) return false
  const { rowCount } = await pool.query(
    'UPDATE terminals SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL',
    [terminalId, by]
  )
  return rowCount === 1
}

export interface CodeRow {
  id: number
  /** the code's last four characters (the rest is kept only as a hash) */
  hint: string | null
  createdAt: string
  createdBy: string | null
  expiresAt: string
}

/** Codes still usable: not used, not revoked, not expired. */
export async function openCodes(pool: pg.Pool): Promise<CodeRow[]> {
  const { rows } = await pool.query(
    `SELECT c.id, c.hint, c.created_at, o.email AS created_by, c.expires_at
       FROM enrolment_codes c LEFT JOIN owners o ON o.id = c.created_by
      WHERE c.used_at IS NULL AND c.revoked_at IS NULL AND c.expires_at > now() ORDER BY c.created_at`
  )
  return rows.map((row) => ({
    id: Number(row.id),
    hint: row.hint,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    expiresAt: iso(row.expires_at)!
  }))
}

export async function revokeCode(pool: pg.Pool, id: number): Promise<boolean> {
  if (!Number.isSafeInteger(id)) return false
  const { rowCount } = await pool.query(
    'UPDATE enrolment_codes SET revoked_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL',
    [id]
  )
  return rowCount === 1
}
