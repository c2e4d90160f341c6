import type pg from 'pg'
import type { HeartbeatBody } from '@shared/ledger-protocol'

/** Keeps a terminal's latest heartbeat (an older one arriving late never replaces a newer one). */
export async function recordHeartbeat(pool: pg.Pool, terminalId: string, body: HeartbeatBody): Promise<void> {
  await pool.query(
    `INSERT INTO heartbeats (terminal_id, sent_at, body) VALUES ($1, $2, $3)
     ON CONFLICT (terminal_id) DO UPDATE SET sent_at = excluded.sent_at, body = excluded.body, received_at = now()
      WHERE heartbeats.sent_at < excluded.sent_at`,
    [terminalId, body.at, JSON.stringify(body)]
  )
}
