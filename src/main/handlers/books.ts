import type { ShiftBook } from '../books/shift'
import { takeXReport } from '../books/x-report'
import { acknowledgeIncident } from '../journal/incidents'
import type { Journal } from '../journal/journal'
import { queryJournal } from '../journal/query'
import type { Authorize } from '../operators/approval'
import type { EventBus } from '../support/events'
import type { Logger } from '../support/log'
import type { Impls } from './guard'

type BooksOps =
  | 'journal.query'
  | 'journal.status'
  | 'journal.verify'
  | 'journal.acknowledge'
  | 'shift.current'
  | 'shift.open'
  | 'shift.close'
  | 'shift.report'
  | 'shift.list'
  | 'shift.xReport'

export function booksHandlers(
  journal: Journal,
  shifts: ShiftBook,
  bus: EventBus,
  log: Logger,
  authorize: Authorize
): Impls<BooksOps> {
  return {
    'journal.query': (query) => queryJournal(journal, query),
    'journal.status': () => journal.verification,
    'journal.verify': async () => {
      const result = await journal.verifyInBackground()
      if (!result.ok) log.error('journal chain broken', { firstBad: result.firstBad })
      bus.emit('journal.changed', journal.verification)
      return journal.verification
    },
    'journal.acknowledge': async (input) => {
      const result = await acknowledgeIncident(journal, authorize, input)
      log.warn('journal incident acknowledged', { incidentId: input.incidentId })
      return result
    },
    'shift.current': () => {
      const shift = shifts.current()
      return { shift, report: shift ? shifts.report(shift.id) : null }
    },
    'shift.open': ({ float }) => shifts.open(float),
    'shift.close': ({ counted, note }) => shifts.close(counted, note),
    'shift.report': ({ shiftId }) => shifts.report(shiftId),
    'shift.list': () => shifts.list(),
    'shift.xReport': () => takeXReport(shifts, journal)
  }
}
