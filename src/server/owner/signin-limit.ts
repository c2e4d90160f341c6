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

/**
 * A try, written before its password is checked (so tries made at the same moment, on any server,
 * count against each other): returns its rows, or when to come back if the tries before it —
 * failures and tries still being checked — already reach the limit (then nothing is kept: refused
 * tries are not counted).
 */
export async function beginAttempt(
  pool: pg.Pool,
  account: string,
  address: string
): Promise<{ ids: string[]; until: null } | { ids: null; until: Date }> {
  const inserted = await pool.query<{ id: string }>(
    'INSERT INTO signin_failures (key) VALUES ($1), ($2) RETURNING id',
    [account, address]
  )
  const ids = inserted.rows.map((row) => row.id)
  const until = await lockedUntil(pool, account, address, ids)
  if (until === null) return { ids, until: null }
  await pool.query('DELETE FROM signin_failures WHERE id = ANY($1::bigint[])', [ids])
  return { ids: null, until }
}

/** When the first of `keys` that is locked out may try again (not counting the rows `mine`), or null. */
async function lockedUntil(pool: pg.Pool, account: string, address: string, mine: string[]): Promise<Date | null> {
  const { rows } = await pool.query(
    `WITH keys (key, max) AS (VALUES ($1, $3::int), ($2, $4::int)),
          others AS (SELECT key, at FROM signin_failures WHERE NOT (id = ANY($6::bigint[]))),
          last AS (SELECT k.key, k.max, max(f.at) AS at FROM keys k JOIN others f ON f.key = k.key
                    WHERE f.at > now() - make_interval(mins => $5) GROUP BY k.key, k.max)
     SELECT max(last.at + make_interval(mins => $5)) AS until FROM last
      WHERE (SELECT count(*) FROM others f
              WHERE f.key = last.key AND f.at > last.at - make_interval(mins => $5)) >= last.max`,
    [account, address, SIGNIN_LIMIT.account, SIGNIN_LIMIT.address, SIGNIN_LIMIT.windowMinutes, mine]
  )
  return (rows[0]?.until as Date | null) ?? null
}

/**
 * A good sign-in removes its own try and clears its account's failures (not its address's: one
 * valid account must not reset the count of someone trying others from the same place), and drops
 * day-old rows. A failed try simply stays: it is the failure.
 */
export async function recordSuccess(pool: pg.Pool, account: string, mine: string[]): Promise<void> {
  await pool.query(
    `DELETE FROM signin_failures WHERE key = $1 OR id = ANY($2::bigint[]) OR at < now() - interval '1 day'`,
    [account, mine]
  )
}
