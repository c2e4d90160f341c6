import { useEffect, type KeyboardEvent } from 'react'

/** ArrowUp/ArrowDown move one option, Home/End go to either end. */
const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }

/** How far a key press moves a listbox's selection, or null when it is not a move. */
export function listboxMove(event: KeyboardEvent): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null
  return moves[event.key] ?? null
}

/** The index `delta` away from `index` (-1: nothing selected, start at the top), kept inside the list. */
export function movedIndex(length: number, index: number, delta: number): number {
  return Math.min(length - 1, Math.max(0, (index === -1 ? 0 : index) + delta))
}

/** Keeps the selected option (the listbox's aria-activedescendant) in view. */
export function useScrollIntoView(id: string | undefined): void {
  useEffect(() => {
    if (id) document.getElementById(id)?.scrollIntoView?.({ block: 'nearest' })
  }, [id])
}

/** Keys pressed in a text field or a select are text (or choices), not a panel's shortcuts. */
export function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}
