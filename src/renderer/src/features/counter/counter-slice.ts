import type { DecisionKind, DecisionRecord, LookupResult, OutboxItemView, Result, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { Money } from '@shared/money'
import { lookupProblem, type LookupKey, type LookupProblem } from '@shared/lookup-rules'
import type { SliceCreator } from '../../shared/store'
import { createCardOutbox } from './card-outbox'

/** The counter screen: one search, one card, at most one decision per transaction. */
export interface CounterSlice {
  searchBy: LookupKey
  query: string
  /** refused before any request (lookupProblem) */
  searchProblem: LookupProblem | null
  searching: boolean
  lookupError: AppError | null
  result: LookupResult | null
  /** the confirmation dialog that is open */
  dialog: DecisionKind | null
  /** a luka.decide or luka.retryDecision is under way */
  deciding: boolean
  decisionError: AppError | null
  /** bumped whenever the search field must take the focus back */
  searchFocus: number
  /** the outbox item carrying the card's decision, when known (next attempt, attention, discard reason) */
  cardOutbox: OutboxItemView | null
  /** what was searched to show the card (its payment reference goes on the receipt) */
  lookedUp: { by: LookupKey; value: string } | null
  /** the cash the customer handed over for the card's approval, when the teller typed it */
  tendered: Money | null

  setSearchBy: (by: LookupKey) => void
  setQuery: (query: string) => void
  lookup: () => Promise<void>
  openDecision: (kind: DecisionKind) => void
  cancelDecision: () => void
  decide: (details: { note: string; authorizationCode: string; tendered?: Money | null }) => Promise<void>
  retryDecision: () => Promise<void>
  applyDecisionUpdate: (record: DecisionRecord) => void
  applyCardOutboxItem: (item: OutboxItemView) => void
  clearCard: () => void
  focusSearch: () => void
}

export const selectCanDecide = (state: CounterSlice): boolean =>
  state.result !== null && state.result.decision === null && state.result.payment.processingStatus === 'pending'

export const selectCanRetry = (state: CounterSlice): boolean =>
  !state.deciding && state.result?.decision?.state === 'queued'

/** Events and replies travel on different channels (SSE vs POST): keep the newest record. */
function newer(current: DecisionRecord | null, next: DecisionRecord): DecisionRecord {
  if (!current) return next
  return Date.parse(next.updatedAt) >= Date.parse(current.updatedAt) ? next : current
}

export const createCounterSlice =
  (api: TaquillaApi): SliceCreator<CounterSlice> =>
  (set, get) => {
    let lookupSeq = 0
    const focusSearch = (): void => set((state) => ({ searchFocus: state.searchFocus + 1 }))
    const cardOutbox = createCardOutbox(api, set, get)

    /** Applies a decision to the card if the card still shows that transaction. */
    const withDecision = (record: DecisionRecord): void => {
      set((state) =>
        state.result?.payment.transactionId === record.transactionId
          ? { result: { ...state.result, decision: newer(state.result.decision, record) } }
          : {}
      )
      cardOutbox.sync()
    }

    const finishDecision = (transactionId: number, outcome: Result<DecisionRecord>): void => {
      if (outcome.ok) withDecision(outcome.value)
      else if (get().result?.payment.transactionId === transactionId) set({ decisionError: outcome.error })
      set({ deciding: false })
      focusSearch()
    }

    return {
      searchBy: 'reference',
      query: '',
      searchProblem: null,
      searching: false,
      lookupError: null,
      result: null,
      dialog: null,
      deciding: false,
      decisionError: null,
      searchFocus: 0,
      cardOutbox: null,
      lookedUp: null,
      tendered: null,

      setSearchBy: (by) => {
        set({ searchBy: by, searchProblem: null })
        focusSearch()
      },

      setQuery: (query) => set({ query, searchProblem: null }),

      lookup: async () => {
        const { searchBy: by, query } = get()
        const value = query.trim()
        const problem = lookupProblem(by, value)
        if (problem) {
          set({ searchProblem: problem, lookupError: null })
          focusSearch()
          return
        }
        const seq = ++lookupSeq
        cardOutbox.reset()
        set({
          query: value,
          searching: true,
          searchProblem: null,
          lookupError: null,
          decisionError: null,
          dialog: null,
          result: null,
          lookedUp: null,
          tendered: null
        })
        const outcome = await api['luka.lookup']({ by, value })
        if (seq !== lookupSeq) return // a newer search (or Esc) took over
        if (outcome.ok) {
          set({ result: outcome.value, searching: false, lookedUp: { by, value } })
          cardOutbox.sync()
        } else {
          set({ lookupError: outcome.error, searching: false })
        }
        focusSearch()
      },

      openDecision: (kind) => {
        const state = get()
        if (state.deciding || state.dialog || !selectCanDecide(state)) return
        set({ dialog: kind, decisionError: null })
      },

      cancelDecision: () => {
        set({ dialog: null })
        focusSearch()
      },

      decide: async ({ note, authorizationCode, tendered = null }) => {
        const { result, dialog, deciding } = get()
        if (!result || !dialog || deciding) return
        const transactionId = result.payment.transactionId
        set({ dialog: null, deciding: true, decisionError: null, tendered: dialog === 'approve' ? tendered : null })
        focusSearch()
        const outcome = await api['luka.decide']({ transactionId, decision: dialog, note, authorizationCode })
        finishDecision(transactionId, outcome)
      },

      retryDecision: async () => {
        const state = get()
        if (!state.result || !selectCanRetry(state)) return
        const transactionId = state.result.payment.transactionId
        set({ deciding: true, decisionError: null })
        const outcome = await api['luka.retryDecision']({ transactionId })
        finishDecision(transactionId, outcome)
      },

      applyDecisionUpdate: withDecision,

      applyCardOutboxItem: cardOutbox.apply,

      clearCard: () => {
        lookupSeq++
        cardOutbox.reset()
        set({
          query: '',
          searching: false,
          searchProblem: null,
          lookupError: null,
          result: null,
          dialog: null,
          decisionError: null,
          lookedUp: null,
          tendered: null
        })
        focusSearch()
      },

      focusSearch
    }
  }
