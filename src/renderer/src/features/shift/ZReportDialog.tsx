import { useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { ZReport } from '@shared/books'
import { Dialog } from '../../shared/Dialog'
import {
  DocumentButtons,
  handleDocumentKeys,
  useDocumentCommands,
  type DocumentCommands
} from '../../shared/DocumentButtons'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { TrainingMark } from '../../shared/TrainingMark'
import { downloadZReportCsv, reportDay } from './zreport-export'
import { useShift } from './use-shift'
import { ZReportBody } from './ZReportBody'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

/**
 * The Z report on view (just closed, or a past shift). Anywhere in the dialog Ctrl+P prints
 * it, Ctrl+E downloads the CSV and Ctrl+S saves a PDF.
 */
export function ZReportDialog() {
  const { t } = useTranslation()
  const report = useShift((s) => s.zReport)
  const error = useShift((s) => s.shiftError)
  const language = useShift((s) => s.language)
  // a practice report says so on its first line too
  const mark = useShift((s) => (s.appInfo?.training ? t('training.banner') : undefined))
  const close = useShift((s) => s.closeShiftDialog)
  const closeRef = useRef<HTMLButtonElement>(null)
  const [downloaded, setDownloaded] = useState<string | null>(null)
  const pdfName = report ? t('zreport.pdfName', { terminal: report.shift.terminal, date: reportDay(report) }) : ''
  const commands = useDocumentCommands('zreport', pdfName, () => {
    if (report) setDownloaded(downloadZReportCsv(report, language, mark))
  })
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void =>
    void handleDocumentKeys(event, report ? commands : null)

  return (
    <Dialog title={t('zreport.title')} onCancel={close} initialFocus={closeRef} className="dialog-zreport">
      <div className="zreport-view" onKeyDown={onKeyDown}>
        {report ? (
          <LoadedReport report={report} commands={commands} downloaded={downloaded} />
        ) : error ? (
          <ErrorMessage error={error} />
        ) : (
          <p className="notice" role="status">
            {t('shift.loading')}
          </p>
        )}
        <div className="actions">
          <ShortcutButton shortcut="cancel" ref={closeRef} onClick={close}>
            {t('shift.done')}
          </ShortcutButton>
        </div>
      </div>
    </Dialog>
  )
}

function LoadedReport({
  report,
  commands,
  downloaded
}: {
  report: ZReport
  commands: DocumentCommands
  downloaded: string | null
}) {
  const { t } = useTranslation()
  return (
    <>
      <ZReportBody report={report} />
      <DocumentButtons
        target="zreport"
        commands={commands}
        label={t('zreport.actionsGroup')}
        printLabel={t('zreport.print')}
        pdfLabel={t('zreport.pdf')}
        csvLabel={t('zreport.csv')}
        note={downloaded ? t('zreport.csvDone', { name: downloaded }) : null}
      />
      {/* the paper copy, outside the app's root like every printed document (print.css) */}
      {createPortal(
        <div className="print-doc print-doc-zreport" aria-hidden="true">
          <h1>{t('zreport.title')}</h1>
          <TrainingMark />
          <ZReportBody report={report} />
        </div>,
        document.body
      )}
    </>
  )
}
