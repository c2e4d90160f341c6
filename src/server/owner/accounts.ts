import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type pg from 'pg'

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

export async function addOwner(pool: pg.Pool, email: string, password: string): Promise<void> {
  await pool.query(
    `INSERT INTO owners (email, password_hash) VALUES ($1, $2)
     ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash`,
    [email.trim().toLowerCase(), await hashPassword(password)]
  )
}

// an unknown email costs the same scrypt as a known one, so timing does not say which emails exist
let decoy: Promise<string> | undefined

/** The owner's id when email and password match, else null. */
export async function checkOwner(pool: pg.Pool, email: string, password: string): Promise<number | null> {
  const { rows } = await pool.query('SELECT id, password_hash FROM owners WHERE email = $1', [
    email.trim().toLowerCase()
  ])
  if (!rows[0]) {
    decoy ??= hashPassword(randomBytes(16).toString('hex'))
    await verifyPassword(await decoy, password)
    return null
  }
  return (await verifyPassword(rows[0].password_hash as string, password)) ? Number(rows[0].id) : null
}
