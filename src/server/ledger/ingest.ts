import { createHash } from 'node:crypto'
import type pg from 'pg'
import type { BatchReply } from '@shared/ledger-protocol'
import { inTransaction } from '../db'
import { storeShiftTotals } from '../owner/reconcile'
import { parseLines, rowOf, type EntryRow, type Line } from './lines'
import { Refusal } from './refusal'

interface Head {
  lastSeq: number
  lastHash: string | null
  openShift: string | null
}

interface Pending {
  rows: EntryRow[]
  opened: { shiftId: string; seq: number; at: string; operator: string }[]
  closed: { shiftId: string; seq: number; at: string }[]
}

/**
 * Stores a terminal's batch (signature already checked). One transaction, the terminal's row
 * locked, so concurrent batches of one terminal — from several servers too — take turns, and a
 * server killed mid-batch leaves all of it or none. Per line, in order:
 * - seq already stored: the same text is a replay (no-op); other text is a fork — an incident,
 *   never an overwrite — and nothing after it in the batch is taken;
 * - the next seq: its prev must be the stored head's hash (else a `chain` incident), then stored;
 * - beyond the next seq: a gap — this line and the rest are held until the gap is filled.
 * Then held lines that now follow the head are applied the same way.
 */
export async function ingestBatch(
  pool: pg.Pool,
  terminalId: string,
  texts: string[],
  timeZone: string
): Promise<BatchReply> {
  const lines = parseLines(texts)
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query(
      'SELECT last_seq, last_hash, open_shift, revoked_at FROM terminals WHERE id = $1 FOR UPDATE',
      [terminalId]
    )
    // checked under the row lock: a revocation committed before this batch took the lock wins
    if (rows[0].revoked_at !== null) throw new Refusal(403, 'revoked')
    const head: Head = { lastSeq: rows[0].last_seq, lastHash: rows[0].last_hash, openShift: rows[0].open_shift }
    const startSeq = head.lastSeq
    const reply: BatchReply = { lastSeq: 0, lastHash: null, accepted: 0, duplicates: 0, held: 0, incidents: [] }
    const pending: Pending = { rows: [], opened: [], closed: [] }

    const storedSeqs = lines.filter((line) => line.entry.seq <= head.lastSeq).map((line) => line.entry.seq)
    const stored = new Map<number, { body: string; hash: string }>()
    if (storedSeqs.length > 0) {
      const found = await db.query('SELECT seq, body, hash FROM entries WHERE terminal_id = $1 AND seq = ANY($2)', [
        terminalId,
        storedSeqs
      ])
      for (const row of found.rows) stored.set(row.seq, { body: row.body, hash: row.hash })
    }

    for (const [index, line] of lines.entries()) {
      const { seq } = line.entry
      if (seq <= head.lastSeq) {
        const known = stored.get(seq)!
        if (known.body === line.text) {
          reply.duplicates++
          continue
        }
        await recordIncident(db, reply, terminalId, line, 'fork', known.hash)
        break
      }
      if (seq > head.lastSeq + 1) {
        reply.held += await hold(db, terminalId, lines.slice(index))
        break
      }
      if (!append(head, pending, line)) {
        await recordIncident(db, reply, terminalId, line, 'chain', head.lastHash ?? '')
        break
      }
    }
    await applyHeld(db, terminalId, head, pending, reply)
    await writeRows(db, terminalId, pending, timeZone)
    if (head.lastSeq !== startSeq)
      await db.query(
        'UPDATE terminals SET last_seq = $2, last_hash = $3, open_shift = $4, last_batch_at = now() WHERE id = $1',
        [terminalId, head.lastSeq, head.lastHash, head.openShift]
      )
    reply.accepted = head.lastSeq - startSeq
    reply.lastSeq = head.lastSeq
    reply.lastHash = head.lastHash
    return reply
  })
}

/** Takes the next line onto the head when it chains on it; tags it with the shift open at that point. */
function append(head: Head, pending: Pending, line: Line): boolean {
  const { entry } = line
  if (head.lastSeq > 0 && entry.prev !== head.lastHash) return false
  const shiftId = typeof entry.refs['shiftId'] === 'string' ? entry.refs['shiftId'] : null
  let tag = head.openShift
  if (entry.action === 'shiftOpened' && shiftId) {
    head.openShift = tag = shiftId
    pending.opened.push({ shiftId, seq: entry.seq, at: entry.at, operator: entry.operator })
  } else if (entry.action === 'shiftClosed' && shiftId && shiftId === head.openShift) {
    pending.closed.push({ shiftId, seq: entry.seq, at: entry.at })
    head.openShift = null
  }
  pending.rows.push(rowOf(line, tag))
  head.lastSeq = entry.seq
  head.lastHash = entry.hash
  return true
}

