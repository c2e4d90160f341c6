import { createStore, type StoreApi } from 'zustand/vanilla'
import type { TaquillaApi } from '@shared/contract'
import { createLedgerSlice, type LedgerSlice } from '../shared/ledger-slice'
import { createPrintSlice, type PrintSlice } from '../shared/print-slice'
import { createSessionSlice, type SessionSlice } from '../shared/session-slice'
import type { GetState, SetState } from '../shared/store'
import { createTrainingSlice, type TrainingSlice } from '../shared/training-slice'
import { createCounterSlice, type CounterSlice } from '../features/counter/counter-slice'
import { createJournalSlice, type JournalSlice } from '../features/journal/journal-slice'
import { createLinkSlice, type LinkSlice } from '../features/link/link-slice'
import { createCancelSlice, type CancelSlice } from '../features/luxcore/cancel-slice'
import { createLuxcoreSlice, type LuxcoreSlice } from '../features/luxcore/luxcore-slice'
import { createPaymentsSlice, type PaymentsSlice } from '../features/luxcore/payments-slice'
import { createOperatorsSlice, type OperatorsSlice } from '../features/operators/operators-slice'
import { createOutboxSlice, type OutboxSlice } from '../features/outbox/outbox-slice'
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice'
import { createShiftSlice, type ShiftSlice } from '../features/shift/shift-slice'
import { createSmsSlice, type SmsSlice } from '../features/sms/sms-slice'
import { createTopupSlice, type TopupSlice } from '../features/sms/topup-slice'
import { createUpdatesSlice, type UpdatesSlice } from '../features/updates/updates-slice'

export type AppState = SessionSlice &
  PrintSlice &
  TrainingSlice &
  CounterSlice &
  SettingsSlice &
  OutboxSlice &
  LuxcoreSlice &
  CancelSlice &
  PaymentsSlice &
  ShiftSlice &
  JournalSlice &
  LinkSlice &
  SmsSlice &
  TopupSlice &
  UpdatesSlice &
  OperatorsSlice &
  LedgerSlice

/** The window's store: every slice, each bound to the same api (the preload's, or a test fake). */
export function createAppStore(api: TaquillaApi): StoreApi<AppState> {
  return createStore<AppState>()((setState, getState) => {
    const set: SetState<AppState> = (partial) => setState(partial)
    const get: GetState<AppState> = getState
    return {
      ...createSessionSlice(api)(set, get),
      ...createCounterSlice(api)(set, get),
      ...createSettingsSlice(api)(set, get),
      ...createOutboxSlice(api)(set, get),
      ...createLuxcoreSlice(api)(set, get),
      ...createCancelSlice(api)(set, get),
      ...createPaymentsSlice(api)(set, get),
      ...createPrintSlice(api)(set, get),
      ...createTrainingSlice(api)(set, get),
      ...createShiftSlice(api)(set, get),
      ...createJournalSlice(api)(set, get),
      ...createLinkSlice(api)(set, get),
      ...createSmsSlice(api)(set, get),
      ...createTopupSlice(api)(set, get),
      ...createUpdatesSlice(api)(set, get),
      ...createOperatorsSlice(api)(set, get),
      ...createLedgerSlice(api)(set, get)
    }
  })
}

/** main -> renderer events, wired to the slices that care. Returns the unsubscribe. */
export function subscribeToEvents(api: TaquillaApi, store: StoreApi<AppState>): () => void {
  const off = [
    api.events['luka.status']((status) => store.getState().setLukaStatus(status)),
    api.events['decision.updated']((record) => store.getState().applyDecisionUpdate(record)),
    api.events['outbox.updated']((summary) => store.getState().applyOutboxSummary(summary)),
    api.events['outbox.item']((item) => {
      store.getState().applyOutboxItem(item)
      store.getState().applyCardOutboxItem(item)
    }),
    api.events['luxcore.deposit']((deposit) => {
      store.getState().applyDeposit(deposit)
      if (deposit.payment) store.getState().applyPaymentUpdate(deposit.payment)
    }),
    api.events['lox24.status']((status) => store.getState().applyLox24Status(status)),
    api.events['lox24.account']((account) => store.getState().applySmsCredit(account)),
    api.events['lox24.sms']((record) => store.getState().applySms(record)),
    api.events['lox24.topup']((topup) => store.getState().applyTopup(topup)),
    api.events['journal.changed']((status) => {
      store.getState().applyJournalStatus(status)
      store.getState().refreshShiftTotals()
    }),
    api.events['update.status']((status) => store.getState().applyUpdate(status)),
    api.events['operators.state']((state) => store.getState().applyOperators(state)),
    api.events['ledger.status']((view) => store.getState().applyLedger(view))
  ]
  return () => off.forEach((unsubscribe) => unsubscribe())
}
