import type { CreateTopup, PaymentMethods, TaquillaApi, Topup } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from '../../shared/store'
import { askSupervisor } from '../../shared/supervisor'

/** The "Top up SMS credit" dialog: payment methods, one top-up followed to its final status. */
export interface TopupSlice {
  topupOpen: boolean
  topupMethods: PaymentMethods | null
  topupBusy: boolean
  topupError: AppError | null
  topup: Topup | null
  openTopup: () => Promise<void>
  closeTopup: () => void
  createTopup: (request: CreateTopup) => Promise<void>
  /** after "not confirmed": the teller's decision to send it again (main looks in GET /payments first) */
  retryTopup: () => Promise<void>
  applyTopup: (topup: Topup) => void
}

export const createTopupSlice =
  (api: TaquillaApi): SliceCreator<TopupSlice> =>
  (set, get) => ({
    topupOpen: false,
    topupMethods: null,
    topupBusy: false,
    topupError: null,
    topup: null,
    openTopup: async () => {
      if (get().topupOpen) return
      set({ topupOpen: true, topupMethods: null, topupError: null, topup: null, topupBusy: false })
      const methods = await api['lox24.paymentMethods'](undefined)
      if (!get().topupOpen) return
      if (methods.ok) set({ topupMethods: methods.value })
      else set({ topupError: methods.error })
    },
    closeTopup: () => set({ topupOpen: false, topup: null, topupError: null }),
    createTopup: async (request) => {
      if (get().topupBusy) return
      set({ topupBusy: true, topupError: null })
      // supervisor-only: null = the supervisor prompt was cancelled, and nothing is sent
      const approval = await askSupervisor('smsTopUp')
      if (approval === null) return set({ topupBusy: false })
      const result = await api['lox24.createTopup'](approval ? { ...request, approval } : request)
      if (result.ok) set({ topup: result.value, topupBusy: false })
      else set({ topupError: result.error, topupBusy: false })
    },
    retryTopup: async () => {
      const topup = get().topup
      if (!topup) return
      set({ topupError: null })
      const result = await api['outbox.retryNow']({ id: topup.id })
      if (!result.ok) set({ topupError: result.error })
    },
    applyTopup: (topup) => set((state) => (state.topup?.id === topup.id ? { topup } : {}))
  })
