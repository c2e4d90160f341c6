import type { JournalEntry, JournalQuery } from '@shared/books'
import { currencyExponent, minorToDecimal } from '@shared/money'
import { parseEntry } from './chain'
import type { Journal } from './journal'

/** What a search matches in an entry: its references and its amount, both ways of writing decimals. */
function haystack(entry: JournalEntry): string {
  const parts = Object.values(entry.refs).map(String)
  for (const money of [entry.amount, ...entry.amounts]) {
    if (!money) continue
    const decimal = minorToDecimal(money.minor, currencyExponent(money.currency))
    parts.push(decimal, decimal.replace('.', ','))
  }
  return parts.join('\u0001').toLowerCase()
}

const localDay = (iso: string): string => {
  const date = new Date(iso)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/**
 * A cheap look at a line's raw text before it is parsed: a line that cannot match is skipped
 * unread. The amount is written in minor units, so "16,03" is looked for as "1603".
 */
function mayMatch(line: string, text: string, query: JournalQuery): boolean {
  if (query.action && !line.includes(`"action":"${query.action}"`)) return false
  if (!text || /["\\]/.test(text) || line.toLowerCase().includes(text)) return true
  const digits = text.replace(/[^0-9]/g, '').replace(/^0+/, '')
  // only zeros typed ("0,00"): any amount may match; no digit at all: the text itself must be there
  return digits === '' ? /\d/.test(text) : line.includes(digits)
}

/** mayMatch on a page's raw bytes, for a text without letters (no case to fold). */
function mayMatchBytes(page: Buffer, text: string, query: JournalQuery): boolean {
  if (query.action && !page.includes(`"action":"${query.action}"`)) return false
  if (!text || /["\\]/.test(text) || page.includes(text)) return true
  const digits = text.replace(/[^0-9]/g, '').replace(/^0+/, '')
  return digits === '' || page.includes(digits)
}

function matches(entry: JournalEntry, text: string, query: JournalQuery): boolean {
  if (query.action && entry.action !== query.action) return false
  if (query.result && entry.result !== query.result) return false
  if (query.day && localDay(entry.at) !== query.day) return false
  return !text || haystack(entry).includes(text)
}

/** The last filtered search: matching lines newest first, and how far the journal was searched. */
let cache: { journal: Journal; key: string; searched: number; lines: number[] } | null = null

const PAGE = 2000

/**
 * Newest first; filters by search text, local day, action and result. With no filter a page is
 * read straight from its lines. A filtered search reads the journal from disk a page at a time
 * (only the matching line numbers are kept), once; later pages and later appends reuse it.
 */
export function queryJournal(journal: Journal, query: JournalQuery): { items: JournalEntry[]; total: number } {
  const text = query.text.toLowerCase()
  const total = journal.count
  if (!text && !query.action && !query.result && !query.day) {
    const end = total - query.offset
    return { items: journal.entries(Math.max(0, end - query.limit), end).reverse(), total }
  }
  const key = JSON.stringify([text, query.action ?? '', query.result ?? '', query.day ?? ''])
  if (!cache || cache.journal !== journal || cache.key !== key) cache = { journal, key, searched: 0, lines: [] }
  if (cache.searched < total) {
    const found: number[] = []
    for (let to = total; to > cache.searched; to -= PAGE) {
      const from = Math.max(cache.searched, to - PAGE)
      // a page whose bytes cannot hold a match is skipped undecoded (text without letters: case cannot differ)
      if (!/\p{L}/u.test(text) && !mayMatchBytes(journal.bytes(from, to), text, query)) continue
      const texts = journal.texts(from, to)
      for (let i = texts.length - 1; i >= 0; i--) {
        const line = texts[i]!
        if (!mayMatch(line, text, query)) continue
        const entry = parseEntry(line)
        if (entry && matches(entry, text, query)) found.push(from + i)
      }
    }
    cache.lines = [...found, ...cache.lines]
    cache.searched = total
  }
  const page = cache.lines.slice(query.offset, query.offset + query.limit)
  return { items: page.flatMap((line) => journal.entries(line, line + 1)), total: cache.lines.length }
}
