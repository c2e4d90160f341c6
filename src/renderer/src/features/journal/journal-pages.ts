import type { JournalEntry } from '@shared/books'

/** journal.query windows: page-aligned, so a page is asked for once and cached. */
export const PAGE_SIZE = 200
/** pages kept in memory (8 000 entries); the ones farthest from the view go first */
export const MAX_PAGES = 40
/** requests under way at once; the rest wait for the view to settle */
export const MAX_IN_FLIGHT = 3

export type Pages = Readonly<Record<number, readonly JournalEntry[]>>

/** The pages that hold rows `first`…`last` of a list of `total`, nearest the middle first. */
export function pagesFor(first: number, last: number, total: number): number[] {
  if (total <= 0) return []
  const from = Math.floor(Math.max(0, first) / PAGE_SIZE)
  const to = Math.floor(Math.min(total - 1, Math.max(first, last)) / PAGE_SIZE)
  const middle = (from + to) / 2
  const pages: number[] = []
  for (let page = from; page <= to; page++) pages.push(page)
  return pages.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))
}

export function entryAt(pages: Pages, index: number): JournalEntry | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE]
}

/** Adds a page and drops the farthest ones from `around` beyond MAX_PAGES. */
export function withPage(pages: Pages, page: number, items: readonly JournalEntry[], around: number): Pages {
  const next: Record<number, readonly JournalEntry[]> = { ...pages, [page]: items }
  const held = Object.keys(next).map(Number)
  if (held.length <= MAX_PAGES) return next
  held.sort((a, b) => Math.abs(b - around) - Math.abs(a - around))
  for (const far of held.slice(0, held.length - MAX_PAGES)) delete next[far]
  return next
}

/** Where an entry (by seq) sits among the loaded pages, or -1. */
export function indexOfSeq(pages: Pages, seq: number): number {
  for (const [page, items] of Object.entries(pages)) {
    const at = items.findIndex((entry) => entry.seq === seq)
    if (at >= 0) return Number(page) * PAGE_SIZE + at
  }
  return -1
}
