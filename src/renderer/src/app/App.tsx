import { useEffect, useRef, useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { I18nextProvider, useTranslation } from 'react-i18next'
import type { TaquillaApi } from '@shared/contract'
import { Counter } from '../features/counter/Counter'
import { IncidentBanner } from '../features/journal/IncidentBanner'
import { gateShown } from '../features/operators/operators-slice'
import { SignInScreen } from '../features/operators/SignInScreen'
import { SupervisorPrompt } from '../features/operators/SupervisorPrompt'
import { useActivity } from '../features/operators/use-activity'
import { SmsDialogHost, SmsOffer } from '../features/sms/SmsOffer'
import { TrainingGuide } from '../features/training/TrainingGuide'
import { ErrorMessage } from '../shared/ErrorMessage'
import { ReceiptOfferProvider } from '../shared/receipt-offer'
import { StoreContext } from '../shared/store'
import { ErrorBoundary } from './ErrorBoundary'
import { FirstRun } from './FirstRun'
import { createI18n } from './i18n'
import { Panels, usePreloadPanels } from './Panels'
import { StatusBar } from './StatusBar'
import { StorageWarning } from './StorageWarning'
import { createAppStore, subscribeToEvents, type AppState } from './store'
import { useReceiptPrompt } from './receipt-prompt'
import { TrainingBanner } from './TrainingBanner'
import { useApp } from './use-app'
import { useCustomerDisplay } from './use-customer-display'

/** The window: one store and one i18n instance, both built around the api it is given. */
export function App({ api }: { api: TaquillaApi }) {
  const [store] = useState(() => createAppStore(api))
  const [i18n] = useState(() => createI18n())

  useEffect(() => {
    void store
      .getState()
      .loadSession()
      .then(() => {
        if (store.getState().appInfo?.training) void store.getState().loadTraining()
      })
    void store.getState().loadOutboxSummary()
    void store.getState().loadJournalStatus()
    void store.getState().loadShift()
    void store.getState().loadLox24()
    void store.getState().loadUpdate()
    void store.getState().loadOperators()
    void store.getState().loadLedger()
    return subscribeToEvents(api, store)
  }, [api, store])
  useSignInGate(store)
  usePreloadPanels()
  useCustomerDisplay(api, store)

  return (
    <StoreContext.Provider value={store}>
      <I18nextProvider i18n={i18n}>
        <Shell api={api} />
      </I18nextProvider>
    </StoreContext.Provider>
  )
}

/**
 * Sign-in on (issue 11): while the sign-in or lock screen shows, the card is cleared (main refuses
 * customer data anyway); when someone signs in, what the status bar and the counter show is read again.
 */
function useSignInGate(store: StoreApi<AppState>): void {
  const gate = useStore(store, (s) => gateShown(s.operators))
  const was = useRef(gate)
  useEffect(() => {
    if (gate) store.getState().clearCard()
    else if (was.current) {
      const state = store.getState()
      void state.loadSession()
      void state.loadOutboxSummary()
      void state.loadJournalStatus()
      void state.loadShift()
      void state.loadLox24()
    }
    was.current = gate
  }, [gate, store])
}

function Shell({ api }: { api: TaquillaApi }) {
  const { t, i18n } = useTranslation()
  const language = useApp((s) => s.language)
  const infoError = useApp((s) => s.appInfoError)
  const receiptPrompt = useReceiptPrompt()
  // the guided start, until a card takes the screen
  const guide = useApp((s) => (s.appInfo?.training ?? false) && s.result === null)
  // sign-in on and nobody signed in, or locked: no counter, no card, no panels behind the screen
  const gate = useApp((s) => gateShown(s.operators))
  useActivity()

  useEffect(() => {
    void i18n.changeLanguage(language)
    document.documentElement.lang = language
  }, [i18n, language])

  return (
    <div className="shell">
      <TrainingBanner />
      <ErrorBoundary message={t('errors.codes.INTERNAL')} retryLabel={t('app.crashRetry')}>
        {infoError && (
          <div className="banner">
            <p>{t('app.infoError')}</p>
            <ErrorMessage error={infoError} />
          </div>
        )}
        <StorageWarning api={api} />
        {gate ? (
          <SignInScreen />
        ) : (
          <>
            <IncidentBanner />
            <Counter>
              <FirstRun />
              {guide && <TrainingGuide />}
            </Counter>
            {/* panels offer SMS receipts for their own operations through this, never importing sms/ */}
            <ReceiptOfferProvider value={SmsOffer}>
              <SmsOffer prompt={receiptPrompt} />
              <Panels />
              <SmsDialogHost />
            </ReceiptOfferProvider>
          </>
        )}
        <SupervisorPrompt />
      </ErrorBoundary>
      <StatusBar />
    </div>
  )
}
