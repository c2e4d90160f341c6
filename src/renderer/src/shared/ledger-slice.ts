import type { LedgerEnrol, LedgerView, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from './store'
import { withSupervisor } from './with-supervisor'

/**
 * The agency ledger (issue 15) as the window sees it: the status bar's words and the settings'
 * enrolment. Enrolling and leaving need a supervisor (main asks; askSupervisor answers).
 */
export interface LedgerSlice {
  ledger: LedgerView | null
  ledgerBusy: boolean
  ledgerError: AppError | null
  loadLedger: () => Promise<void>
  applyLedger: (view: LedgerView) => void
  enrolLedger: (input: Omit<LedgerEnrol, 'approval'>) => Promise<boolean>
  leaveLedger: () => Promise<void>
}

export const createLedgerSlice =
  (api: TaquillaApi): SliceCreator<LedgerSlice> =>
  (set, get) => {
    const run = async (send: Parameters<typeof withSupervisor<LedgerView>>[1]): Promise<boolean> => {
      if (get().ledgerBusy) return false
      set({ ledgerBusy: true, ledgerError: null })
      const result = await withSupervisor('settingsChange', send)
      if (result === null) return (set({ ledgerBusy: false }), false)
      set(result.ok ? { ledger: result.value, ledgerBusy: false } : { ledgerError: result.error, ledgerBusy: false })
      return result.ok
    }
    return {
      ledger: null,
      ledgerBusy: false,
      ledgerError: null,
      loadLedger: async () => {
        const view = await api['ledger.status'](undefined)
        if (view.ok) set({ ledger: view.value })
      },
      applyLedger: (view) => set({ ledger: view }),
      enrolLedger: (input) => run((approval) => api['ledger.enrol']({ ...input, ...(approval ? { approval } : {}) })),
      leaveLedger: async () => {
        await run((approval) => api['ledger.leave'](approval ? { approval } : {}))
      }
    }
  }
