import { useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { XReport } from '@shared/books'
import { Dialog } from '../../shared/Dialog'
import { DocumentButtons, handleDocumentKeys, useDocumentCommands } from '../../shared/DocumentButtons'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { Fact } from '../../shared/Fact'
import { formatDateTime, localDay } from '../../shared/format'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { TrainingMark } from '../../shared/TrainingMark'
import { useShift } from './use-shift'
import { downloadXReportCsv } from './zreport-export'
import { ZReportBody } from './ZReportBody'

/**
 * The X report just taken (Alt+X in the shift dialog): the shift's running totals, per operator
 * too, marked on screen, on paper and in the CSV as no closing. Ctrl+P prints it, Ctrl+S saves
 * a PDF, Ctrl+E the CSV, as for the Z report.
 */
export function XReportDialog() {
  const { t } = useTranslation()
  const x = useShift((s) => s.xReport)
  const error = useShift((s) => s.shiftError)
  const language = useShift((s) => s.language)
  const mark = useShift((s) => (s.appInfo?.training ? t('training.banner') : undefined))
  const close = useShift((s) => s.closeShiftDialog)
  const closeRef = useRef<HTMLButtonElement>(null)
  const [downloaded, setDownloaded] = useState<string | null>(null)
  const pdfName = x
    ? t('xreport.pdfName', { terminal: x.report.shift.terminal, date: localDay(x.takenAt) ?? '', number: x.number })
    : ''
  const commands = useDocumentCommands('xreport', pdfName, () => {
    if (x) setDownloaded(downloadXReportCsv(x, language, mark))
  })
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => void handleDocumentKeys(event, x ? commands : null)

  return (
    <Dialog
      title={t('xreport.title')}
      description={t('xreport.help')}
      onCancel={close}
      initialFocus={closeRef}
      className="dialog-zreport dialog-xreport"
    >
      <div className="zreport-view" onKeyDown={onKeyDown}>
        {x ? (
          <>
            <XReportContent x={x} />
            <DocumentButtons
              target="xreport"
              commands={commands}
              label={t('xreport.actionsGroup')}
              printLabel={t('xreport.print')}
              pdfLabel={t('xreport.pdf')}
              csvLabel={t('xreport.csv')}
              note={downloaded ? t('xreport.csvDone', { name: downloaded }) : null}
            />
            {/* the paper copy, outside the app's root like every printed document (print.css) */}
            {createPortal(
              <div className="print-doc print-doc-xreport" aria-hidden="true">
                <h1>{t('xreport.title')}</h1>
                <TrainingMark />
                <XReportContent x={x} />
              </div>,
              document.body
            )}
          </>
        ) : error ? (
          <ErrorMessage error={error} />
        ) : (
          <p className="notice" role="status">
            {t('xreport.taking')}
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
