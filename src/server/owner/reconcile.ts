import type pg from 'pg'

/**
 * The day's reconciliation, in SQL, by the rules of the counter's Z report (src/main/books/shift.ts):
 * a shift's range is its entries from shiftOpened to shiftClosed (tagged at ingest); expected
 * cash per currency = opening float + approved Luka payments (confirmed or not) + cash LuxCore
 * deposits; a decision withdrawn (outcome `discarded`) and a deposit that ended cancelled, failed,
 * expired, discarded or in attention keep no cash; payment links are paid online, listed apart.
 * The last outcome inside the shift wins. A shift belongs to the day (agencies' time zone) it opened.
 * `where` picks the shifts (alias `sh`).
 */
const cte = (where: string) => `
WITH s AS (
  SELECT sh.terminal_id, sh.shift_id, sh.operator, sh.opened_at, sh.closed_at, sh.opened_seq, sh.closed_seq,
         t.agency, t.counter
    FROM shifts sh JOIN terminals t ON t.id = sh.terminal_id
   WHERE ${where}
),
e AS (
  SELECT e.terminal_id, e.shift_id, e.seq, e.action, e.result, e.operator, e.currency, e.minor, e.decision,
         e.link_key, e.method
    FROM s JOIN entries e ON e.terminal_id = s.terminal_id AND e.shift_id = s.shift_id
),
outcome AS (
  SELECT DISTINCT ON (terminal_id, shift_id, kind, link_key) terminal_id, shift_id, kind, link_key, result
    FROM (SELECT *, CASE WHEN action = 'decisionOutcome' THEN 'd' ELSE 'l' END AS kind FROM e
           WHERE action IN ('decisionOutcome', 'depositOutcome', 'depositStatus')) o
   ORDER BY terminal_id, shift_id, kind, link_key, seq DESC
),
classified AS (
  SELECT e.terminal_id, e.shift_id, e.operator, e.currency, e.minor, e.seq, e.action,
         CASE
           WHEN e.action = 'paymentLink' THEN CASE WHEN e.result IN ('created', 'unknown') THEN 'link' END
           WHEN e.action = 'decision' AND e.decision = 'reject' THEN 'rejection'
           WHEN e.action = 'decision' THEN
             CASE coalesce(o.result, 'queued') WHEN 'discarded' THEN NULL WHEN 'delivered' THEN 'approval' ELSE 'waiting' END
           WHEN e.action = 'depositCreated' AND e.method = 'cash'
                AND coalesce(o.result, '') NOT IN ('cancelled', 'failed', 'expired', 'discarded', 'attention') THEN 'deposit'
         END AS kind,
         coalesce(o.result, 'queued') AS state
    FROM e LEFT JOIN outcome o
      ON o.terminal_id = e.terminal_id AND o.shift_id = e.shift_id AND o.link_key = e.link_key
     AND o.kind = CASE WHEN e.action = 'decision' THEN 'd' ELSE 'l' END
   WHERE e.minor IS NOT NULL
)`

const SUMS = (group: string) => `
  SELECT ${group}, currency,
         count(*) FILTER (WHERE kind = 'approval') AS approvals_n, coalesce(sum(minor) FILTER (WHERE kind = 'approval'), 0)::bigint AS approvals,
         count(*) FILTER (WHERE kind = 'waiting') AS waiting_n, coalesce(sum(minor) FILTER (WHERE kind = 'waiting'), 0)::bigint AS waiting,
         count(*) FILTER (WHERE kind = 'rejection') AS rejections_n, coalesce(sum(minor) FILTER (WHERE kind = 'rejection'), 0)::bigint AS rejections,
         count(*) FILTER (WHERE kind = 'deposit') AS deposits_n, coalesce(sum(minor) FILTER (WHERE kind = 'deposit'), 0)::bigint AS deposits,
         count(*) FILTER (WHERE kind = 'link') AS links_n, coalesce(sum(minor) FILTER (WHERE kind = 'link'), 0)::bigint AS links
    FROM classified GROUP BY ${group}, currency`

const drawer = (seqColumn: string) => `
  SELECT s.terminal_id, s.shift_id, m->>'currency' AS currency, sum((m->>'minor')::bigint)::bigint AS minor
    FROM s JOIN entries x ON x.terminal_id = s.terminal_id AND x.seq = s.${seqColumn},
         jsonb_array_elements(x.body::jsonb->'amounts') m
   GROUP BY 1, 2, 3`

