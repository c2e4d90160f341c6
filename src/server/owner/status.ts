import type pg from 'pg'
import type { HeartbeatBody } from '@shared/ledger-protocol'
import { OPERATOR_QUERY, UNCONFIRMED_QUERY } from './reconcile'

export interface TerminalStatus {
  agency: string
  counter: string
  lastSeq: number
  heldEntries: number
  heartbeat: (HeartbeatBody & { receivedAt: string }) | null
  /** entries the counter has that the server does not (from its last heartbeat) */
  behind: number
  silent: boolean
  /** an outbox item older than 15 minutes: the counter cannot deliver */
  stuck: boolean
  /** revoked by an owner: nothing it sends is taken (shown instead of silent/stuck) */
  revoked: boolean
}

const STUCK_MS = 15 * 60_000

export async function terminalStatus(pool: pg.Pool, silentAfterMs: number): Promise<TerminalStatus[]> {
  const { rows } = await pool.query(
    `SELECT t.agency, t.counter, t.last_seq, t.revoked_at, h.body, h.received_at,
            (SELECT count(*) FROM held_entries x WHERE x.terminal_id = t.id) AS held
       FROM terminals t LEFT JOIN heartbeats h ON h.terminal_id = t.id
      ORDER BY t.agency, t.counter`
  )
  const now = Date.now()
  return rows.map((row) => {
    const beat = row.body as HeartbeatBody | null
    const receivedAt = row.received_at ? (row.received_at as Date).toISOString() : null
    return {
      agency: row.agency,
      counter: row.counter,
      lastSeq: row.last_seq,
      heldEntries: row.held,
      heartbeat: beat && receivedAt ? { ...beat, receivedAt } : null,
      behind: beat ? Math.max(0, beat.journalHead - row.last_seq) : 0,
      silent: !receivedAt || now - Date.parse(receivedAt) > silentAfterMs,
      stuck: (beat?.outbox ?? []).some((backlog) => backlog.count > 0 && backlog.oldestAgeMs > STUCK_MS),
      revoked: row.revoked_at !== null
    }
  })
}

export interface IncidentRow {
  at: string
  agency: string
  counter: string
  seq: number
  kind: string
}

export async function incidents(pool: pg.Pool, limit = 200): Promise<IncidentRow[]> {
  const { rows } = await pool.query(
    `SELECT i.at, t.agency, t.counter, i.seq, i.kind FROM incidents i JOIN terminals t ON t.id = i.terminal_id
      ORDER BY i.at DESC LIMIT $1`,
    [limit]
  )
  return rows.map((row) => ({ ...row, at: (row.at as Date).toISOString() }) as IncidentRow)
}

export interface OperatorRow {
  agency: string
  operator: string
  currency: string
  approvals: number
  approvalsMinor: number
  rejections: number
  rejectionsMinor: number
  deposits: number
  depositsMinor: number
  links: number
  linksMinor: number
}

/** Per operator (who wrote each entry, which may differ from who opened the shift). */
export async function operatorTotals(pool: pg.Pool, day: string): Promise<OperatorRow[]> {
  const { rows } = await pool.query(OPERATOR_QUERY, [day])
  const merged = new Map<string, OperatorRow>()
  for (const row of rows) {
    const key = `${row.agency}\u0000${row.operator}\u0000${row.currency}`
    const into = merged.get(key) ?? {
      agency: row.agency,
      operator: row.operator,
      currency: row.currency,
      ...{ approvals: 0, approvalsMinor: 0, rejections: 0, rejectionsMinor: 0 },
      ...{ deposits: 0, depositsMinor: 0, links: 0, linksMinor: 0 }
    }
    into.approvals += row.approvals_n + row.waiting_n
    into.approvalsMinor += row.approvals + row.waiting
    into.rejections += row.rejections_n
    into.rejectionsMinor += row.rejections
    into.deposits += row.deposits_n
    into.depositsMinor += row.deposits
    into.links += row.links_n
    into.linksMinor += row.links
    merged.set(key, into)
  }
  return [...merged.values()]
}

export interface UnconfirmedRow {
  agency: string
  counter: string
  transactionId: string | null
  currency: string
  minor: number
  state: string
  at: string
}

export async function unconfirmed(pool: pg.Pool, day: string): Promise<UnconfirmedRow[]> {
  const { rows } = await pool.query(UNCONFIRMED_QUERY, [day])
  return rows.map((row) => ({
    agency: row.agency,
    counter: row.counter,
    transactionId: row.transaction_id,
    currency: row.currency,
    minor: row.minor,
    state: row.state,
    at: (row.at as Date).toISOString()
  }))
}
