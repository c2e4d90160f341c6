import type { TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from '../../shared/store'
import { canCancel } from './deposit-items'
import { selectShownDeposit, type LuxcoreSlice } from './luxcore-slice'

/** Cancelling the deposit on view: Supr (or "Anular…") asks, Enter confirms, Esc backs out. */
export interface CancelSlice {
  /** the deposit the confirmation is open for */
  cancelReference: string | null
  cancelBusy: boolean
  cancelError: AppError | null
  /** the last cancel request went through to main (the outbox carries it to LuxCore) */
  cancelRequested: string | null
  /** a fresh start when the panel opens: no confirmation left over from the last time */
  resetCancel: () => void
  openCancel: () => void
  closeCancel: () => void
  confirmCancel: () => Promise<void>
}

const initial = {
  cancelReference: null,
  cancelBusy: false,
  cancelError: null,
  cancelRequested: null
} as const satisfies Partial<CancelSlice>

export const createCancelSlice =
  (api: TaquillaApi): SliceCreator<CancelSlice, LuxcoreSlice> =>
  (set, get) => ({
    ...initial,

    resetCancel: () => set(initial),

    openCancel: () => {
      const deposit = selectShownDeposit(get())
      if (!canCancel(deposit) || get().cancelBusy) return
      set({ cancelReference: deposit.merchantReference, cancelError: null, cancelRequested: null })
    },

    closeCancel: () => set({ cancelReference: null, cancelError: null }),

    confirmCancel: async () => {
      const reference = get().cancelReference
      if (!reference || get().cancelBusy) return
      set({ cancelBusy: true, cancelError: null })
      const cancelled = await api['luxcore.cancelDeposit']({ merchantReference: reference })
      if (get().cancelReference !== reference) return set({ cancelBusy: false })
      if (!cancelled.ok) return set({ cancelBusy: false, cancelError: cancelled.error })
      set({ cancelBusy: false, cancelReference: null, cancelRequested: reference })
      get().applyDeposit(cancelled.value)
    }
  })
