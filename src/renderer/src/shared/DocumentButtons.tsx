import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { matchesShortcut, shortcuts } from './keyboard/shortcuts'
import { ErrorMessage } from './ErrorMessage'
import type { PrintTarget } from './print'
import { useDocuments } from './use-documents'
import { ShortcutButton } from './keyboard/ShortcutButton'

export interface DocumentCommands {
  print: () => void
  savePdf: () => void
  exportCsv?: () => void
}

/** Print, PDF and CSV for one document, with what the last of them did. */
export function useDocumentCommands(target: PrintTarget, pdfName: string, exportCsv?: () => void): DocumentCommands {
  const printDocument = useDocuments((s) => s.printDocument)
  const saveDocumentPdf = useDocuments((s) => s.saveDocumentPdf)
  return {
    print: () => printDocument(target),
    savePdf: () => void saveDocumentPdf(target, pdfName),
    ...(exportCsv ? { exportCsv } : {})
  }
}

/** Inside a dialog: Ctrl+P, Ctrl+S and Ctrl+E for the document it shows. True when handled. */
export function handleDocumentKeys(event: KeyboardEvent, commands: DocumentCommands | null): boolean {
  if (!commands || event.defaultPrevented || event.repeat) return false
  const native = event.nativeEvent
  const command = matchesShortcut(shortcuts.printDocument, native)
    ? commands.print
    : matchesShortcut(shortcuts.saveDocumentPdf, native)
      ? commands.savePdf
      : matchesShortcut(shortcuts.exportCsv, native)
        ? commands.exportCsv
        : undefined
  if (!command) return false
  // never the browser's own print or save of the whole window
  event.preventDefault()
  command()
  return true
}

interface Props {
  target: PrintTarget
  commands: DocumentCommands
  /** the group's name, e.g. "Recibo" */
  label: string
  printLabel: string
  pdfLabel: string
  csvLabel?: string
  /** a line of our own (the CSV's file name) */
  note?: string | null
}

export function DocumentButtons({ target, commands, label, printLabel, pdfLabel, csvLabel, note }: Props) {
  const { t } = useTranslation()
  const notice = useDocuments((s) => (s.printNotice?.target === target ? s.printNotice : null))
  const saving = notice?.kind === 'saving'
  let text: string | null = note ?? null
  if (notice?.kind === 'saving') text = t('documents.saving')
  else if (notice?.kind === 'saved')
    text = notice.path ? t('documents.saved', { path: notice.path }) : t('documents.savedNoPath')
  else if (notice?.kind === 'notSaved') text = t('documents.notSaved')
  else if (notice?.kind === 'printInstead') text = t('documents.printInstead')

  return (
    <div className="document-buttons">
      <div className="actions" role="group" aria-label={label}>
        <ShortcutButton shortcut="printDocument" onClick={commands.print}>
          {printLabel}
        </ShortcutButton>
        <ShortcutButton shortcut="saveDocumentPdf" disabled={saving} onClick={commands.savePdf}>
          {pdfLabel}
        </ShortcutButton>
        {commands.exportCsv && csvLabel && (
          <ShortcutButton shortcut="exportCsv" onClick={commands.exportCsv}>
            {csvLabel}
          </ShortcutButton>
        )}
      </div>
      {/* only while there is something to say: the card already has its own status line */}
      {text && (
        <p className="notice document-notice" role="status">
          {text}
        </p>
      )}
      {notice?.kind === 'error' && (
        <>
          <p className="notice">{t('documents.error')}</p>
          <ErrorMessage error={notice.error} />
        </>
      )}
    </div>
  )
}
