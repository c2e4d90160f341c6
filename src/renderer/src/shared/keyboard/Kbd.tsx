import { useTranslation } from 'react-i18next'
import { shortcutHint, type ShortcutId } from './shortcuts'

/**
 * The on-screen hint for a shortcut, with the key caps of the teller's language. Hidden from
 * screen readers: the control already announces the same key through `aria-keyshortcuts`.
 */
export function Kbd({ shortcut }: { shortcut: ShortcutId }) {
  const { i18n } = useTranslation()
  return (
    <kbd className="kbd" aria-hidden="true">
      {shortcutHint(shortcut, i18n.language)}
    </kbd>
  )
}
