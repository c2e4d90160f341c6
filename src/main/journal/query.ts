import type { JournalEntry, JournalQuery } from '@shared/books'
import { currencyExponent, minorToDecimal } from '@shared/money'

const haystacks = new WeakMap<JournalEntry, string>()

/** What a search matches in an entry: its references and its amount, both ways of writing decimals. */
function haystack(entry: JournalEntry): string {
  let text = haystacks.get(entry)
  if (text === undefined) {
    const parts = Object.values(entry.refs).map(String)
    for (const money of [entry.amount, ...entry.amounts]) {
      if (!money) continue
      const decimal = minorToDecimal(money.minor, currencyExponent(money.currency))
      parts.push(decimal, decimal.replace('.', ','))
    }
    text = parts.join('\u0001').toLowerCase()
    haystacks.set(entry, text)
  }
  return text
}

const localDay = (iso: string): string => {
  const date = new Date(iso)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** The last filtered result, reused while the filters and the journal's length stay the same. */
let cache: { entries: readonly JournalEntry[]; length: number; key: string; matches: JournalEntry[] } | null = null

/**
 * Newest first; filters by search text, local day, action and result. With no filter a page is
 * a slice; a filtered list is computed once and reused for every page the view asks for until
 * the filters change or an entry is appended.
 */
export function queryJournal(
  entries: readonly JournalEntry[],
  query: JournalQuery
): { items: JournalEntry[]; total: number } {
  const text = query.text.toLowerCase()
  if (!text && !query.action && !query.result && !query.day) {
    const end = entries.length - query.offset
    const start = Math.max(0, end - query.limit)
    return { items: end > 0 ? entries.slice(start, end).reverse() : [], total: entries.length }
  }
  const key = JSON.stringify([text, query.action ?? '', query.result ?? '', query.day ?? ''])
  if (!cache || cache.entries !== entries || cache.length !== entries.length || cache.key !== key) {
    const matches: JournalEntry[] = []
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!
      if (query.action && entry.action !== query.action) continue
      if (query.result && entry.result !== query.result) continue
      if (query.day && localDay(entry.at) !== query.day) continue
      if (text && !haystack(entry).includes(text)) continue
      matches.push(entry)
    }
    cache = { entries, length: entries.length, key, matches }
  }
  return { items: cache.matches.slice(query.offset, query.offset + query.limit), total: cache.matches.length }
}
