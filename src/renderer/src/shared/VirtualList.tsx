import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react'
import { movedIndex } from './listbox'
import './virtual-list.css'

/** Before the list is laid out (and in jsdom, which lays nothing out): 15 rows of 32 px. */
const FALLBACK_HEIGHT = 480

interface Props {
  /** rows in the whole list (100 000 is fine: only the visible ones are in the DOM) */
  count: number
  /** every row is exactly this tall, in px (the stylesheet uses the same value) */
  rowHeight: number
  /** rows rendered beyond each edge of the viewport */
  overscan?: number
  /** -1: none */
  selected: number
  onSelect: (index: number) => void
  /** the rows in the DOM changed: rows `first`…`last` (overscan included) are wanted */
  onRange: (first: number, last: number) => void
  renderRow: (index: number) => ReactNode
  /** a row's DOM id (for aria-activedescendant) */
  rowId: (index: number) => string
  label: string
  /** a new value starts the list again at the top (new filters) */
  resetKey?: number
  className?: string
  ref?: Ref<HTMLDivElement>
}

/** The windowing arithmetic: which rows are in the DOM for a scroll position. */
export function visibleWindow(
  scrollRow: number,
  viewportRows: number,
  overscan: number,
  count: number
): { start: number; end: number } {
  const start = Math.max(0, Math.min(scrollRow, count - 1) - overscan)
  const end = Math.min(count, scrollRow + viewportRows + overscan)
  return { start, end: Math.max(start, end) }
}

/**
 * A listbox of fixed-height rows that keeps only the visible ones (plus `overscan`) in the
 * DOM, over a spacer as tall as the whole list. The focus stays on the listbox; arrows,
 * RePág/AvPág and Inicio/Fin move the selection (aria-activedescendant) and scroll it into
 * view. Sizes are CSS variables set through the CSSOM (not inline style attributes, which
 * the CSP forbids).
 */
export function VirtualList(props: Props) {
  const {
    count,
    rowHeight,
    overscan = 10,
    selected,
    onSelect,
    onRange,
    renderRow,
    rowId,
    label,
    resetKey,
    className,
    ref
  } = props
  const viewport = useRef<HTMLDivElement | null>(null)
  const spacer = useRef<HTMLDivElement>(null)
  const windowed = useRef<HTMLDivElement>(null)
  const [scrollRow, setScrollRow] = useState(0)
  const [height, setHeight] = useState(FALLBACK_HEIGHT)
  const viewportRows = Math.max(1, Math.ceil(height / rowHeight))
  const { start, end } = visibleWindow(scrollRow, viewportRows, overscan, count)

  const setRef = (element: HTMLDivElement | null): void => {
    viewport.current = element
    if (typeof ref === 'function') ref(element)
    else if (ref) ref.current = element
  }

  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    const measure = (): void => setHeight(element.clientHeight || FALLBACK_HEIGHT)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useLayoutEffect(() => viewport.current?.style.setProperty('--row-height', `${rowHeight}px`), [rowHeight])
  useLayoutEffect(
    () => spacer.current?.style.setProperty('--virtual-height', `${count * rowHeight}px`),
    [count, rowHeight]
  )
  useLayoutEffect(
    () => windowed.current?.style.setProperty('--virtual-offset', `${start * rowHeight}px`),
    [start, rowHeight]
  )

  const latestRange = useRef(onRange)
  useEffect(() => {
    latestRange.current = onRange
  })
  useEffect(() => {
    if (count > 0) latestRange.current(start, end - 1)
  }, [start, end, count])

  useLayoutEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0
    setScrollRow(0)
  }, [resetKey])

  // The selection moved (keys, a reload that kept the same entry): bring it into view.
  useLayoutEffect(() => {
    const element = viewport.current
    if (!element || selected < 0) return
    const top = selected * rowHeight
    let next = element.scrollTop
    if (top < next) next = top
    else if (top + rowHeight > next + height) next = top + rowHeight - height
    if (next === element.scrollTop) return
    element.scrollTop = next
    setScrollRow(Math.floor(next / rowHeight))
    // only when the selection moves: scrolling away with the wheel is left alone
  }, [selected])

  const onScroll = (): void => {
    const element = viewport.current
    if (element) setScrollRow(Math.floor(element.scrollTop / rowHeight))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const page = Math.max(1, viewportRows - 1)
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity
    }
    const delta = moves[event.key]
    if (delta === undefined) return
    event.preventDefault()
    if (count > 0) onSelect(movedIndex(count, selected, delta))
  }

  const rows: ReactNode[] = []
  for (let index = start; index < end; index++) {
    rows.push(
      <div
        key={index}
        id={rowId(index)}
        role="option"
        aria-selected={index === selected}
        aria-setsize={count}
        aria-posinset={index + 1}
        className="virtual-row"
        onClick={() => {
          onSelect(index)
          viewport.current?.focus()
        }}
      >
        {renderRow(index)}
      </div>
    )
  }

  return (
    <div
      ref={setRef}
      className={className ? `virtual-list ${className}` : 'virtual-list'}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={selected >= start && selected < end ? rowId(selected) : undefined}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      <div ref={spacer} className="virtual-spacer" role="presentation">
        <div ref={windowed} className="virtual-window" role="presentation">
          {rows}
        </div>
      </div>
    </div>
  )
}
