import { useEffect } from 'react'
import type { StoreApi } from 'zustand'
import type { DisplayContent, TaquillaApi } from '@shared/contract'
import type { AppState } from './store'

/** What the customer should see now: the open link, else the card's amount and result, else nothing of anyone. */
export function displayContent(state: AppState): DisplayContent {
  const link = state.linkOpen ? state.link : null
  if (link?.state === 'created' && link.url) return { kind: 'link', amount: link.amount, url: link.url }
  const result = state.result
  if (!result) return { kind: 'idle' }
  const decision = result.decision
  const outcome: Extract<DisplayContent, { kind: 'payment' }>['result'] = !decision
    ? 'pending'
    : decision.decision === 'reject'
      ? 'rejected'
      : decision.state === 'delivered'
        ? 'approved'
        : 'queued'
  return { kind: 'payment', amount: result.payment.amount, result: outcome }
}

/**
 * Keeps the customer display in step with the counter: whenever what the customer should see
 * changes, main is told (it holds that one view; the customer window only reads it).
 */
export function useCustomerDisplay(api: TaquillaApi, store: StoreApi<AppState>): void {
  useEffect(() => {
    let shown = ''
    const push = (state: AppState): void => {
      const content = displayContent(state)
      const key = JSON.stringify(content)
      if (key === shown) return
      shown = key
      void api['display.show'](content)
    }
    push(store.getState())
    return store.subscribe(push)
  }, [api, store])
}
