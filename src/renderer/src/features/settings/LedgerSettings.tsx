import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { Field } from '../../shared/Field'
import { formatDateTime } from '../../shared/format'
import { ledgerStatusText } from '../../shared/ledger-text'
import { useLedger } from '../../shared/use-ledger'

const EMPTY = { serverUrl: '', code: '', agency: '', counter: '' }
type Draft = typeof EMPTY

/**
 * The agency ledger in the settings (issue 15): enrol this counter with the owner's one-time code,
 * see how far the copy is, or leave. Main asks for a supervisor for both; training keeps it off.
 */
export function LedgerSettings() {
  const { t } = useTranslation()
  const ledger = useLedger((s) => s.ledger)
  const busy = useLedger((s) => s.ledgerBusy)
  const error = useLedger((s) => s.ledgerError)
  const language = useLedger((s) => s.language)
  const enrol = useLedger((s) => s.enrolLedger)
  const leave = useLedger((s) => s.leaveLedger)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const section = useRef<HTMLElement>(null)
  // enrolling or leaving swaps the controls, and a busy button is disabled: the one that had the
  // focus is gone, so the section's first control takes it once it can (the dialog keeps the
  // keyboard, and Esc still closes it). The pushed status may arrive before the answer does.
  const enrolled = ledger?.enrolled
  useEffect(() => {
    if (busy || document.activeElement !== document.body) return
    section.current?.querySelector<HTMLElement>('input, button')?.focus()
  }, [enrolled, busy])
  if (!ledger) return null
  const edit = (name: keyof Draft) => (event: ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [name]: event.target.value })
  const input = (name: keyof Draft, label: string, type = 'text') => (
    <Field label={label}>
      {(control) => (
        <input {...control} type={type} value={draft[name]} onChange={edit(name)} autoComplete="off" required />
      )}
    </Field>
  )
  const status = ledgerStatusText(t, ledger.status)
  const answered = ledger.lastSyncAt ? formatDateTime(ledger.lastSyncAt, language) : null

  return (
    <section ref={section} className="settings-ledger" aria-labelledby="settings-ledger-title">
      <h3 id="settings-ledger-title">{t('ledger.settings.title')}</h3>
      {ledger.training ? (
        <p className="notice">{t('ledger.settings.training')}</p>
      ) : ledger.enrolled ? (
        <>
          <p>
            {t('ledger.settings.enrolled', {
              server: ledger.serverUrl,
              agency: ledger.agency,
              counter: ledger.counter,
              terminal: ledger.terminalId ?? '?'
            })}
          </p>
          {status && <p className="notice">{status}</p>}
          <p className="notice">
            {answered ? t('ledger.settings.lastSync', { time: answered }) : t('ledger.settings.never')}
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void leave()}>
            {t('ledger.settings.leave')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void enrol(draft).then((done) => done && setDraft(EMPTY))
          }}
        >
          <p className="notice">{t('ledger.settings.help')}</p>
          {input('serverUrl', t('ledger.settings.serverUrl'), 'url')}
          {input('code', t('ledger.settings.code'))}
          {input('agency', t('ledger.settings.agency'))}
          {input('counter', t('ledger.settings.counter'))}
          <button type="submit" className="button" disabled={busy}>
            {t('ledger.settings.enrol')}
          </button>
        </form>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  )
}
