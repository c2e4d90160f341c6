import { useTranslation } from 'react-i18next'
import type { OperatorTotals } from '@shared/books'
import { countAmountText } from './shift-text'
import { useShift } from './use-shift'

/**
 * Who did what in the shift: per operator and currency, the approvals (Luka's confirmation or
 * not), rejections and cash deposits. A currency's rows add up to its totals above.
 */
export function OperatorTable({ operators }: { operators: OperatorTotals[] }) {
  const { t } = useTranslation()
  const language = useShift((s) => s.language)
  if (operators.length === 0) return null
  return (
    <>
      <h3 className="zreport-title">{t('zreport.operators')}</h3>
      <table className="zreport-table zreport-operators">
        <thead>
          <tr>
            {(['operator', 'currency', 'approvals', 'rejections', 'deposits'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`zreport.operatorColumns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {operators.map((row) => (
            <tr key={`${row.operatorId ?? ''}\u0000${row.name}\u0000${row.currency}`}>
              <th scope="row">{row.name || t('card.none')}</th>
              <td>{row.currency}</td>
              <td>{countAmountText(t, row.approvals, row.currency, language)}</td>
              <td>{countAmountText(t, row.rejections, row.currency, language)}</td>
              <td>{countAmountText(t, row.deposits, row.currency, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
