import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { JournalAction } from '@shared/books'
import { actionText, journalActions, journalResults, resultText } from '../../shared/journal-text'
import { useJournal } from './use-journal'

/** Typing is sent once it pauses: one query per word, not per keystroke. */
const TEXT_DEBOUNCE_MS = 250

const isAction = (value: string): value is JournalAction => (journalActions as readonly string[]).includes(value)

/** Search text (references, transactions, amounts), day, action and result. Enter in the search goes to the list. */
export function JournalFilters({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const filters = useJournal((s) => s.journalFilters)
  const setFilters = useJournal((s) => s.setJournalFilters)
  const [text, setText] = useState(filters.text)
  const id = useId()

  useEffect(() => {
    if (text === filters.text) return
    const timer = setTimeout(() => setFilters({ text }), TEXT_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, filters.text, setFilters])

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    event.stopPropagation()
    if (text !== filters.text) setFilters({ text })
    onDone()
  }

  return (
    <div className="journal-filters" role="group" aria-label={t('journal.filters.title')}>
      <div className="field journal-filter-text">
        <label htmlFor={`${id}-text`}>{t('journal.filters.text')}</label>
        <input
          id={`${id}-text`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-day`}>{t('journal.filters.day')}</label>
        <input
          id={`${id}-day`}
          type="date"
          value={filters.day}
          onChange={(event) => setFilters({ day: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('journal.filters.action')}</label>
        <select
          id={`${id}-action`}
          value={filters.action}
          onChange={(event) => setFilters({ action: isAction(event.target.value) ? event.target.value : '' })}
        >
          <option value="">{t('journal.filters.all')}</option>
          {journalActions.map((action) => (
            <option key={action} value={action}>
              {actionText(t, action)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-result`}>{t('journal.filters.result')}</label>
        <select
          id={`${id}-result`}
          value={filters.result}
          onChange={(event) => setFilters({ result: event.target.value })}
        >
          <option value="">{t('journal.filters.all')}</option>
          {journalResults.map((result) => (
            <option key={result} value={result}>
              {resultText(t, result)}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
