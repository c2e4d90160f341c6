import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxItemView } from '@shared/contract'
import { listboxMove, useScrollIntoView } from '../../shared/listbox'
import { useNow } from '../../shared/use-now'
import { OutboxItemRow } from './OutboxItemRow'
import type { OutboxList as List } from './outbox-items'
import { useOutbox } from './use-outbox'

/** The DOM id of an item's option, shared with the actions that describe themselves by it. */
export const optionId = (prefix: string, item: OutboxItemView): string =>
  `${prefix}-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`

/**
 * One listbox, two groups (waiting, then delivered/discarded). The focus stays on the
 * listbox; `aria-activedescendant` says which item is selected, arrows move it.
 */
export function OutboxList({ list, prefix }: { list: List; prefix: string }) {
  const { t } = useTranslation()
  const selectedId = useOutbox((s) => s.outboxSelectedId)
  const select = useOutbox((s) => s.selectOutboxItem)
  const move = useOutbox((s) => s.moveOutboxSelection)
  const ref = useRef<HTMLDivElement>(null)
  const activeLabel = useId()
  const historyLabel = useId()
  const now = useNow(30_000)
  const selected = [...list.active, ...list.history].find((item) => item.id === selectedId) ?? null
  const activeDescendant = selected ? optionId(prefix, selected) : undefined

  // The list arrives after the panel opened: take the focus from the panel's close button.
  useEffect(() => {
    ref.current?.focus()
  }, [])

  useScrollIntoView(activeDescendant)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const delta = listboxMove(event)
    if (delta === null) return
    event.preventDefault()
    move(delta)
  }

  const option = (item: OutboxItemView) => (
    <div
      key={item.id}
      id={optionId(prefix, item)}
      role="option"
      aria-selected={item.id === selectedId}
      className={`outbox-row outbox-row-${item.state}`}
      onClick={() => {
        select(item.id)
        ref.current?.focus()
      }}
    >
      <OutboxItemRow item={item} now={now} />
    </div>
  )

  return (
    <div
      ref={ref}
      className="outbox-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('outbox.list')}
      aria-activedescendant={activeDescendant}
      onKeyDown={onKeyDown}
    >
      {list.active.length > 0 && (
        <div role="group" aria-labelledby={activeLabel}>
          <h3 id={activeLabel} role="presentation" className="outbox-group-title">
            {t('outbox.active')}
          </h3>
          {list.active.map(option)}
        </div>
      )}
      {list.history.length > 0 && (
        <div role="group" aria-labelledby={historyLabel}>
          <h3 id={historyLabel} role="presentation" className="outbox-group-title">
            {t('outbox.history')}
          </h3>
          {list.history.map(option)}
        </div>
      )}
    </div>
  )
}
