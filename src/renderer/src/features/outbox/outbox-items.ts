import type { OperationOutput, OutboxItemView, OutboxState } from '@shared/contract'

export type OutboxList = OperationOutput<'outbox.list'>

const activeStates: readonly OutboxState[] = ['pending', 'sending', 'attention']

export const isActive = (item: OutboxItemView): boolean => activeStates.includes(item.state)
/**
 * "Reintentar ahora" moves a pending item's next attempt to now; an attention item goes back
 * in line too (main verifies with the provider before sending it again).
 */
export const canRetryNow = (item: OutboxItemView): boolean => item.state === 'pending' || item.state === 'attention'
/** Only what has not gone through may be taken out, and never twice. */
export const canDiscard = (item: OutboxItemView): boolean => item.state === 'pending' || item.state === 'attention'

/** Active items oldest first, then history newest first: the order the teller walks. */
export function flatten(list: OutboxList | null): OutboxItemView[] {
  return list ? [...list.active, ...list.history] : []
}

/** The newer of two views of the same item (events and replies travel separately). */
export function newerItem(current: OutboxItemView | undefined, next: OutboxItemView): OutboxItemView {
  if (!current) return next
  return Date.parse(next.updatedAt) >= Date.parse(current.updatedAt) ? next : current
}

/**
 * One item changed: replace it where it is, move it to the top of the history when it is
 * done, or append it to the active list when it is new.
 */
export function withItem(list: OutboxList, next: OutboxItemView): OutboxList {
  const known = flatten(list).find((item) => item.id === next.id)
  const item = newerItem(known, next)
  const active = list.active.filter((candidate) => candidate.id !== item.id)
  const history = list.history.filter((candidate) => candidate.id !== item.id)
  if (isActive(item)) {
    const index = list.active.findIndex((candidate) => candidate.id === item.id)
    if (index === -1) active.push(item)
    else active.splice(index, 0, item)
    return { active, history }
  }
  const index = list.history.findIndex((candidate) => candidate.id === item.id)
  if (index === -1) history.unshift(item)
  else history.splice(index, 0, item)
  return { active, history }
}
