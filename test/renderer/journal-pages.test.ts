import { describe, expect, it } from 'vitest'
import { PAGE_SIZE, MAX_PAGES, entryAt, indexOfSeq, pagesFor, withPage } from '@renderer/features/journal/journal-pages'
import { visibleWindow } from '@renderer/shared/VirtualList'
import { journalEntry } from './fake-books'

describe('the journal’s windows and pages', () => {
  it('keeps the viewport plus overscan in the DOM, clamped to the list', () => {
    expect(visibleWindow(0, 15, 10, 100_000)).toEqual({ start: 0, end: 25 })
    expect(visibleWindow(5_000, 15, 10, 100_000)).toEqual({ start: 4_990, end: 5_025 })
    expect(visibleWindow(99_985, 15, 10, 100_000)).toEqual({ start: 99_975, end: 100_000 })
    expect(visibleWindow(0, 15, 10, 0)).toEqual({ start: 0, end: 0 })
  })

  it('asks for page-aligned windows of 200, nearest the middle first', () => {
    expect(pagesFor(4_990, 5_024, 100_000)).toEqual([24, 25])
    expect(pagesFor(0, 24, 100_000)).toEqual([0])
    expect(pagesFor(99_975, 99_999, 100_000)).toEqual([499])
    expect(pagesFor(0, 1_000, 300)).toEqual([0, 1])
    expect(pagesFor(0, 10, 0)).toEqual([])
  })

  it('finds entries across pages and keeps at most MAX_PAGES, dropping the farthest', () => {
    let pages = {}
    for (let page = 0; page <= MAX_PAGES + 5; page++) {
      pages = withPage(pages, page, [journalEntry({ seq: 1_000_000 - page * PAGE_SIZE })], page)
    }
    expect(Object.keys(pages)).toHaveLength(MAX_PAGES)
    expect(Object.keys(pages).map(Number)).not.toContain(0)
    expect(entryAt(pages, (MAX_PAGES + 5) * PAGE_SIZE)?.seq).toBe(1_000_000 - (MAX_PAGES + 5) * PAGE_SIZE)
    expect(indexOfSeq(pages, 1_000_000 - 10 * PAGE_SIZE)).toBe(10 * PAGE_SIZE)
    expect(indexOfSeq(pages, 1)).toBe(-1)
  })
})
