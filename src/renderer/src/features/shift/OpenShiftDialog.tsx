import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readCash } from '../../shared/cash-input'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { CashField } from './CashField'
import { DRAWER_CURRENCIES } from './shift-text'
import { ShiftActions } from './ShiftActions'
import { useShift } from './use-shift'

/** "Abrir turno": the opening float per currency (blank = 0); Enter opens the shift. */
export function OpenShiftDialog() {
  const { t } = useTranslation()
  const busy = useShift((s) => s.shiftBusy)
  const error = useShift((s) => s.shiftError)
  const openShift = useShift((s) => s.openShift)
  const close = useShift((s) => s.closeShiftDialog)
  const showPast = useShift((s) => s.showPastShifts)
  const [values, setValues] = useState<Record<string, string>>({})
  const [checked, setChecked] = useState(false)
  const inputs = useRef<Record<string, HTMLInputElement | null>>({})
  const first = useRef<HTMLInputElement | null>(null)
  const readings = DRAWER_CURRENCIES.map((currency) => ({
    currency,
    reading: readCash(values[currency] ?? '', currency)
  }))

  const submit = (): void => {
    setChecked(true)
    const wrong = readings.find(({ reading }) => 'problem' in reading)
    if (wrong) return inputs.current[wrong.currency]?.focus()
    const float = readings.map(({ currency, reading }) => ({ currency, minor: 'minor' in reading ? reading.minor : 0 }))
    void openShift(float)
  }

  return (
    <Dialog
      title={t('shift.open.title')}
      description={t('shift.open.help')}
      onCancel={close}
      onEnter={submit}
      initialFocus={first}
      className="dialog-shift"
    >
      {readings.map(({ currency, reading }, index) => (
        <CashField
          key={currency}
          label={t('shift.open.float', { currency })}
          currency={currency}
          value={values[currency] ?? ''}
          reading={reading}
          checked={checked}
          onChange={(value) => setValues((current) => ({ ...current, [currency]: value }))}
          inputRef={(element) => {
            inputs.current[currency] = element
            if (index === 0) first.current = element
          }}
        />
      ))}
      {busy && (
        <p className="notice" role="status">
          {t('shift.open.opening')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <ShiftActions
        submitLabel={t('shift.open.submit')}
        busy={busy}
        onSubmit={submit}
        onShowPast={() => void showPast()}
        onCancel={close}
      />
    </Dialog>
  )
}
