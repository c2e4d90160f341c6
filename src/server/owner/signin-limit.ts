import type pg from 'pg'

/**
 * The sign-in rate limit. Failures are counted in PostgreSQL (several servers may answer the same
 * owner), per account and per client address: MAX failures within WINDOW refuse further tries for
 * WINDOW after the last of them. Refused tries are not counted (a lock-out ends when it says).
 * Unknown emails count like known ones, so a lock-out says nothing about which accounts exist.
 */
export const SIGNIN_LIMIT = { account: 5, address: 10, windowMinutes: 15 }

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`
export const addressKey = (address: string) => `address:${address}`

/** When the first of `keys` that is locked out may try again, or null when none is. */
export async function lockedUntil(pool: pg.Pool, account: string, address: string): Promise<Date | null> {
  const { rows } = await pool.query(
    `WITH keys (key, max) AS (VALUES ($1, $3::int), ($2, $4::int)),
          last AS (SELECT k.key, k.max, max(f.at) AS at FROM keys k JOIN signin_failures f ON f.key = k.key
                    WHERE f.at > now() - make_interval(mins => $5) GROUP BY k.key, k.max)
     SELECT max(last.at + make_interval(mins => $5)) AS until FROM last
      WHERE (SELECT count(*) FROM signin_failures f
              WHERE f.key = last.key AND f.at > last.at - make_interval(mins => $5)) >= last.max`,
    [account, address, SIGNIN_LIMIT.account, SIGNIN_LIMIT.address, SIGNIN_LIMIT.windowMinutes]
  )
  return (rows[0]?.until as Date | null) ?? null
}

export async function recordFailure(pool: pg.Pool, account: string, address: string): Promise<void> {
  await pool.query('INSERT INTO signin_failures (key) VALUES ($1), ($2)', [account, address])
}

/**
 * A good sign-in clears its account's failures (not its address's: one valid account must not
 * reset the count of someone trying others from the same place) and drops day-old rows.
 */
export async function recordSuccess(pool: pg.Pool, account: string): Promise<void> {
  await pool.query(`DELETE FROM signin_failures WHERE key = $1 OR at < now() - interval '1 day'`, [account])
}
