import type { LedgerService } from '../ledger/service'
import type { Impls } from './guard'

/** The agency ledger (issue 15): its status, and enrolling or leaving (a supervisor approves both). */
export function ledgerHandlers(ledger: LedgerService): Impls<'ledger.status' | 'ledger.enrol' | 'ledger.leave'> {
  return {
    'ledger.status': () => ledger.view(),
    'ledger.enrol': (input) => ledger.enrol(input),
    'ledger.leave': (input) => ledger.leave(input)
  }
}
