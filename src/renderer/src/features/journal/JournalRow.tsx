import { memo } from 'react'
import type { TFunction } from 'i18next'
import type { JournalEntry } from '@shared/books'
import type { Language } from '@shared/contract'
import { formatShortDateTime } from '../../shared/format'
import { actionText, entryAmountText, refsText, resultText } from '../../shared/journal-text'

/** Row height in px: the list's windowing and the stylesheet (var(--row-height)) share it. */
export const ROW_HEIGHT = 32

interface Props {
  entry: JournalEntry | undefined
  position: number
  language: Language
  t: TFunction
}

/** One entry on one line: nº, local time, action, references, amount, result, operator. */
export const JournalRow = memo(function JournalRow({ entry, position, language, t }: Props) {
  if (!entry) return <span className="journal-cell journal-loading">{t('journal.rowLoading', { position })}</span>
  return (
    <>
      <span className="journal-cell journal-seq">{entry.seq}</span>
      <span className="journal-cell journal-at">{formatShortDateTime(entry.at, language) ?? entry.at}</span>
      <span className="journal-cell journal-action">{actionText(t, entry.action)}</span>
      <span className="journal-cell journal-refs">{refsText(t, entry.refs)}</span>
      <span className="journal-cell journal-amount">{entryAmountText(entry, language)}</span>
      <span className={`journal-cell journal-result journal-result-${entry.result}`}>
        {resultText(t, entry.result)}
      </span>
      <span className="journal-cell journal-operator">{entry.operator}</span>
    </>
  )
})
