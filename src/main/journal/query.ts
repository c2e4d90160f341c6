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

/** Newest first; filters by search text, local day, action and result. */
export function queryJournal(entries: readonly JournalEntry[], query: JournalQuery): { items: JournalEntry[]; total: number } {
  const text = query.text.toLowerCase()
  const matches: JournalEntry[] = []
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!
    if (query.action && entry.action !== query.action) continue
    if (query.result && entry.result !== query.result) continue
    if (query.day && localDay(entry.at) !== query.day) continue
    if (text && !haystack(entry).includes(text)) continue
    matches.push(entry)
  }
  return { items: matches.slice(query.offset, query.offset + query.limit), total: matches.length }
}
