import { useTranslation } from 'react-i18next'
import { ledgerStatusText } from '../shared/ledger-text'
import { useApp } from './use-app'

/** The status bar's ledger words (issue 15), only while this counter is enrolled. */
export function LedgerStatus() {
  const { t } = useTranslation()
  const ledger = useApp((s) => s.ledger)
  const text = ledger?.enrolled ? ledgerStatusText(t, ledger.status) : null
  if (!ledger || !text) return null
  return (
    <p role="status" aria-label={t('ledger.status.label')} className="status-item">
      {text}
    </p>
  )
}
