import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import { Kbd } from './Kbd'
import { ariaKeys, type ShortcutId } from './shortcuts'

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-keyshortcuts' | 'type'> & {
  shortcut: ShortcutId
  children: ReactNode
  type?: 'button' | 'submit'
  ref?: Ref<HTMLButtonElement>
}

/**
 * A button that does what a shortcut does: it declares the key in `aria-keyshortcuts` and shows
 * it, both from the registry, so the control, its hint and the key handler cannot disagree.
 * (Pressing the key is the caller's `useShortcut`, or the dialog's own key handling.)
 */
export function ShortcutButton({ shortcut, children, type = 'button', className = 'button', ref, ...rest }: Props) {
  return (
    <button ref={ref} type={type} className={className} aria-keyshortcuts={ariaKeys(shortcut)} {...rest}>
      {children} <Kbd shortcut={shortcut} />
    </button>
  )
}
