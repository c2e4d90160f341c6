import { useTranslation } from 'react-i18next'
import type { CashReading } from '../../shared/cash-input'
import { Field } from '../../shared/Field'
import { MoneyInput } from '../../shared/MoneyInput'
import { understoodText } from './shift-text'
import { useShift } from './use-shift'

interface Props {
  label: string
  currency: string
  value: string
  reading: CashReading
  /** problems are told once the teller tried to go on (not while typing "100,") */
  checked: boolean
  onChange: (value: string) => void
  inputRef: (element: HTMLInputElement | null) => void
}

/** An amount of cash typed as money (1.234,50 or 1234.50), shown back as understood. */
export function CashField({ label, currency, value, reading, checked, onChange, inputRef }: Props) {
  const { t } = useTranslation()
  const language = useShift((s) => s.language)
  const problem = checked && 'problem' in reading ? t(`shift.amountProblems.${reading.problem}`) : null
  return (
    <Field label={label} beside={understoodText(t, reading, currency, language)} problem={problem}>
      {(control) => <MoneyInput {...control} inputRef={inputRef} value={value} onValue={onChange} />}
    </Field>
  )
}
