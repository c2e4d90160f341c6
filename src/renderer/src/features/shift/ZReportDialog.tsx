import { useTranslation } from 'react-i18next'
import { downloadZReportCsv, reportDay } from './zreport-export'
import { ReportDialog } from './ReportDialog'
import { useShift } from './use-shift'
import { ZReportBody } from './ZReportBody'

/** The Z report on view (just closed, or a past shift), with print, PDF and CSV (ReportDialog). */
export function ZReportDialog() {
  const { t } = useTranslation()
  const report = useShift((s) => s.zReport)
  const language = useShift((s) => s.language)
  // a practice report says so on its first line too
  const mark = useShift((s) => (s.appInfo?.training ? t('training.banner') : undefined))
  return (
    <ReportDialog
      kind="zreport"
      content={report ? <ZReportBody report={report} /> : null}
      pdfName={report ? t('zreport.pdfName', { terminal: report.shift.terminal, date: reportDay(report) }) : ''}
      exportCsv={() => (report ? downloadZReportCsv(report, language, mark) : '')}
      waiting={t('shift.loading')}
      className="dialog-zreport"
    />
  )
}
