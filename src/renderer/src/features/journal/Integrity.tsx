import { useTranslation } from 'react-i18next'
import { brokenText } from '../../shared/journal-text'
import { useJournal } from './use-journal'
// Only the status bar's warnings load at start; the view's rules (journal.css) come with the lazy panel.
import './integrity.css'

/** The status bar's warning, app-wide: a broken chain shouts, a recovered write is a quiet note. */
export function IntegrityStatus() {
  const { t } = useTranslation()
  const status = useJournal((s) => s.journalStatus)
  const broken = brokenText(t, status)
  if (broken) {
    return (
      <p className="status-item integrity-alert" role="alert">
        ⚠ {broken}
      </p>
    )
  }
  return status?.tornTail ? <p className="status-item integrity-torn">{t('journal.integrity.tornTail')}</p> : null
}
