import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LedgerClient } from '../../src/main/ledger/client'
import { dayShifts } from '../../src/server/owner/reconcile'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { workShift } from '../helpers/ledger-day'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

let postgres: TestPostgres
let ledger: LedgerUnderTest

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres, { TAQUILLA_TIME_ZONE: 'America/Caracas' })
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

describe("the day's reconciliation", () => {
  it("matches every counter's own Z report to the cent, shift by shift and currency by currency", async () => {
    const client = new LedgerClient(ledger.url)
    const reports = []
    for (const [index, counter] of ['Taquilla 1', 'Taquilla 2', 'Taquilla 3'].entries()) {
      const books = counterBooks({ operator: `Operador ${index}`, terminal: `Agencia Centro, ${counter}` })
      const identity = await client.enrol(await ledger.code(), 'Agencia Centro', counter)
      // two shifts the same local day, one the day after (must not count)
      const day = [workShift(books, 10 + index, 60), workShift(books, 20 + index, 30)]
      books.clock.at += 24 * 3600_000
      workShift(books, 30 + index, 10)
      const lines = books.lines()
      for (let from = 0; from < lines.length; from += 37) await client.sendBatch(identity, lines.slice(from, from + 37))
      reports.push(...day)
    }
    const rows = await dayShifts(ledger.context.pool, '2026-03-02')
    expect(new Set(rows.map((row) => row.shiftId))).toEqual(new Set(reports.map((report) => report.shift.id)))
    let compared = 0
    for (const report of reports) {
      for (const currency of report.currencies) {
        const row = rows.find((one) => one.shiftId === report.shift.id && one.currency === currency.currency)
        expect(row, `${report.shift.id} ${currency.currency}`).toBeDefined()
        const { float, approvals, approvalsWaiting, rejections, deposits, expected, counted, variance } = currency
        expect(row).toMatchObject({
          float,
          approvals,
          approvalsWaiting,
          rejections,
          deposits,
          expected,
          counted,
          variance
        })
        expect(row!.operator).toBe(report.shift.operator)
        compared++
      }
      // links are listed apart on the Z report: same count and sum per currency
      for (const row of rows.filter((one) => one.shiftId === report.shift.id)) {
        const links = report.links.filter((link) => link.amount.currency === row.currency)
        expect(row.links).toEqual({
          count: links.length,
          minor: links.reduce((sum, link) => sum + link.amount.minor, 0)
        })
      }
    }
    expect(compared).toBeGreaterThanOrEqual(12)
    // the generator did make every kind of figure (so the comparison covers them)
    const all = reports.flatMap((report) => report.currencies)
    for (const key of ['approvals', 'approvalsWaiting', 'rejections', 'deposits'] as const)
      expect(all.some((row) => row[key].count > 0)).toBe(true)
    expect(all.some((row) => row.variance !== 0)).toBe(true)

    // those figures came from the totals stored when each shift closed; computed again from the
    // entries (as for an open shift) they are the same
    const pool = ledger.context.pool
    const stored = await pool.query(
      `SELECT count(*)::int AS n FROM shifts WHERE day = '2026-03-02' AND totals_at IS NOT NULL`
    )
    expect(stored.rows[0].n).toBe(reports.length)
    await pool.query(`UPDATE shifts SET totals_at = NULL`)
    expect(await dayShifts(pool, '2026-03-02')).toEqual(rows)
  })
})
