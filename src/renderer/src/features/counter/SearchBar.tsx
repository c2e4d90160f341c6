import { useEffect, useId, useRef, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { lookupKeys, type LookupKey } from '@shared/lookup-rules'
import { Kbd } from '../../shared/keyboard/Kbd'
import { ariaKeys, type ShortcutId } from '../../shared/keyboard/shortcuts'
import { useShortcut } from '../../shared/keyboard/useShortcut'
import { useCounter } from './use-counter'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

const keyShortcuts: Record<LookupKey, ShortcutId> = {
  reference: 'searchByReference',
  transactionId: 'searchByTransactionId',
  authorizationCode: 'searchByAuthorizationCode'
}

/**
 * The one search field. A scanner types its characters then Enter, which submits; the field
 * takes the focus back after every finished action, with its text selected so the next scan
 * replaces it.
 */
export function SearchBar() {
  const { t } = useTranslation()
  const searchBy = useCounter((s) => s.searchBy)
  const query = useCounter((s) => s.query)
  const problem = useCounter((s) => s.searchProblem)
  const searching = useCounter((s) => s.searching)
  const searchFocus = useCounter((s) => s.searchFocus)
  const setSearchBy = useCounter((s) => s.setSearchBy)
  const setQuery = useCounter((s) => s.setQuery)
  const lookup = useCounter((s) => s.lookup)
  const clearCard = useCounter((s) => s.clearCard)
  const input = useRef<HTMLInputElement>(null)
  const legendId = useId()
  const problemId = useId()

  useShortcut('searchByReference', () => setSearchBy('reference'))
  useShortcut('searchByTransactionId', () => setSearchBy('transactionId'))
  useShortcut('searchByAuthorizationCode', () => setSearchBy('authorizationCode'))
  useShortcut('clear', clearCard)

  useEffect(() => {
    // A dialog opened meanwhile keeps the focus; it hands it back when it closes.
    if (document.querySelector('[aria-modal="true"]')) return
    input.current?.focus()
    input.current?.select()
  }, [searchFocus])

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    void lookup()
  }

  return (
    <form className="search" role="search" aria-label={t('search.form')} onSubmit={onSubmit}>
      <div className="search-keys" role="radiogroup" aria-labelledby={legendId}>
        <span id={legendId} className="search-keys-label">
          {t('search.by')}
        </span>
        {lookupKeys.map((key) => (
          <label key={key} className="search-key">
            <input
              type="radio"
              name="search-by"
              value={key}
              checked={searchBy === key}
              onChange={() => setSearchBy(key)}
              aria-keyshortcuts={ariaKeys(keyShortcuts[key])}
            />
            {t(`search.keys.${key}`)} <Kbd shortcut={keyShortcuts[key]} />
          </label>
        ))}
      </div>
      <div className="search-row">
        <input
          ref={input}
          className="search-field"
          type="text"
          inputMode={searchBy === 'transactionId' ? 'numeric' : 'text'}
          autoComplete="off"
          spellCheck={false}
          aria-label={t('search.field', { key: t(`search.keys.${searchBy}`) })}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
        />
        <ShortcutButton shortcut="confirm" type="submit" disabled={searching}>
          {t('search.submit')}
        </ShortcutButton>
        <ShortcutButton shortcut="clear" className="button button-quiet" onClick={clearCard}>
          {t('shortcuts.clear')}
        </ShortcutButton>
      </div>
      {problem && (
        <p id={problemId} className="error" role="alert">
          {t(`errors.validation.${problem}`)}
        </p>
      )}
    </form>
  )
}