async function hold(db: pg.PoolClient, terminalId: string, lines: Line[]): Promise<number> {
  await db.query(
    `INSERT INTO held_entries (terminal_id, seq, body)
     SELECT $1, * FROM unnest($2::bigint[], $3::text[]) ON CONFLICT (terminal_id, seq) DO NOTHING`,
    [terminalId, lines.map((line) => line.entry.seq), lines.map((line) => line.text)]
  )
  return lines.length
}

/** Held lines that now follow the head, in order; one that does not chain is dropped (the counter resends). */
async function applyHeld(db: pg.PoolClient, terminalId: string, head: Head, pending: Pending, reply: BatchReply) {
  for (;;) {
    const { rows } = await db.query(
      'SELECT seq, body FROM held_entries WHERE terminal_id = $1 AND seq > $2 ORDER BY seq LIMIT 1000',
      [terminalId, head.lastSeq]
    )
    if (rows.length === 0 || rows[0].seq !== head.lastSeq + 1) break
    let progressed = false
    for (const row of rows) {
      if (row.seq !== head.lastSeq + 1) break
      const [line] = parseLines([row.body])
      if (!append(head, pending, line!)) {
        await recordIncident(db, reply, terminalId, line!, 'chain', head.lastHash ?? '')
        await db.query('DELETE FROM held_entries WHERE terminal_id = $1 AND seq = $2', [terminalId, row.seq])
        break
      }
      progressed = true
    }
    if (!progressed) break
  }
  await db.query('DELETE FROM held_entries WHERE terminal_id = $1 AND seq <= $2', [terminalId, head.lastSeq])
  const left = await db.query('SELECT count(*)::int AS n FROM held_entries WHERE terminal_id = $1', [terminalId])
  reply.held = left.rows[0].n
}

async function recordIncident(
  db: pg.PoolClient,
  reply: BatchReply,
  terminalId: string,
  line: Line,
  kind: 'fork' | 'chain',
  storedHash: string
) {
  await db.query(
    `INSERT INTO incidents (terminal_id, seq, kind, stored_hash, received_body, received_sha)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [terminalId, line.entry.seq, kind, storedHash, line.text, createHash('sha256').update(line.text).digest('hex')]
  )
  reply.incidents.push({ seq: line.entry.seq, kind, storedHash })
}

async function writeRows(db: pg.PoolClient, terminalId: string, pending: Pending, timeZone: string) {
  const { rows } = pending
  if (rows.length > 0) {
    const column = <K extends keyof EntryRow>(key: K) => rows.map((row) => row[key])
    await db.query(
      `INSERT INTO entries (terminal_id, seq, body, hash, prev, at, day, action, result, operator, shift_id,
                            currency, minor, decision, link_key, method)
       SELECT $1, seq, body, hash, prev, at, (at AT TIME ZONE $2)::date, action, result, operator, shift_id,
              currency, minor, decision, link_key, method
         FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::bigint[], $14::text[], $15::text[], $16::text[])
           AS t (seq, body, hash, prev, at, action, result, operator, shift_id, currency, minor, decision, link_key, method)`,
      [
        terminalId,
        timeZone,
        ...(
          ['seq', 'body', 'hash', 'prev', 'at', 'action', 'result', 'operator', 'shiftId', 'currency', 'minor'] as const
        ).map(column),
        column('decision'),
        column('linkKey'),
        column('method')
      ]
    )
  }
  for (const shift of pending.opened)
    await db.query(
      `INSERT INTO shifts (terminal_id, shift_id, opened_seq, opened_at, day, operator)
       VALUES ($1, $2, $3, $4, ($4::timestamptz AT TIME ZONE $5)::date, $6) ON CONFLICT DO NOTHING`,
      [terminalId, shift.shiftId, shift.seq, shift.at, timeZone, shift.operator]
    )
  for (const shift of pending.closed) {
    await db.query(
      'UPDATE shifts SET closed_seq = $3, closed_at = $4 WHERE terminal_id = $1 AND shift_id = $2 AND closed_seq IS NULL',
      [terminalId, shift.shiftId, shift.seq, shift.at]
    )
    // its figures are final now: stored once, read by the day's query
    await storeShiftTotals(db, 'sh.terminal_id = $1 AND sh.shift_id = $2', [terminalId, shift.shiftId])
  }
}
