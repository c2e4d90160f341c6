import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { MoneyInput } from '../../shared/MoneyInput'
import type { CurrencyTotals } from '@shared/books'
import type { CashReading } from '../../shared/cash-input'
import { formatAmount } from '../../shared/format'
import { understoodText, varianceText } from './shift-text'
import { useShift } from './use-shift'

export interface CountRow {
  currency: string
  totals: CurrencyTotals | null
  value: string
  reading: CashReading
  /** counted − expected, live; null while the count is unreadable */
  variance: number | null
}

interface Props {
  rows: CountRow[]
  checked: boolean
  onChange: (currency: string, value: string) => void
  inputRef: (currency: string, element: HTMLInputElement | null) => void
}

/** Per currency: what the drawer should hold, what was counted, and the difference as it is typed. */
export function CountTable({ rows, checked, onChange, inputRef }: Props) {
  const { t } = useTranslation()
  const language = useShift((s) => s.language)
  const id = useId()
  const money = (minor: number, currency: string): string => formatAmount({ minor, currency }, language)

  return (
    <table className="count-table">
      <thead>
        <tr>
          <th scope="col">{t('zreport.columns.currency')}</th>
          <th scope="col">{t('shift.close.expected')}</th>
          <th scope="col">{t('zreport.columns.counted')}</th>
          <th scope="col">{t('zreport.columns.variance')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ currency, totals, value, reading, variance }) => {
          const expected = totals?.expected ?? 0
          const problem = checked && 'problem' in reading ? t(`shift.amountProblems.${reading.problem}`) : null
          const rowId = `${id}-${currency}`
          return (
            <tr key={currency}>
              <th scope="row">{currency}</th>
              <td id={`${rowId}-expected`}>
                <strong className="count-expected">{money(expected, currency)}</strong>
                {totals && (
                  <span className="hint count-breakdown">
                    {t('shift.close.breakdown', {
                      float: money(totals.float, currency),
                      approvals: money(totals.approvals.minor, currency),
                      waiting: money(totals.approvalsWaiting.minor, currency),
                      deposits: money(totals.deposits.minor, currency)
                    })}
                  </span>
                )}
              </td>
              <td>
                <MoneyInput
                  inputRef={(element) => inputRef(currency, element)}
                  aria-label={t('shift.close.counted', { currency })}
                  aria-describedby={`${rowId}-expected ${rowId}-variance${problem ? ` ${rowId}-problem` : ''}`}
                  aria-invalid={problem !== null}
                  value={value}
                  onValue={(text) => onChange(currency, text)}
                />
                <span className="count-understood">{understoodText(t, reading, currency, language)}</span>
                {problem && (
                  <span id={`${rowId}-problem`} className="error" role="alert">
                    {problem}
                  </span>
                )}
              </td>
              <td id={`${rowId}-variance`}>
                <output className={`variance variance-${variance === null ? 'unknown' : Math.sign(variance)}`}>
                  {variance === null ? '' : varianceText(t, variance, currency, language)}
                </output>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
