import { useTranslation } from 'react-i18next'
import type { XReport } from '@shared/books'
import { Fact } from '../../shared/Fact'
import { formatDateTime, localDay } from '../../shared/format'
import { ReportDialog } from './ReportDialog'
import { useShift } from './use-shift'
import { downloadXReportCsv } from './zreport-export'
import { ZReportBody } from './ZReportBody'

/**
 * The X report just taken (Alt+X in the shift dialog): the shift's running totals, per operator
 * too, marked on screen, on paper and in the CSV as no closing; print, PDF and CSV as for the
 * Z report (ReportDialog).
 */
export function XReportDialog() {
  const { t } = useTranslation()
  const x = useShift((s) => s.xReport)
  const language = useShift((s) => s.language)
  const mark = useShift((s) => (s.appInfo?.training ? t('training.banner') : undefined))
  const pdfName = x
    ? t('xreport.pdfName', { terminal: x.report.shift.terminal, date: localDay(x.takenAt) ?? '', number: x.number })
    : ''
  return (
    <ReportDialog
      kind="xreport"
      content={x ? <XReportContent x={x} /> : null}
      pdfName={pdfName}
      exportCsv={() => (x ? downloadXReportCsv(x, language, mark) : '')}
      waiting={t('xreport.taking')}
      description={t('xreport.help')}
      className="dialog-zreport dialog-xreport"
    />
  )
}

function XReportContent({ x }: { x: XReport }) {
  const { t } = useTranslation()
  const language = useShift((s) => s.language)
  return (
    <>
      <p className="receipt-mark xreport-mark">{t('xreport.notClosing')}</p>
      <dl className="fields zreport-facts">
        <Fact label={t('xreport.taken')}>{formatDateTime(x.takenAt, language) ?? x.takenAt}</Fact>
        <Fact label={t('xreport.number')}>{x.number}</Fact>
      </dl>
      <ZReportBody report={x.report} running />
    </>
  )
}
