import { randomUUID } from 'node:crypto'
import type { CurrencyTotals, JournalEntry, Shift, ZReport } from '@shared/books'
import { AppFailure } from '@shared/errors'
import type { Money } from '@shared/money'
import type { Journal } from '../journal/journal'
import { operatorBreakdown } from './breakdown'

const FINAL_DEPOSIT_LOSS = new Set(['cancelled', 'failed', 'expired', 'discarded', 'attention'])

interface Bucket {
  float: number
  approvals: { count: number; minor: number }
  approvalsWaiting: { count: number; minor: number }
  rejections: { count: number; minor: number }
  deposits: { count: number; minor: number }
  counted: number | null
}

const emptyBucket = (): Bucket => ({
  float: 0,
  approvals: { count: 0, minor: 0 },
  approvalsWaiting: { count: 0, minor: 0 },
  rejections: { count: 0, minor: 0 },
  deposits: { count: 0, minor: 0 },
  counted: null
})

/**
 * Shifts and the Z report, derived from the journal alone (nothing else to keep in step).
 * Expected cash per currency = opening float + approved Luka cash payments + LuxCore cash
 * deposits taken. Approvals Luka has not confirmed yet are in the drawer too, so they count,
 * but they are listed apart. All amounts are integer minor units.
 */
export class ShiftBook {
  constructor(private readonly journal: Journal) {}

  current(): Shift | null {
    const open = this.journal.openShift()
    const opened = open ? this.journal.entries(open.opened, open.opened + 1)[0] : undefined
    return opened ? this.shiftFrom(opened, null) : null
  }

  /** Closed shifts, newest first (their opening and closing entries read by line). */
  list(limit = 50): Shift[] {
    const shifts: Shift[] = []
    for (const ref of this.journal.shifts().toReversed()) {
      if (ref.closed === null) continue
      const opened = this.journal.entries(ref.opened, ref.opened + 1)[0]
      const closed = this.journal.entries(ref.closed, ref.closed + 1)[0]
      if (opened && closed) shifts.push(this.shiftFrom(opened, closed))
      if (shifts.length === limit) break
    }
    return shifts
  }

  /** The entries of a shift, opening to closing (the X/Z reports and per-operator breakdowns read these). */
  entriesOfShift(shiftId: string): JournalEntry[] {
    const entries = this.journal.entriesOfShift(shiftId)
    if (!entries?.length) throw new AppFailure({ code: 'NOT_FOUND' })
    return entries
  }

  open(float: Money[]): Shift {
    if (this.current()) throw new AppFailure({ code: 'VALIDATION', reason: 'shiftOpen' })
    const entry = this.journal.append({
      action: 'shiftOpened',
      refs: { shiftId: randomUUID() },
      amounts: float.filter((money) => money.minor >= 0),
      result: 'opened'
    })
    return this.shiftFrom(entry, null)
  }

  /** Closes the open shift with the counted cash; a variance needs a note. */
  close(counted: Money[], note: string): ZReport {
    const shift = this.current()
    if (!shift) throw new AppFailure({ code: 'VALIDATION', reason: 'noShift' })
    const preview = this.report(shift.id, counted)
    const differs = preview.currencies.some((row) => (row.variance ?? 0) !== 0)
    if (differs && note.trim() === '')
      throw new AppFailure({ code: 'VALIDATION', reason: 'noteRequired', field: 'note' })
    this.journal.append({
      action: 'shiftClosed',
      refs: { shiftId: shift.id },
      amounts: counted,
      result: differs ? 'variance' : 'balanced',
      detail: { note }
    })
    return this.report(shift.id)
  }

