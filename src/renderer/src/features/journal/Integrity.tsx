import { useTranslation } from 'react-i18next'
import { brokenText } from '../../shared/journal-text'
import { useJournal } from './use-journal'
// The journal's styles load with the status bar, not with the view: the integrity alert uses
// them at first paint, and they keep their place in the cascade (feature CSS before app/styles.css).
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
