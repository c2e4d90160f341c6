import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JournalIncident } from '@shared/books'
import type { AppError } from '@shared/errors'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { Field } from '../../shared/Field'
import { formatDateTime } from '../../shared/format'
import { incidentReasonText } from '../../shared/journal-text'
import { useJournal } from './use-journal'

/**
 * Journal incidents, app-wide: each damage found in the journal stays on screen — after more
 * work, restarts and "Verify now" — until a supervisor acknowledges it with a note.
 */
export function IncidentBanner() {
  const incidents = useJournal((s) => s.journalStatus?.incidents)
  if (!incidents?.length) return null
  return (
    <>
      {incidents.map((incident) => (
        <Incident key={incident.id} incident={incident} />
      ))}
    </>
  )
}

function Incident({ incident }: { incident: JournalIncident }) {
  const { t } = useTranslation()
  const language = useJournal((s) => s.language)
  const acknowledge = useJournal((s) => s.acknowledgeIncident)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const what = incidentReasonText(t, incident.reason)
  const send = async () => {
    if (busy || note.trim() === '') return
    setBusy(true)
    setError(await acknowledge(incident.id, note))
    setBusy(false)
  }
  return (
    <form
      className="banner incident-banner"
      role="alert"
      aria-label={t('journal.incidents.title')}
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <p>
        <strong>{t('journal.incidents.title')}</strong>{' '}
        {t('journal.incidents.text', {
          when: formatDateTime(incident.at, language) ?? incident.at,
          what,
          places: incident.places
        })}
      </p>
      <Field label={t('journal.incidents.note')}>
        {(control) => (
          <input {...control} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        )}
      </Field>
      <button type="submit" className="button" disabled={busy || note.trim() === ''}>
        {t('journal.incidents.acknowledge')}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  )
}
