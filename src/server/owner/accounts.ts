import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type pg from 'pg'
import type { SessionOwner } from './session'

// scrypt cost: N = 2^15, r = 8, p = 1 (OWASP's minimum is 2^17 with r=8 at p=1 for 2023; 2^15 keeps a
// sign-in near 100 ms on a small server — raise N with the hardware; the cost is stored per hash)
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { ...params, maxmem: COST.maxmem }, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  )
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const [kind, N, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/**
 * The command line's add-or-reset (`npm run server -- add-owner`): the way back in when every owner
 * is locked out, so a reset also enables the account again and ends its sessions.
 */
export async function addOwner(pool: pg.Pool, email: string, password: string): Promise<void> {
  await pool.query(
    `INSERT INTO owners (email, password_hash) VALUES ($1, $2)
     ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, disabled_at = NULL, disabled_by = NULL,
       session_epoch = owners.session_epoch + 1`,
    [email.trim().toLowerCase(), await hashPassword(password)]
  )
}

// an unknown email costs the same scrypt as a known one, so timing does not say which emails exist
let decoy: Promise<string> | undefined

/** The owner when email and password match an active account, else null (a disabled one costs the same). */
export async function checkOwner(pool: pg.Pool, email: string, password: string): Promise<SessionOwner | null> {
  const { rows } = await pool.query(
    'SELECT id, password_hash, session_epoch, disabled_at FROM owners WHERE email = $1',
    [email.trim().toLowerCase()]
  )
  if (!rows[0]) {
    decoy ??= hashPassword(randomBytes(16).toString('hex'))
    await verifyPassword(await decoy, password)
    return null
  }
  const good = await verifyPassword(rows[0].password_hash as string, password)
  return good && rows[0].disabled_at === null ? { ownerId: Number(rows[0].id), epoch: rows[0].session_epoch } : null
}
