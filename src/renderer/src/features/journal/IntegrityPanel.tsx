import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatTime } from '../../shared/format'
import { brokenText } from '../../shared/journal-text'
import { useJournal } from './use-journal'

/** The journal view's integrity line: the warning, the recovered write, or when it was last checked; "Verificar ahora". */
export function IntegrityPanel() {
  const { t } = useTranslation()
  const status = useJournal((s) => s.journalStatus)
  const error = useJournal((s) => s.journalStatusError)
  const verifying = useJournal((s) => s.verifying)
  const language = useJournal((s) => s.language)
  const verify = useJournal((s) => s.verifyJournal)
  const broken = brokenText(t, status)
  const time = status?.checkedAt ? formatTime(status.checkedAt, language) : null

  return (
    <section className="integrity" aria-label={t('journal.integrity.region')}>
      {broken ? (
        <p className="integrity-broken" role="alert">
          {broken}
        </p>
      ) : (
        <p className="notice">
          {status && time
            ? t('journal.integrity.ok', { entries: status.entries, time })
            : t('journal.integrity.unknown')}
        </p>
      )}
      {status?.tornTail && <p className="notice integrity-torn">{t('journal.integrity.tornTail')}</p>}
      {status?.scope === 'start' && <p className="notice">{t('journal.integrity.partial')}</p>}
      {status?.protection === 'file' && <p className="notice integrity-weaker">{t('journal.integrity.weaker')}</p>}
      {error && <ErrorMessage error={error} />}
      <div className="integrity-actions">
        <button type="button" className="button button-quiet" disabled={verifying} onClick={() => void verify()}>
          {t('journal.integrity.verify')}
        </button>
        <span role="status" className="notice">
          {verifying ? t('journal.integrity.verifying') : ''}
        </span>
      </div>
    </section>
  )
}
