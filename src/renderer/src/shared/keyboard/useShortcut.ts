import { useEffect, useRef, type RefObject } from 'react'
import { matchesShortcut, shortcuts, type ShortcutId } from './shortcuts'

/**
 * A modal dialog owns the keyboard: screen shortcuts wait until it closes — unless the
 * shortcut's control (`scope`) sits in the dialog that has the focus (Ctrl+M in a panel).
 */
function blockedByModal(scope: HTMLElement | null | undefined): boolean {
  if (document.querySelector('[aria-modal="true"]') === null) return false
  const own = scope?.closest('[aria-modal="true"]')
  return !own || !own.contains(document.activeElement)
}

/**
 * Runs `handler` when the shortcut's key is pressed anywhere on the screen (the search field
 * included), unless a modal dialog is open (other than the one `scope` is in, while it has the
 * focus) or something already handled the key.
 */
export function useShortcut(
  id: ShortcutId,
  handler: () => void,
  enabled = true,
  scope?: RefObject<HTMLElement | null>
): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })

  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return
      if (!matchesShortcut(shortcuts[id], event) || blockedByModal(scope?.current)) return
      event.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [id, enabled, scope])
}
