import type { RefObject } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Money } from '@shared/money'
import { Field } from '../../shared/Field'
import { formatAmount } from '../../shared/format'
import { MoneyInput } from '../../shared/MoneyInput'
import type { ChangeReading } from './change'
import { useCounter } from './use-counter'
import './change.css'

function changeText(t: TFunction, reading: ChangeReading, amountText: (money: Money) => string): string | null {
  switch (reading.kind) {
    case 'none':
      return null
    case 'problem':
      return t(`change.problems.${reading.problem}`)
    case 'exact':
      return t('change.exact')
    case 'change':
      return t('change.change', { amount: amountText(reading.difference) })
    case 'short':
      return t('change.short', { amount: amountText(reading.difference) })
  }
}

interface Props {
  value: string
  onChange: (value: string) => void
  reading: ChangeReading
  currency: string
  inputRef?: RefObject<HTMLInputElement | null>
}

/** "Efectivo recibido": optional; shows the change (or what is missing) as the teller types. */
export function TenderedField({ value, onChange, reading, currency, inputRef }: Props) {
  const { t } = useTranslation()
  const language = useCounter((s) => s.language)
  const text = changeText(t, reading, (money) => formatAmount(money, language))
  return (
    <Field
      label={
        <>
          {t('change.tendered')} ({currency}) <span className="hint">{t('dialog.optional')}</span>
        </>
      }
      notes={[t('change.help')]}
      beside={text ? <span className={`change change-${reading.kind}`}>{text}</span> : null}
    >
      {(control) => <MoneyInput {...control} inputRef={inputRef} value={value} onValue={onChange} />}
    </Field>
  )
}
