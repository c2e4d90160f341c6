import { shortcutHint, type ShortcutId } from './shortcuts'

/**
 * The on-screen hint for a shortcut. Hidden from screen readers: the control already
 * announces the same key through `aria-keyshortcuts`.
 */
export function Kbd({ shortcut }: { shortcut: ShortcutId }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {shortcutHint(shortcut)}
    </kbd>
  )
}
