import type pg from 'pg'
import type { HeartbeatBody } from '@shared/ledger-protocol'
import { Refusal } from './refusal'

/**
 * Keeps a terminal's latest heartbeat (an older one arriving late never replaces a newer one).
 * A revoked terminal's is refused: the insert only happens while the terminal is not revoked.
 */
export async function recordHeartbeat(pool: pg.Pool, terminalId: string, body: HeartbeatBody): Promise<void> {
  const { rows } = await pool.query(
    `WITH terminal AS (SELECT revoked_at FROM terminals WHERE id = $1::uuid),
     beat AS (
       INSERT INTO heartbeats (terminal_id, sent_at, body)
       SELECT $1::uuid, $2::timestamptz, $3::jsonb WHERE (SELECT revoked_at FROM terminal) IS NULL
       ON CONFLICT (terminal_id) DO UPDATE SET sent_at = excluded.sent_at, body = excluded.body, received_at = now()
        WHERE heartbeats.sent_at < excluded.sent_at)
     SELECT revoked_at FROM terminal`,
    [terminalId, body.at, JSON.stringify(body)]
  )
  if (rows[0]?.revoked_at) throw new Refusal(403, 'revoked')
}
