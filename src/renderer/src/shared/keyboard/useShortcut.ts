import { useEffect, useRef } from 'react'
import { matchesShortcut, shortcuts, type ShortcutId } from './shortcuts'

/** A modal dialog owns the keyboard: screen shortcuts wait until it closes. */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null
}

/**
 * Runs `handler` when the shortcut's key is pressed anywhere on the screen (the search field
 * included), unless a modal dialog is open or something already handled the key.
 */
export function useShortcut(id: ShortcutId, handler: () => void, enabled = true): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })

  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return
      if (!matchesShortcut(shortcuts[id], event) || modalOpen()) return
      event.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [id, enabled])
}
