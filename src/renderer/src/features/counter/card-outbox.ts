import type { OutboxItemView, TaquillaApi } from '@shared/contract'
import type { GetState, SetState } from '../../shared/store'
import type { CounterSlice } from './counter-slice'

/** Outbox states worth more than the decision record says (next attempt, why, discard reason). */
const detailed = new Set(['queued', 'attention', 'discarded'])

/** The newer of two views of the same outbox item. */
function newer(current: OutboxItemView | null, next: OutboxItemView): OutboxItemView {
  if (!current || current.id !== next.id) return next
  return Date.parse(next.updatedAt) >= Date.parse(current.updatedAt) ? next : current
}

/**
 * Keeps `cardOutbox` on the outbox item that carries the card's decision: taken from
 * `outbox.item` events, and looked up once in `outbox.list` when the card first shows a
 * queued, attention or discarded decision.
 */
export function createCardOutbox(api: TaquillaApi, set: SetState<CounterSlice>, get: GetState<CounterSlice>) {
  let requested: string | null = null

  const wanted = (): string | null => {
    const decision = get().result?.decision
    return decision?.outboxId && detailed.has(decision.state) ? decision.outboxId : null
  }

  const apply = (item: OutboxItemView): void => {
    if (get().result?.decision?.outboxId !== item.id) return
    set((state) => ({ cardOutbox: newer(state.cardOutbox, item) }))
  }

  const sync = async (): Promise<void> => {
    const id = wanted()
    if (!id || requested === id || get().cardOutbox?.id === id) return
    requested = id
    const listed = await api['outbox.list'](undefined)
    if (!listed.ok) {
      if (requested === id) requested = null // try again on the next change
      return
    }
    const item = [...listed.value.active, ...listed.value.history].find((candidate) => candidate.id === id)
    if (item) apply(item)
  }

  const reset = (): void => {
    requested = null
    set({ cardOutbox: null })
  }

  return { apply, sync: () => void sync(), reset }
}
