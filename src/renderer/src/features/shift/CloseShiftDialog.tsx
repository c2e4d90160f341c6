import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readCash } from '../../shared/cash-input'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatTime } from '../../shared/format'
import { CountTable, type CountRow } from './CountTable'
import { drawerCurrencies } from './shift-text'
import { ShiftActions } from './ShiftActions'
import { useShift } from './use-shift'
import { useXReportKey } from './use-x-report-key'
import { WaitingList } from './WaitingList'

const NOTE_MAX = 500
/** Newlines would end the note; Enter closes the shift instead. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ')

/**
 * "Cerrar turno": expected cash per currency (float + approvals + cash deposits), the
 * approvals Luka has not confirmed listed apart, the count, the difference as it is typed,
 * and a note that is required as soon as any difference is not zero. Enter closes.
 */
export function CloseShiftDialog() {
  const { t } = useTranslation()
  const shift = useShift((s) => s.shift)
  const totals = useShift((s) => s.shiftTotals)
  const busy = useShift((s) => s.shiftBusy)
  const error = useShift((s) => s.shiftError)
  const language = useShift((s) => s.language)
  const closeShift = useShift((s) => s.closeShift)
  const close = useShift((s) => s.closeShiftDialog)
  const showPast = useShift((s) => s.showPastShifts)
  const takeXReport = useXReportKey()
  const [values, setValues] = useState<Record<string, string>>({})
  const [note, setNote] = useState('')
  const [checked, setChecked] = useState(false)
  const inputs = useRef<Record<string, HTMLInputElement | null>>({})
  const first = useRef<HTMLInputElement | null>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const noteId = useId()

  const rows: CountRow[] = drawerCurrencies(totals).map((currency) => {
    const row = totals?.currencies.find((candidate) => candidate.currency === currency) ?? null
    const reading = readCash(values[currency] ?? '', currency)
    return {
      currency,
      totals: row,
      value: values[currency] ?? '',
      reading,
      variance: 'minor' in reading ? reading.minor - (row?.expected ?? 0) : null
    }
  })
  const differs = rows.some((row) => row.variance !== null && row.variance !== 0)
  const mainWantsNote = error?.code === 'VALIDATION' && error.reason === 'noteRequired'
  const noteMissing = note.trim() === '' && ((checked && differs) || mainWantsNote)

  const submit = (): void => {
    setChecked(true)
    const wrong = rows.find((row) => 'problem' in row.reading)
    if (wrong) return inputs.current[wrong.currency]?.focus()
    if (differs && note.trim() === '') return noteRef.current?.focus()
    const counted = rows.map((row) => ({
      currency: row.currency,
      minor: 'minor' in row.reading ? row.reading.minor : 0
    }))
    void closeShift(counted, note.trim())
  }

  const opened = shift ? (formatTime(shift.openedAt, language) ?? shift.openedAt) : ''
  return (
    <Dialog
      title={t('shift.close.title')}
      description={t('shift.close.help', { time: opened, operator: shift?.operator || t('status.unset') })}
      onCancel={close}
      onEnter={submit}
      initialFocus={first}
      className="dialog-shift dialog-close-shift"
    >
      <CountTable
        rows={rows}
        checked={checked}
        onChange={(currency, value) => setValues((current) => ({ ...current, [currency]: value }))}
        inputRef={(currency, element) => {
          inputs.current[currency] = element
          if (currency === rows[0]?.currency) first.current = element
        }}
      />
      <p className="hint">{t('shift.close.expectedHelp')}</p>
      <WaitingList waiting={totals?.waiting ?? []} />
      <div className="field">
        <label htmlFor={`${noteId}-note`}>
          {t('shift.close.note')} <span className="hint">{differs ? '' : t('dialog.optional')}</span>
        </label>
        <textarea
          id={`${noteId}-note`}
          ref={noteRef}
          rows={2}
          maxLength={NOTE_MAX}
          required={differs}
          value={note}
          onChange={(event) => setNote(oneLine(event.target.value))}
          aria-invalid={noteMissing}
          aria-describedby={`${noteId}-help${noteMissing ? ` ${noteId}-problem` : ''}`}
        />
        <p id={`${noteId}-help`} className="hint">
          {t('shift.close.noteHelp')}
        </p>
        {noteMissing && (
          <p id={`${noteId}-problem`} className="error" role="alert">
            {t('errors.validation.noteRequired')}
          </p>
        )}
      </div>
      {busy && (
        <p className="notice" role="status">
          {t('shift.close.closing')}
        </p>
      )}
      {error && !mainWantsNote && <ErrorMessage error={error} />}
      <ShiftActions
        submitLabel={t('shift.close.submit')}
        busy={busy}
        onSubmit={submit}
        onShowPast={() => void showPast()}
        onCancel={close}
        onXReport={takeXReport}
      />
    </Dialog>
  )
}
