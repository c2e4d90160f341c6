import { useCallback, useId, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { matchesShortcut, shortcuts } from '../../shared/keyboard/shortcuts'
import { Dialog } from '../../shared/Dialog'
import { DocumentButtons, handleDocumentKeys, useDocumentCommands } from '../../shared/DocumentButtons'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { localDay } from '../../shared/format'
import { VirtualList } from '../../shared/VirtualList'
import { entryReceipt } from '../../shared/receipts/receipt'
import { ReceiptDocument } from '../../shared/receipts/ReceiptDocument'
import { IntegrityPanel } from './IntegrityPanel'
import { entryAt } from './journal-pages'
import { selectSelectedJournalEntry } from './journal-slice'
import { JournalFilters } from './JournalFilters'
import { JournalRow, ROW_HEIGHT } from './JournalRow'
import { useJournal } from './use-journal'
import { Kbd } from '../../shared/keyboard/Kbd'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import './journal.css'

/** The journal view: F4 opens it, Esc closes it. */
export function JournalView() {
  const open = useJournal((s) => s.journalOpen)
  return open ? <OpenJournalView /> : null
}

/**
 * Integrity on top, the filters, then every entry newest first in a windowed list (100 000
 * entries stay smooth). Ctrl+P reprints the receipt of the selected decision or deposit,
 * Ctrl+S saves it as PDF.
 */
function OpenJournalView() {
  const { t } = useTranslation()
  const total = useJournal((s) => s.journalTotal)
  const queryId = useJournal((s) => s.journalQueryId)
  const pages = useJournal((s) => s.journalPages)
  const selected = useJournal((s) => s.journalSelected)
  const error = useJournal((s) => s.journalError)
  const language = useJournal((s) => s.language)
  const entry = useJournal(selectSelectedJournalEntry)
  const close = useJournal((s) => s.closeJournal)
  const select = useJournal((s) => s.selectJournalEntry)
  const showRange = useJournal((s) => s.showJournalRange)
  const listRef = useRef<HTMLDivElement>(null)
  const prefix = useId()
  const receipt = entry ? entryReceipt(entry) : null
  const pdfName = t('receipt.pdfName', {
    reference: receipt?.reference ?? receipt?.transactionId ?? entry?.seq ?? '',
    date: entry ? (localDay(entry.at) ?? '') : ''
  })
  const commands = useDocumentCommands('reprint', pdfName)

  const renderRow = useCallback(
    (index: number) => <JournalRow entry={entryAt(pages, index)} position={index + 1} language={language} t={t} />,
    [pages, language, t]
  )
  const rowId = useCallback((index: number) => `${prefix}-row-${index}`, [prefix])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (handleDocumentKeys(event, receipt ? commands : null)) return
    // nothing to reprint: still never the browser's print of the whole window
    if (
      matchesShortcut(shortcuts.printDocument, event.nativeEvent) ||
      matchesShortcut(shortcuts.saveDocumentPdf, event.nativeEvent)
    ) {
      event.preventDefault()
    }
  }

  return (
    <>
      <Dialog
        title={t('journal.title')}
        description={t('journal.help')}
        onCancel={close}
        initialFocus={listRef}
        className="dialog-journal"
      >
        <div className="journal-view" onKeyDown={onKeyDown}>
          <IntegrityPanel />
          <JournalFilters onDone={() => listRef.current?.focus()} />
          <p className="journal-count" role="status">
            {total === null
              ? t('journal.loading')
              : total === 0
                ? t('journal.empty')
                : t('journal.count', { count: total })}
          </p>
          {error && <ErrorMessage error={error} />}
          <div className="journal-head" aria-hidden="true">
            {(['seq', 'at', 'action', 'refs', 'amount', 'result', 'operator'] as const).map((column) => (
              <span key={column} className={`journal-cell journal-${column}`}>
                {t(`journal.columns.${column}`)}
              </span>
            ))}
          </div>
          <VirtualList
            ref={listRef}
            resetKey={queryId}
            className="journal-list"
            count={total ?? 0}
            rowHeight={ROW_HEIGHT}
            selected={selected}
            onSelect={select}
            onRange={showRange}
            renderRow={renderRow}
            rowId={rowId}
            label={t('journal.list')}
          />
          <p className="hint journal-keys">
            <Kbd shortcut="previousRow" /> <Kbd shortcut="nextRow" /> <Kbd shortcut="previousPage" />{' '}
            <Kbd shortcut="nextPage" /> <Kbd shortcut="firstRow" /> <Kbd shortcut="lastRow" /> {t('journal.move')}
          </p>
          <div className="journal-actions">
            {receipt ? (
              <DocumentButtons
                target="reprint"
                commands={commands}
                label={t('receipt.actions')}
                printLabel={t('receipt.reprintButton')}
                pdfLabel={t('receipt.savePdf')}
              />
            ) : (
              <p className="hint">{t('journal.reprintNone')}</p>
            )}
            <ShortcutButton shortcut="cancel" onClick={close}>
              {t('journal.close')}
            </ShortcutButton>
          </div>
        </div>
      </Dialog>
      {receipt && <ReceiptDocument receipt={receipt} target="reprint" />}
    </>
  )
}
