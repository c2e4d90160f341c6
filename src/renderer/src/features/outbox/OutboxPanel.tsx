import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { matchesShortcut, shortcuts } from '../../shared/keyboard/shortcuts'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { isTyping } from '../../shared/listbox'
import { DiscardDialog } from './DiscardDialog'
import { canDiscard, canRetryNow } from './outbox-items'
import { optionId, OutboxList } from './OutboxList'
import { selectOutboxItems, selectSelectedOutboxItem } from './outbox-slice'
import { useOutbox } from './use-outbox'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import './outbox.css'

/** The queue panel: F6 opens it, Esc closes it. */
export function OutboxPanel() {
  const open = useOutbox((s) => s.outboxOpen)
  return open ? <OpenOutboxPanel /> : null
}

/**
 * Waiting items oldest first, then what was delivered or discarded; arrows choose one, R
 * retries it now, Supr asks to discard it. The discard confirmation is a sibling dialog,
 * so its keys never reach this one.
 */
function OpenOutboxPanel() {
  const { t } = useTranslation()
  const list = useOutbox((s) => s.outboxList)
  const listError = useOutbox((s) => s.outboxListError)
  const count = useOutbox((s) => selectOutboxItems(s).length)
  const selected = useOutbox(selectSelectedOutboxItem)
  const busy = useOutbox((s) => s.outboxBusyId !== null)
  const actionError = useOutbox((s) => s.outboxActionError)
  const notice = useOutbox((s) => s.outboxNotice)
  const discarding = useOutbox((s) => selectOutboxItems(s).find((item) => item.id === s.discardingId) ?? null)
  const close = useOutbox((s) => s.closeOutbox)
  const retry = useOutbox((s) => s.retryOutboxItem)
  const openDiscard = useOutbox((s) => s.openDiscard)
  const prefix = useId()
  const closeRef = useRef<HTMLButtonElement>(null)

  const panelRef = useRef<HTMLDivElement>(null)

  // A focused button can vanish (its item was discarded, the list emptied): bring the focus
  // back to the list, or the close button, so the keys still reach this dialog.
  useEffect(() => {
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    const target = panelRef.current?.querySelector<HTMLElement>('[role="listbox"]') ?? closeRef.current
    target?.focus()
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.defaultPrevented || isTyping(event.target) || event.repeat) return
    const native = event.nativeEvent
    if (matchesShortcut(shortcuts.retryNow, native)) {
      event.preventDefault()
      void retry()
    } else if (matchesShortcut(shortcuts.discard, native)) {
      event.preventDefault()
      openDiscard()
    }
  }

  const describedBy = selected ? optionId(prefix, selected) : undefined
  return (
    <>
      <Dialog title={t('outbox.title')} description={t('outbox.help')} onCancel={close} className="dialog-outbox">
        <div ref={panelRef} className="outbox-panel" onKeyDown={onKeyDown}>
          {listError && <ErrorMessage error={listError} />}
          {!list && !listError && (
            <p className="notice" role="status">
              {t('outbox.loading')}
            </p>
          )}
          {list && count === 0 && <p className="notice">{t('outbox.empty')}</p>}
          {list && count > 0 && (
            <>
              <OutboxList list={list} prefix={prefix} />
              <p className="hint outbox-keys">
                <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> {t('outbox.move')}
              </p>
            </>
          )}
          {selected && (canRetryNow(selected) || canDiscard(selected)) && (
            <div className="actions" role="group" aria-label={t('outbox.actions')}>
              {canRetryNow(selected) && (
                <ShortcutButton
                  shortcut="retryNow"
                  disabled={busy}
                  onClick={() => void retry()}
                  aria-describedby={describedBy}
                >
                  {t('shortcuts.retryNow')}
                </ShortcutButton>
              )}
              {canDiscard(selected) && (
                <ShortcutButton
                  shortcut="discard"
                  className="button button-reject"
                  disabled={busy}
                  onClick={openDiscard}
                  aria-describedby={describedBy}
                >
                  {t('shortcuts.discard')}
                </ShortcutButton>
              )}
            </div>
          )}
          <p className="notice" role="status">
            {notice ? t(`outbox.${notice}`) : ''}
          </p>
          {actionError && !discarding && <ErrorMessage error={actionError} />}
          <div className="actions">
            <ShortcutButton shortcut="cancel" ref={closeRef} onClick={close}>
              {t('outbox.close')}
            </ShortcutButton>
          </div>
        </div>
      </Dialog>
      {discarding && <DiscardDialog item={discarding} />}
    </>
  )
}
