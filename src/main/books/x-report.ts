import type { XReport } from '@shared/books'
import { AppFailure } from '@shared/errors'
import type { Journal } from '../journal/journal'
import type { ShiftBook } from './shift'

/**
 * Takes an X report: the open shift's running totals (the Z report's figures, per operator
 * too) at this moment. The shift stays open and its Z report is not touched; the taking is
 * journaled — flushed before the report is handed out — with the expected cash it showed, so
 * a paper X report can be matched to its entry. Its number counts the X reports already
 * taken in this shift (the report's own action counts).
 */
export function takeXReport(shifts: ShiftBook, journal: Journal): XReport {
  const shift = shifts.current()
  if (!shift) throw new AppFailure({ code: 'VALIDATION', reason: 'noShiftForX' })
  const report = shifts.report(shift.id)
  const earlier = report.actions.find((row) => row.action === 'xReport')?.count ?? 0
  const entry = journal.append({
    action: 'xReport',
    refs: { shiftId: shift.id },
    amounts: report.currencies.map((row) => ({ currency: row.currency, minor: row.expected })),
    result: 'taken',
    detail: { number: earlier + 1 }
  })
  return { report, takenAt: entry.at, number: earlier + 1 }
}
