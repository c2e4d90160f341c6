import type { Shift, XReport, ZReport } from '@shared/books'
import type { TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { Money } from '@shared/money'
import type { SliceCreator } from '../../shared/store'

/** What the shift dialog (F3) shows: opening, the count at closing, a Z report, past shifts. */
export type ShiftView = 'loading' | 'open' | 'close' | 'report' | 'past' | 'xreport'

export interface ShiftSlice {
  /** the open shift, null when none (or not known yet) */
  shift: Shift | null
  shiftKnown: boolean
  /** the open shift's running totals (expected cash, what waits in the outbox) */
  shiftTotals: ZReport | null
  shiftView: ShiftView | null
  shiftError: AppError | null
  shiftBusy: boolean
  /** the Z report on view (null while it loads) */
  zReport: ZReport | null
  pastShifts: Shift[] | null
  /** the X report on view (null while it is taken) */
  xReport: XReport | null

  loadShift: () => Promise<void>
  openShiftDialog: () => Promise<void>
  closeShiftDialog: () => void
  openShift: (float: Money[]) => Promise<boolean>
  closeShift: (counted: Money[], note: string) => Promise<void>
  showPastShifts: () => Promise<void>
  showShiftReport: (shiftId: string) => Promise<void>
  /** something was journaled: the totals on view are read again */
  refreshShiftTotals: () => void
  /** takes an X report of the open shift (main journals it) and shows it; the shift stays open */
  takeXReport: () => Promise<void>
}

const REFRESH_DEBOUNCE_MS = 300

export const createShiftSlice =
  (api: TaquillaApi): SliceCreator<ShiftSlice> =>
  (set, get) => {
    // Bumped on every open and close of the dialog: a late answer for an earlier view is dropped.
    let session = 0
    let refreshTimer: ReturnType<typeof setTimeout> | null = null

    const current = async (): Promise<boolean> => {
      const answer = await api['shift.current'](undefined)
      if (!answer.ok) {
        set({ shiftError: answer.error })
        return false
      }
      set({ shift: answer.value.shift, shiftTotals: answer.value.report, shiftKnown: true })
      return true
    }

    return {
      shift: null,
      shiftKnown: false,
      shiftTotals: null,
      shiftView: null,
      shiftError: null,
      shiftBusy: false,
      zReport: null,
      pastShifts: null,
      xReport: null,

      loadShift: async () => {
        const answer = await api['shift.current'](undefined)
        if (answer.ok) set({ shift: answer.value.shift, shiftTotals: answer.value.report, shiftKnown: true })
      },

      openShiftDialog: async () => {
        if (get().shiftView) return
        const mine = ++session
        set({ shiftView: 'loading', shiftError: null, zReport: null, pastShifts: null })
        const ok = await current()
        if (mine !== session || !ok) return
        set({ shiftView: get().shift ? 'close' : 'open' })
      },

      closeShiftDialog: () => {
        session++
        if (refreshTimer) clearTimeout(refreshTimer)
        refreshTimer = null
        set({ shiftView: null, shiftError: null, shiftBusy: false, zReport: null, pastShifts: null, xReport: null })
      },

      openShift: async (float) => {
        if (get().shiftBusy) return false
        const mine = session
        set({ shiftBusy: true, shiftError: null })
        const opened = await api['shift.open']({ float })
        if (mine !== session) return false
        if (!opened.ok) {
          set({ shiftBusy: false, shiftError: opened.error })
          return false
        }
        set({ shift: opened.value, shiftKnown: true, shiftBusy: false })
        get().closeShiftDialog()
        void get().loadShift()
        return true
      },

      closeShift: async (counted, note) => {
        if (get().shiftBusy) return
        const mine = session
        set({ shiftBusy: true, shiftError: null })
        const closed = await api['shift.close']({ counted, note })
        if (mine !== session) return
        if (!closed.ok) return set({ shiftBusy: false, shiftError: closed.error })
        set({ shift: null, shiftTotals: null, shiftBusy: false, zReport: closed.value, shiftView: 'report' })
      },

      showPastShifts: async () => {
        const mine = ++session
        set({ shiftView: 'past', pastShifts: null, shiftError: null, zReport: null })
        const listed = await api['shift.list'](undefined)
        if (mine !== session) return
        if (listed.ok) set({ pastShifts: listed.value })
        else set({ shiftError: listed.error })
      },

      showShiftReport: async (shiftId) => {
        const mine = ++session
        set({ shiftView: 'report', zReport: null, shiftError: null })
        const report = await api['shift.report']({ shiftId })
        if (mine !== session) return
        if (report.ok) set({ zReport: report.value })
        else set({ shiftError: report.error })
      },

      takeXReport: async () => {
        if (get().shiftBusy) return
        const mine = ++session
        set({ shiftView: 'xreport', xReport: null, shiftError: null })
        const taken = await api['shift.xReport'](undefined)
        if (mine !== session) return
        if (taken.ok) set({ xReport: taken.value })
        else set({ shiftError: taken.error })
      },

      refreshShiftTotals: () => {
        if (get().shiftView !== 'close') return
        if (refreshTimer) clearTimeout(refreshTimer)
        refreshTimer = setTimeout(() => {
          refreshTimer = null
          if (get().shiftView === 'close' && !get().shiftBusy) void current()
        }, REFRESH_DEBOUNCE_MS)
      }
    }
  }
