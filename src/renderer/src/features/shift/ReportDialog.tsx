import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../shared/Dialog'
import { DocumentButtons, handleDocumentKeys, useDocumentCommands } from '../../shared/DocumentButtons'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { TrainingMark } from '../../shared/TrainingMark'
import { useShift } from './use-shift'

interface Props {
  kind: 'zreport' | 'xreport'
  /** the report as shown on screen and on paper; null until main has it */
  content: ReactNode | null
  pdfName: string
  /** downloads the CSV, returning its file name */
  exportCsv: () => string
  /** what the dialog says while the report is on its way */
  waiting: string
  description?: string
  className: string
}

/**
 * The frame of a shift report on view (Z or X): the report, its print / PDF / CSV buttons and
 * the paper copy, or the error or a wait; Done. Anywhere in the dialog Ctrl+P prints it,
 * Ctrl+S saves a PDF and Ctrl+E downloads the CSV.
 */
export function ReportDialog({ kind, content, pdfName, exportCsv, waiting, description, className }: Props) {
  const { t } = useTranslation()
  const error = useShift((s) => s.shiftError)
  const close = useShift((s) => s.closeShiftDialog)
  const closeRef = useRef<HTMLButtonElement>(null)
  const [downloaded, setDownloaded] = useState<string | null>(null)
  const commands = useDocumentCommands(kind, pdfName, () => {
    if (content) setDownloaded(exportCsv())
  })
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void =>
    void handleDocumentKeys(event, content ? commands : null)

  return (
    <Dialog
      title={t(`${kind}.title`)}
      description={description}
      onCancel={close}
      initialFocus={closeRef}
      className={className}
    >
      <div className="zreport-view" onKeyDown={onKeyDown}>
        {content ? (
          <>
            {content}
            <DocumentButtons
              target={kind}
              commands={commands}
              label={t(`${kind}.actionsGroup`)}
              printLabel={t(`${kind}.print`)}
              pdfLabel={t(`${kind}.pdf`)}
              csvLabel={t(`${kind}.csv`)}
              note={downloaded ? t(`${kind}.csvDone`, { name: downloaded }) : null}
            />
            {/* the paper copy, outside the app's root like every printed document (print.css) */}
            {createPortal(
              <div className={`print-doc print-doc-${kind}`} aria-hidden="true">
                <h1>{t(`${kind}.title`)}</h1>
                <TrainingMark />
                {content}
              </div>,
              document.body
            )}
          </>
        ) : error ? (
          <ErrorMessage error={error} />
        ) : (
          <p className="notice" role="status">
            {waiting}
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
