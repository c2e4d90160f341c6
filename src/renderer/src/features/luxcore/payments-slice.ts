import type { LuxcoreMethod, LuxcorePayment, OperationOutput, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from '../../shared/store'

export type PaymentPage = OperationOutput<'luxcore.listPayments'>
export interface PaymentsFilter {
  /** a LuxCore status word, or '' for all */
  status: string
  method: LuxcoreMethod | ''
}

export const PAYMENTS_PAGE_SIZE = 20

/** Today's payments as LuxCore lists them (not only this counter's), filtered and paged. */
export interface PaymentsSlice {
  paymentsFilter: PaymentsFilter
  paymentsOffset: number
  paymentsPage: PaymentPage | null
  paymentsLoading: boolean
  paymentsError: AppError | null
  resetPayments: () => void
  loadPayments: () => Promise<void>
  setPaymentsFilter: (filter: Partial<PaymentsFilter>) => void
  /** -1 previous page, +1 next page; nothing past either end */
  turnPaymentsPage: (direction: -1 | 1) => void
  /** a deposit of ours changed: the same payment in the page follows */
  applyPaymentUpdate: (payment: LuxcorePayment) => void
}

export const selectCanTurnPage = (state: PaymentsSlice, direction: -1 | 1): boolean => {
  const page = state.paymentsPage
  if (!page || state.paymentsLoading) return false
  if (direction === -1) return state.paymentsOffset > 0
  return page.total !== null
    ? state.paymentsOffset + page.items.length < page.total
    : page.items.length >= PAYMENTS_PAGE_SIZE
}

/** Midnight today in the computer's time zone, as an ISO instant. */
export function startOfToday(now: Date = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString()
}

const initial = {
  paymentsFilter: { status: '', method: '' },
  paymentsOffset: 0,
  paymentsPage: null,
  paymentsLoading: false,
  paymentsError: null
} as const satisfies Partial<PaymentsSlice>

export const createPaymentsSlice =
  (api: TaquillaApi): SliceCreator<PaymentsSlice> =>
  (set, get) => {
    let seq = 0
    return {
      ...initial,

      resetPayments: () => {
        seq++
        set(initial)
      },

      loadPayments: async () => {
        const mine = ++seq
        const { paymentsFilter: filter, paymentsOffset: offset } = get()
        set({ paymentsLoading: true, paymentsError: null })
        const listed = await api['luxcore.listPayments']({
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.method ? { method: filter.method } : {}),
          from: startOfToday(),
          limit: PAYMENTS_PAGE_SIZE,
          offset
        })
        if (mine !== seq) return // a newer filter or page took over
        set(
          listed.ok
            ? { paymentsPage: listed.value, paymentsLoading: false }
            : { paymentsError: listed.error, paymentsLoading: false }
        )
      },

      setPaymentsFilter: (filter) => {
        set((state) => ({ paymentsFilter: { ...state.paymentsFilter, ...filter }, paymentsOffset: 0 }))
        void get().loadPayments()
      },

      turnPaymentsPage: (direction) => {
        if (!selectCanTurnPage(get(), direction)) return
        set((state) => ({ paymentsOffset: Math.max(0, state.paymentsOffset + direction * PAYMENTS_PAGE_SIZE) }))
        void get().loadPayments()
      },

      applyPaymentUpdate: (payment) => {
        const page = get().paymentsPage
        if (!page?.items.some((item) => item.transactionId === payment.transactionId)) return
        set({
          paymentsPage: {
            ...page,
            items: page.items.map((item) => (item.transactionId === payment.transactionId ? payment : item))
          }
        })
      }
    }
  }
