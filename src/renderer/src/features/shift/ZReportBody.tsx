import { useTranslation } from 'react-i18next'
import type { ZReport } from '@shared/books'
import { Fact } from '../../shared/Fact'
import { formatAmount, formatDateTime } from '../../shared/format'
import { actionText, incidentReasonText, resultText } from '../../shared/journal-text'
import { OperatorTable } from './OperatorTable'
import { countAmountText, varianceText } from './shift-text'
import { useShift } from './use-shift'

/**
 * The Z report's content, the same on screen and on paper: who, where and when; per currency
 * float, approvals, unconfirmed approvals, rejections, cash deposits, expected, counted and
 * the difference; counts per action and result; what Luka has not confirmed; the note; and
 * whether the journal is intact; who did what. `running` (an X report) leaves out what only a
 * closing has: the count, the difference and the note.
 */
export function ZReportBody({ report, running = false }: { report: ZReport; running?: boolean }) {
  const { t } = useTranslation()
  const language = useShift((s) => s.language)
  const none = t('card.none')
  const money = (minor: number | null, currency: string): string =>
    minor === null ? none : formatAmount({ minor, currency }, language)
  const when = (iso: string | null): string => (iso ? (formatDateTime(iso, language) ?? iso) : t('zreport.stillOpen'))
  const { shift } = report

  return (
    <div className="zreport">
      <dl className="fields zreport-facts">
        <Fact label={t('zreport.terminal')}>{shift.terminal || none}</Fact>
        <Fact label={t('zreport.operator')}>{shift.operator || none}</Fact>
        <Fact label={t('zreport.opened')}>{when(shift.openedAt)}</Fact>
        <Fact label={t('zreport.closed')}>{when(shift.closedAt)}</Fact>
        <Fact label={t('zreport.journal')}>
          <span className={report.journalOk ? 'zreport-journal-ok' : 'zreport-journal-broken'}>
            {t(report.journalOk ? 'zreport.journalOk' : 'zreport.journalBroken')}
          </span>
        </Fact>
      </dl>
      <h3 className="zreport-title">{t('zreport.currencies')}</h3>
      <table className="zreport-table zreport-currencies">
        <thead>
          <tr>
            {(
              [
                'currency',
                'float',
                'approvals',
                'waiting',
                'rejections',
                'deposits',
                'expected',
                ...(running ? [] : (['counted', 'variance'] as const))
              ] as const
            ).map((column) => (
              <th key={column} scope="col">
                {t(`zreport.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.currencies.map((row) => (
            <tr key={row.currency}>
              <th scope="row">{row.currency}</th>
              <td>{money(row.float, row.currency)}</td>
              <td>{countAmountText(t, row.approvals, row.currency, language)}</td>
              <td>{countAmountText(t, row.approvalsWaiting, row.currency, language)}</td>
              <td>{countAmountText(t, row.rejections, row.currency, language)}</td>
              <td>{countAmountText(t, row.deposits, row.currency, language)}</td>
              <td>{money(row.expected, row.currency)}</td>
              {!running && <td>{money(row.counted, row.currency)}</td>}
              {!running && (
                <td className={`variance variance-${row.variance === null ? 'unknown' : Math.sign(row.variance)}`}>
                  {row.variance === null ? none : varianceText(t, row.variance, row.currency, language)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <OperatorTable operators={report.operators} />
      <h3 className="zreport-title">{t('zreport.actions')}</h3>
      <table className="zreport-table zreport-actions">
        <thead>
          <tr>
            <th scope="col">{t('zreport.actionColumns.action')}</th>
            <th scope="col">{t('zreport.actionColumns.result')}</th>
            <th scope="col">{t('zreport.actionColumns.count')}</th>
          </tr>
        </thead>
        <tbody>
          {report.actions.map((row) => (
            <tr key={`${row.action}/${row.result}`}>
              <td>{actionText(t, row.action)}</td>
              <td>{resultText(t, row.result)}</td>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="zreport-title">{t('zreport.waiting')}</h3>
      {report.waiting.length === 0 ? (
        <p>{t('zreport.none')}</p>
      ) : (
        <table className="zreport-table zreport-waiting">
          <thead>
            <tr>
              <th scope="col">{t('zreport.waitingColumns.transaction')}</th>
              <th scope="col">{t('zreport.waitingColumns.amount')}</th>
              <th scope="col">{t('zreport.waitingColumns.state')}</th>
            </tr>
          </thead>
          <tbody>
            {report.waiting.map((row) => (
              <tr key={row.transactionId}>
                <td>{row.transactionId}</td>
                <td>{formatAmount(row.amount, language)}</td>
                <td>{resultText(t, row.state)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.links.length > 0 && (
        <>
          <h3 className="zreport-title">{t('zreport.links')}</h3>
          <table className="zreport-table zreport-links">
            <thead>
              <tr>
                {(['trace', 'order', 'amount', 'state'] as const).map((column) => (
                  <th key={column} scope="col">
                    {t(`zreport.linkColumns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.links.map((row) => (
                <tr key={row.trace}>
                  <td>{row.trace}</td>
                  <td>{row.orderNumber ?? '—'}</td>
                  <td>{formatAmount(row.amount, language)}</td>
                  <td>{resultText(t, row.state)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.incidents.length > 0 && <ZIncidents report={report} />}
      {!running && (
        <>
          <h3 className="zreport-title">{t('zreport.note')}</h3>
          <p className="zreport-note">{report.note.trim() || t('zreport.noNote')}</p>
        </>
      )}
    </div>
  )
}

/** Journal incidents recorded or acknowledged in the shift, with who acknowledged them and their note. */
function ZIncidents({ report }: { report: ZReport }) {
  const { t } = useTranslation()
  const language = useShift((s) => s.language)
  const when = (iso: string) => formatDateTime(iso, language) ?? iso
  return (
    <>
      <h3 className="zreport-title">{t('journal.incidents.zTitle')}</h3>
      <ul className="zreport-incidents">
        {report.incidents.map((incident) => (
          <li key={incident.id}>
            {when(incident.at)} · {incidentReasonText(t, incident.reason)} ·{' '}
            {incident.acknowledged
              ? t('journal.incidents.acknowledged', { ...incident.acknowledged, when: when(incident.acknowledged.at) })
              : t('journal.incidents.open')}
          </li>
        ))}
      </ul>
    </>
  )
}
