import type pg from 'pg'
import { inTransaction } from '../db'
import { hashPassword, verifyPassword } from './accounts'
import type { SessionOwner } from './session'

/** Owner accounts as the owner's page manages them. */
export const MIN_PASSWORD = 12
// scrypt of a megabyte-long "password" would be a cheap way to load the server
const MAX_PASSWORD = 1024
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export interface OwnerRow {
  id: number
  email: string
  createdAt: string
  createdBy: string | null
  disabledAt: string | null
}

/**
 * A session is good while its owner is active and its epoch is the account's (a password change
 * bumps it): checked at every request, so disabling an owner ends their sessions at once.
 */
export async function sessionActive(pool: pg.Pool, session: SessionOwner): Promise<boolean> {
  const { rows } = await pool.query(
    'SELECT 1 FROM owners WHERE id = $1 AND session_epoch = $2 AND disabled_at IS NULL',
    [session.ownerId, session.epoch]
  )
  return rows.length === 1
}

export async function listOwners(pool: pg.Pool): Promise<OwnerRow[]> {
  const { rows } = await pool.query(
    `SELECT o.id, o.email, o.created_at, c.email AS created_by, o.disabled_at
       FROM owners o LEFT JOIN owners c ON c.id = o.created_by ORDER BY o.disabled_at IS NOT NULL, o.email`
  )
  return rows.map((row) => ({
    id: Number(row.id),
    email: row.email,
    createdAt: (row.created_at as Date).toISOString(),
    createdBy: row.created_by,
    disabledAt: row.disabled_at ? (row.disabled_at as Date).toISOString() : null
  }))
}

const passwordProblem = (password: string) =>
  password.length < MIN_PASSWORD ? 'short' : password.length > MAX_PASSWORD ? 'long' : null

export type AddResult = 'added' | 'exists' | 'badEmail' | 'short' | 'long'

export async function createOwner(pool: pg.Pool, by: number, email: string, password: string): Promise<AddResult> {
  const address = email.trim().toLowerCase()
  if (!EMAIL.test(address)) return 'badEmail'
  const problem = passwordProblem(password)
  if (problem) return problem
  const { rowCount } = await pool.query(
    'INSERT INTO owners (email, password_hash, created_by) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING',
    [address, await hashPassword(password), by]
  )
  return rowCount === 1 ? 'added' : 'exists'
}

export type PasswordResult = { result: 'changed'; epoch: number } | { result: 'wrongCurrent' | 'short' | 'long' }

/** The owner's own password, the current one required; other sessions of theirs end. */
export async function changePassword(
  pool: pg.Pool,
  ownerId: number,
  current: string,
  next: string
): Promise<PasswordResult> {
  const { rows } = await pool.query('SELECT password_hash FROM owners WHERE id = $1', [ownerId])
  if (!rows[0] || !(await verifyPassword(rows[0].password_hash as string, current))) return { result: 'wrongCurrent' }
  const problem = passwordProblem(next)
  if (problem) return { result: problem }
  const updated = await pool.query(
    'UPDATE owners SET password_hash = $2, session_epoch = session_epoch + 1 WHERE id = $1 RETURNING session_epoch',
    [ownerId, await hashPassword(next)]
  )
  return { result: 'changed', epoch: updated.rows[0].session_epoch as number }
}

export type DisableResult = 'disabled' | 'self' | 'unknown'

/**
 * Disables another owner — never oneself, so the last active owner (the one asking) always stays.
 * The active owners' rows are locked first: two owners disabling each other at the same moment
 * cannot leave nobody able to sign in (the second finds itself disabled).
 */
export async function disableOwner(pool: pg.Pool, by: number, target: number): Promise<DisableResult> {
  if (by === target) return 'self'
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query('SELECT id FROM owners WHERE disabled_at IS NULL ORDER BY id FOR UPDATE')
    const active = rows.map((row) => Number(row.id))
    if (!active.includes(by) || !active.includes(target)) return 'unknown'
    await db.query('UPDATE owners SET disabled_at = now(), disabled_by = $2 WHERE id = $1', [target, by])
    return 'disabled'
  })
}