  /** The Z report of a shift (running totals while it is open; `counted` previews a close). */
  report(shiftId: string, counted?: Money[]): ZReport {
    const range = this.entriesOfShift(shiftId)
    const opening = range[0]!
    const last = range.at(-1)!
    const closing = last.action === 'shiftClosed' && last.refs['shiftId'] === shiftId ? last : null
    const buckets = new Map<string, Bucket>()
    const bucket = (currency: string) => buckets.get(currency) ?? buckets.set(currency, emptyBucket()).get(currency)!

    for (const money of opening.amounts) bucket(money.currency).float += money.minor
    for (const money of closing?.amounts ?? counted ?? [])
      bucket(money.currency).counted = (bucket(money.currency).counted ?? 0) + money.minor

    // the last outcome known for each decision / deposit inside the range
    const outcome = new Map<string, string>()
    for (const entry of range) {
      if (entry.action === 'decisionOutcome') outcome.set(`d:${entry.refs['outboxId']}`, entry.result)
      if (entry.action === 'depositOutcome' || entry.action === 'depositStatus')
        outcome.set(`l:${entry.refs['merchantReference']}`, entry.result)
    }
    const waiting: ZReport['waiting'] = []
    const links: ZReport['links'] = []
    const actions = new Map<string, number>()
    for (const entry of range) {
      const label = entry.action === 'decision' ? `${entry.detail['decision']}` : entry.result
      actions.set(`${entry.action}\u0000${label}`, (actions.get(`${entry.action}\u0000${label}`) ?? 0) + 1)
      if (!entry.amount) continue
      if (entry.action === 'paymentLink') {
        // paid on Luka's page, never into this drawer: listed apart, not a cash bucket
        if (entry.result === 'created' || entry.result === 'unknown')
          links.push({
            trace: String(entry.refs['trace'] ?? ''),
            orderNumber: entry.refs['orderNumber'] === undefined ? null : String(entry.refs['orderNumber']),
            amount: entry.amount,
            state: entry.result,
            at: entry.at
          })
        continue
      }
      const row = bucket(entry.amount.currency)
      if (entry.action === 'decision' && entry.detail['decision'] === 'reject') {
        row.rejections.count++
        row.rejections.minor += entry.amount.minor
      } else if (entry.action === 'decision') {
        const state = outcome.get(`d:${entry.refs['outboxId']}`) ?? 'queued'
        if (state === 'discarded') continue // the decision was withdrawn: no cash kept for it
        const target = state === 'delivered' ? row.approvals : row.approvalsWaiting
        target.count++
        target.minor += entry.amount.minor
        if (state !== 'delivered')
          waiting.push({ transactionId: Number(entry.refs['transactionId']), amount: entry.amount, state })
      } else if (entry.action === 'depositCreated' && entry.detail['method'] === 'cash') {
        if (FINAL_DEPOSIT_LOSS.has(outcome.get(`l:${entry.refs['merchantReference']}`) ?? '')) continue
        row.deposits.count++
        row.deposits.minor += entry.amount.minor
      }
    }
    const currencies: CurrencyTotals[] = [...buckets.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, row]) => {
        const expected = row.float + row.approvals.minor + row.approvalsWaiting.minor + row.deposits.minor
        const countedMinor = row.counted ?? (closing || counted ? 0 : null)
        return {
          currency,
          ...row,
          expected,
          counted: countedMinor,
          variance: countedMinor === null ? null : countedMinor - expected
        }
      })
    return {
      shift: this.shiftFrom(opening, closing),
      currencies,
      actions: [...actions.entries()].map(([key, count]) => {
        const [action = '', result = ''] = key.split('\u0000')
        return { action, result, count }
      }),
      waiting,
      links,
      note: String(closing?.detail['note'] ?? ''),
      journalOk: this.journal.verification.ok,
      incidents: this.incidentsIn(range),
      operators: operatorBreakdown(range)
    }
  }

  /** Journal incidents recorded or acknowledged during the shift (printed on its Z report). */
  private incidentsIn(range: JournalEntry[]): ZReport['incidents'] {
    const ids = new Set<string>()
    for (const entry of range)
      if (entry.action === 'journalIncident' || entry.action === 'incidentAcknowledged')
        ids.add(String(entry.refs['incidentId']))
    return [...ids].flatMap((id) => this.journal.incident(id) ?? [])
  }

  private shiftFrom(opened: JournalEntry, closed: JournalEntry | null): Shift {
    return {
      id: String(opened.refs['shiftId']),
      openedAt: opened.at,
      closedAt: closed?.at ?? null,
      operator: opened.operator,
      terminal: opened.terminal,
      float: opened.amounts
    }
  }
}
