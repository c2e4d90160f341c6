import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatAmount } from '../../shared/format'
import { ConfirmDecisionDialog } from './ConfirmDecisionDialog'
import { ResultCard } from './ResultCard'
import { SearchBar } from './SearchBar'
import { useCounter } from './use-counter'
import './counter.css'

/** The teller's main screen: search, card, decide — and below them what the app puts there (first run, training guide). */
export function Counter({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  const result = useCounter((s) => s.result)
  const searching = useCounter((s) => s.searching)
  const lookupError = useCounter((s) => s.lookupError)
  const dialog = useCounter((s) => s.dialog)
  const language = useCounter((s) => s.language)
  const decide = useCounter((s) => s.decide)
  const cancelDecision = useCounter((s) => s.cancelDecision)

  return (
    <main className="counter">
      <h1 className="visually-hidden">{t('app.title')}</h1>
      <SearchBar />
      {searching && (
        <p className="notice" role="status">
          {t('search.searching')}
        </p>
      )}
      {lookupError && <ErrorMessage error={lookupError} />}
      {result && <ResultCard payment={result.payment} />}
      {result && dialog && (
        <ConfirmDecisionDialog
          kind={dialog}
          amount={formatAmount(result.payment.amount, language)}
          money={result.payment.amount}
          transactionId={result.payment.transactionId}
          onConfirm={(details) => void decide(details)}
          onCancel={cancelDecision}
        />
      )}
      {children}
    </main>
  )
}
