import { useEffect, useState } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import type { TaquillaApi } from '@shared/contract'
import { Counter } from '../features/counter/Counter'
import { IncidentBanner } from '../features/journal/IncidentBanner'
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
import { createAppStore, subscribeToEvents } from './store'
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
    return subscribeToEvents(api, store)
  }, [api, store])
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

function Shell({ api }: { api: TaquillaApi }) {
  const { t, i18n } = useTranslation()
  const language = useApp((s) => s.language)
  const infoError = useApp((s) => s.appInfoError)
  const receiptPrompt = useReceiptPrompt()
  // the guided start, until a card takes the screen
  const guide = useApp((s) => (s.appInfo?.training ?? false) && s.result === null)

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
      </ErrorBoundary>
      <StatusBar />
    </div>
  )
}