/** Per shift and currency, computed from the entries. */
const shiftRows = (where: string) => `${cte(where)},
per AS (${SUMS('terminal_id, shift_id')}),
float AS (${drawer('opened_seq')}),
counted AS (${drawer('closed_seq')}),
keys AS (SELECT terminal_id, shift_id, currency FROM per
         UNION SELECT terminal_id, shift_id, currency FROM float
         UNION SELECT terminal_id, shift_id, currency FROM counted)
SELECT s.agency, s.counter, s.terminal_id, s.shift_id, s.operator, s.opened_at, s.closed_at, k.currency,
       coalesce(f.minor, 0) AS float,
       coalesce(p.approvals_n, 0) AS approvals_n, coalesce(p.approvals, 0) AS approvals,
       coalesce(p.waiting_n, 0) AS waiting_n, coalesce(p.waiting, 0) AS waiting,
       coalesce(p.rejections_n, 0) AS rejections_n, coalesce(p.rejections, 0) AS rejections,
       coalesce(p.deposits_n, 0) AS deposits_n, coalesce(p.deposits, 0) AS deposits,
       coalesce(p.links_n, 0) AS links_n, coalesce(p.links, 0) AS links,
       CASE WHEN s.closed_seq IS NULL THEN NULL ELSE coalesce(c.minor, 0) END AS counted
  FROM keys k JOIN s USING (terminal_id, shift_id)
  LEFT JOIN per p USING (terminal_id, shift_id, currency)
  LEFT JOIN float f USING (terminal_id, shift_id, currency)
  LEFT JOIN counted c USING (terminal_id, shift_id, currency)`

const TOTALS = `float, approvals_n, approvals, waiting_n, waiting, rejections_n, rejections, deposits_n, deposits,
       links_n, links, counted`

/**
 * A closed shift's figures never change (its range is fixed and what follows is outside it), so
 * ingest stores them once when the shiftClosed entry arrives (src/server/ledger/ingest.ts, same
 * transaction), and the day's query reads those rows; only open shifts, and shifts closed before
 * migration 003, are computed from the entries. Same SQL both ways; the test compares the two.
 */
export const SHIFT_QUERY = `
WITH live AS (${shiftRows('sh.day = $1::date AND sh.totals_at IS NULL')})
SELECT * FROM live
UNION ALL
SELECT t.agency, t.counter, sh.terminal_id, sh.shift_id, sh.operator, sh.opened_at, sh.closed_at, st.currency,
       ${TOTALS.replace(/(\w+)/g, 'st.$1')}
  FROM shifts sh JOIN shift_totals st USING (terminal_id, shift_id) JOIN terminals t ON t.id = sh.terminal_id
 WHERE sh.day = $1::date AND sh.totals_at IS NOT NULL
 ORDER BY agency, counter, opened_at, currency`

/** Stores the figures of the closed shifts `where` picks (alias `sh`) and marks them stored. */
export async function storeShiftTotals(db: pg.PoolClient, where: string, params: unknown[]): Promise<void> {
  await db.query(
    `INSERT INTO shift_totals (terminal_id, shift_id, currency, ${TOTALS})
     SELECT terminal_id, shift_id, currency, ${TOTALS}
       FROM (${shiftRows(`${where} AND sh.closed_seq IS NOT NULL AND sh.totals_at IS NULL`)}) r
     ON CONFLICT DO NOTHING`,
    params
  )
  await db.query(
    `UPDATE shifts sh SET totals_at = now() WHERE ${where} AND sh.closed_seq IS NOT NULL AND sh.totals_at IS NULL`,
    params
  )
}

const DAY = 'sh.day = $1::date'

export const OPERATOR_QUERY = `${cte(DAY)},
per AS (${SUMS('terminal_id, operator')})
SELECT t.agency, per.* FROM per JOIN terminals t ON t.id = per.terminal_id ORDER BY t.agency, per.operator, per.currency`

export const UNCONFIRMED_QUERY = `${cte(DAY)}
SELECT s.agency, s.counter, c.seq, c.currency, c.minor, c.state,
       (x.body::jsonb->'refs'->>'transactionId') AS transaction_id, x.at
  FROM classified c JOIN s USING (terminal_id, shift_id)
  JOIN entries x ON x.terminal_id = c.terminal_id AND x.seq = c.seq
 WHERE c.kind = 'waiting' ORDER BY x.at`

interface Count {
  count: number
  minor: number
}

export interface ShiftRow {
  agency: string
  counter: string
  terminalId: string
  shiftId: string
  operator: string
  openedAt: string
  closedAt: string | null
  currency: string
  float: number
  approvals: Count
  approvalsWaiting: Count
  rejections: Count
  deposits: Count
  links: Count
  expected: number
  counted: number | null
  variance: number | null
}

const count = (row: Record<string, number>, key: string): Count => ({ count: row[`${key}_n`]!, minor: row[key]! })

export async function dayShifts(pool: pg.Pool | pg.PoolClient, day: string): Promise<ShiftRow[]> {
  const { rows } = await pool.query(SHIFT_QUERY, [day])
  return rows.map((row) => {
    const expected = row.float + row.approvals + row.waiting + row.deposits
    return {
      agency: row.agency,
      counter: row.counter,
      terminalId: row.terminal_id,
      shiftId: row.shift_id,
      operator: row.operator,
      openedAt: (row.opened_at as Date).toISOString(),
      closedAt: row.closed_at ? (row.closed_at as Date).toISOString() : null,
      currency: row.currency,
      float: row.float,
      approvals: count(row, 'approvals'),
      approvalsWaiting: count(row, 'waiting'),
      rejections: count(row, 'rejections'),
      deposits: count(row, 'deposits'),
      links: count(row, 'links'),
      expected,
      counted: row.counted,
      variance: row.counted === null ? null : row.counted - expected
    }
  })
}
