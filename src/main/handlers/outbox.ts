import type { OutboxSummary } from '@shared/contract'
import { ACTIVE_STATES, toView } from '../outbox/item'
import type { Outbox } from '../outbox/outbox'
import { signInOff, type Authorize } from '../operators/approval'
import type { Logger } from '../support/log'
import type { Impls } from './guard'

/** delivered/discarded items shown in the queue panel's history */
const HISTORY_SHOWN = 100

export function outboxHandlers(
  outbox: Outbox,
  summary: () => OutboxSummary,
  log: Logger,
  authorize: Authorize = signInOff
): Impls<'outbox.summary' | 'outbox.list' | 'outbox.retryNow' | 'outbox.discard'> {
  return {
    'outbox.summary': () => summary(),
    'outbox.list': () => {
      const items = [...outbox.all()]
      const active = items.filter((item) => ACTIVE_STATES.includes(item.state))
      const history = items.filter((item) => item.state === 'delivered' || item.state === 'discarded')
      return {
        active: active.sort((a, b) => a.createdAt - b.createdAt).map(toView),
        history: history
          .sort((a, b) => b.updatedAt - a.updatedAt)
          .slice(0, HISTORY_SHOWN)
          .map(toView)
      }
    },
    'outbox.retryNow': ({ id }) => toView(outbox.retryNow(id)),
    'outbox.discard': async ({ id, reason, approval }) => {
      // a discarded item is never delivered: a supervisor says so (the journal names them first)
      await authorize('outboxDiscard', approval)
      const item = outbox.discard(id, reason)
      log.warn('outbox item discarded', { id, kind: item.kind, reason })
      return toView(item)
    }
  }
}
