import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

interface DialogProps {
  title: ReactNode
  /** the sentence that says what is about to happen (announced with the title) */
  description?: ReactNode
  /** Esc */
  onCancel: () => void
  /** Enter anywhere but on a button (a focused button already answers Enter itself) */
  onEnter?: () => void
  /** focused when the dialog opens; otherwise its first control */
  initialFocus?: RefObject<HTMLElement | null>
  className?: string
  children: ReactNode
}

/**
 * A modal dialog that owns the keyboard: focus starts inside and stays inside (Tab wraps),
 * Esc cancels, and focus goes back where it was when it closes.
 */
export function Dialog({ title, description, onCancel, onEnter, initialFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  // A layout effect, so the focus moves in the commit that mounts the dialog, before any child's
  // own effect: a form that arrives with the dialog (SettingsForm, OutboxList) then takes the
  // focus from it, and `previous` is still what had the focus before. Its cleanup runs before
  // the dialog leaves the DOM, so a dialog replaced by another in one commit (a panel's loading
  // dialog by the panel, one shift view by the next) hands the same `previous` on.
  useLayoutEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // Still loading? Focus the dialog itself so keys never reach the screen behind it.
    const first = initialFocus?.current ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE) ?? ref.current
    first?.focus()
    return () => {
      if (previous?.isConnected) previous.focus()
    }
    // Only on open: later renders must not steal focus back.
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
    } else if (event.key === 'Enter' && plain && !event.shiftKey && onEnter) {
      const target = event.target as HTMLElement
      if (target.tagName === 'BUTTON' || target.tagName === 'SELECT') return
      event.preventDefault()
      event.stopPropagation()
      onEnter()
    } else if (event.key === 'Tab' && ref.current) {
      const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE))
      const first = focusable[0]
      const last = focusable[focusable.length - 1]
      if (!first || !last) return
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault()
        first.focus()
      }
    }
  }

  return (
    <div className="backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        tabIndex={-1}
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        className={className ? `dialog ${className}` : 'dialog'}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {description && (
          <p id={descriptionId} className="dialog-description">
            {description}
          </p>
        )}
        {children}
      </div>
    </div>
  )
}
