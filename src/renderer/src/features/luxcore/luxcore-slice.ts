import type { CreateDepositInput, Deposit, LuxcoreStatus, OperationOutput, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import { movedIndex } from '../../shared/listbox'
import type { SliceCreator } from '../../shared/store'
import type { CancelSlice } from './cancel-slice'
import { newerDeposit, progressOf, withDeposit } from './deposit-items'
import type { PaymentsSlice } from './payments-slice'

export type Balance = OperationOutput<'luxcore.balance'>

/** The LuxCore panel (F2): the key in use, the balance, this counter's deposits, the one on view. */
export interface LuxcoreSlice {
  luxcoreOpen: boolean
  luxcoreStatus: LuxcoreStatus | null
  luxcoreStatusError: AppError | null
  balance: Balance | null
  balanceError: AppError | null
  /** this counter's deposits, newest first */
  deposits: Deposit[] | null
  depositsError: AppError | null
  /** the deposit on view (just created, or chosen in the list) */
  shownReference: string | null
  creating: boolean
  /** why the last create was refused outright (a VALIDATION names its field) */
  createError: AppError | null
  /** the deposit on view as it was when it last changed by itself (announced) */
  depositNews: Deposit | null
  refreshing: boolean
  depositError: AppError | null

  openLuxcore: () => Promise<void>
  closeLuxcore: () => void
  loadBalance: () => Promise<void>
  /** true when the deposit was accepted (created, queued or in attention) */
  createDeposit: (input: CreateDepositInput) => Promise<boolean>
  /** a deposit changed (event, refresh, cancel): update it and announce it when on view */
  applyDeposit: (deposit: Deposit) => void
  showDeposit: (reference: string) => void
  /** ArrowUp/ArrowDown (±1), Home/End (±Infinity) */
  moveDepositSelection: (delta: number) => void
  refreshDeposit: () => Promise<void>
}

export const selectShownDeposit = (state: LuxcoreSlice): Deposit | null =>
  state.deposits?.find((deposit) => deposit.merchantReference === state.shownReference) ?? null

const closed = {
  luxcoreOpen: false,
  luxcoreStatus: null,
  luxcoreStatusError: null,
  balance: null,
  balanceError: null,
  deposits: null,
  depositsError: null,
  shownReference: null,
  creating: false,
  createError: null,
  depositNews: null,
  refreshing: false,
  depositError: null
} as const satisfies Partial<LuxcoreSlice>

export const createLuxcoreSlice =
  (api: TaquillaApi): SliceCreator<LuxcoreSlice, PaymentsSlice & CancelSlice> =>
  (set, get) => {
    // Bumped on open and close: an answer for an earlier opening is dropped.
    let session = 0
    const current = (mine: number): boolean => mine === session && get().luxcoreOpen

    const upsert = (deposit: Deposit): void =>
      set((state) => ({ deposits: withDeposit(state.deposits ?? [], deposit) }))

    return {
      ...closed,

      openLuxcore: async () => {
        if (get().luxcoreOpen) return
        const mine = ++session
        set({ ...closed, luxcoreOpen: true })
        get().resetPayments()
        get().resetCancel()
        const [status, deposits] = await Promise.all([
          api['luxcore.status'](undefined),
          api['luxcore.deposits'](undefined),
          get().loadBalance(),
          get().loadPayments()
        ])
        if (!current(mine)) return
        set(status.ok ? { luxcoreStatus: status.value } : { luxcoreStatusError: status.error })
        if (!deposits.ok) return set({ depositsError: deposits.error })
        // a deposit created while the list was on its way is kept
        const listed = (get().deposits ?? []).reduce(withDeposit, deposits.value)
        set((state) => ({
          deposits: listed,
          shownReference: state.shownReference ?? listed[0]?.merchantReference ?? null
        }))
      },

      closeLuxcore: () => {
        session++
        set(closed)
      },

      loadBalance: async () => {
        const mine = session
        const balance = await api['luxcore.balance']({ currency: 'MXN' })
        if (!current(mine)) return
        set(balance.ok ? { balance: balance.value, balanceError: null } : { balanceError: balance.error })
      },

      createDeposit: async (input) => {
        if (get().creating) return false
        const mine = session
        set({ creating: true, createError: null })
        const created = await api['luxcore.createDeposit'](input)
        if (!current(mine)) return false
        if (!created.ok) {
          set({ creating: false, createError: created.error })
          return false
        }
        upsert(created.value)
        set({ creating: false, shownReference: created.value.merchantReference, depositNews: null, depositError: null })
        return true
      },

      applyDeposit: (deposit) => {
        const state = get()
        if (!state.luxcoreOpen || !state.deposits) return
        const before = state.deposits.find((candidate) => candidate.merchantReference === deposit.merchantReference)
        const after = newerDeposit(before, deposit)
        upsert(deposit)
        const moved = before !== undefined && progressOf(before) !== progressOf(after)
        if (moved && after.merchantReference === state.shownReference) set({ depositNews: after })
        if (moved && after.payment?.status === 'completed') void get().loadBalance()
      },

      showDeposit: (reference) => set({ shownReference: reference, depositNews: null, depositError: null }),

      moveDepositSelection: (delta) => {
        const deposits = get().deposits ?? []
        if (deposits.length === 0) return
        const index = deposits.findIndex((deposit) => deposit.merchantReference === get().shownReference)
        const reference = deposits[movedIndex(deposits.length, index, delta)]?.merchantReference
        if (reference) get().showDeposit(reference)
      },

      refreshDeposit: async () => {
        const reference = get().shownReference
        if (!reference || get().refreshing) return
        const mine = session
        set({ refreshing: true, depositError: null })
        const refreshed = await api['luxcore.refreshDeposit']({ merchantReference: reference })
        if (!current(mine)) return
        set({ refreshing: false })
        if (refreshed.ok) get().applyDeposit(refreshed.value)
        else set({ depositError: refreshed.error })
      }
    }
  }
