import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type pg from 'pg'
import { EnrolRequestSchema } from '@shared/ledger-protocol'
import { inTransaction } from '../db'
import { parseEd25519 } from './envelope'
import { Refusal } from './refusal'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

// Crockford-like alphabet: no 0/O, 1/I/L to misread when typed at a counter
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A one-time enrolment code (12 characters, ≈ 59 bits), kept only as its hash; valid for `ttlMs`. */
export async function createEnrolmentCode(
  pool: pg.Pool,
  ownerId: number | null,
  ttlMs = 24 * 3600_000
): Promise<string> {
  const bytes = randomBytes(12)
  const code = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')
  await pool.query(
    `INSERT INTO enrolment_codes (code_hash, created_by, expires_at, hint)
     VALUES ($1, $2, now() + $3 * interval '1 millisecond', $4)`,
    [sha256(normalizeCode(code)), ownerId, ttlMs, code.slice(8)]
  )
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
}

const normalizeCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase()

/** Registers a terminal's Ed25519 public key, agency and counter label with a code, once. */
export async function enrol(pool: pg.Pool, raw: unknown): Promise<{ terminalId: string }> {
  const parsed = EnrolRequestSchema.safeParse(raw)
  if (!parsed.success) throw new Refusal(400, 'malformed')
  const request = parsed.data
  parseEd25519(request.publicKey)
  const terminalId = randomUUID()
  return inTransaction(pool, async (db) => {
    const used = await db.query(
      `UPDATE enrolment_codes SET used_at = now(), terminal_id = $2
        WHERE code_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING code_hash`,
      [sha256(normalizeCode(request.code)), terminalId]
    )
    if (used.rowCount !== 1) throw new Refusal(403, 'badCode')
    const inserted = await db.query(
      `INSERT INTO terminals (id, public_key, agency, counter) VALUES ($1, $2, $3, $4) ON CONFLICT (public_key) DO NOTHING`,
      [terminalId, request.publicKey, request.agency, request.counter]
    )
    if (inserted.rowCount !== 1) throw new Refusal(409, 'keyEnrolled')
    return { terminalId }
  })
}
