import type { HeartbeatBody } from '@shared/ledger-protocol'
import type { ShiftBook } from '../books/shift'
import type { Outbox } from '../outbox/outbox'
import type { Clock } from '../support/clock'

type Beat = Omit<HeartbeatBody, 'at' | 'journalHead'>

const ACTIVE = new Set(['pending', 'sending', 'attention'])

/**
 * What the heartbeat tells the owner about this counter: the outbox backlog per provider (count
 * and the oldest item's age — a counter that is stuck shows), the open shift, the app version and
 * the last provider failure, as codes only (a provider's words may quote customer data; never secrets).
 */
export function heartbeatSource(deps: {
  outbox: Outbox
  shifts: ShiftBook
  version: string
  clock: Clock
}): () => Beat {
  return () => {
    const now = deps.clock.now()
    const backlog = new Map<string, { count: number; oldest: number }>()
    let lastError: { at: number; text: string } | null = null
    for (const item of deps.outbox.all()) {
      if (!ACTIVE.has(item.state)) continue
      const row = backlog.get(item.provider) ?? { count: 0, oldest: item.createdAt }
      backlog.set(item.provider, { count: row.count + 1, oldest: Math.min(row.oldest, item.createdAt) })
      // the most recent failure: the item last touched, not the newest item
      if (item.lastError && (lastError === null || item.updatedAt >= lastError.at)) {
        const { code, providerCode } = item.lastError
        lastError = { at: item.updatedAt, text: `${item.provider}: ${code}${providerCode ? ` ${providerCode}` : ''}` }
      }
    }
    return {
      appVersion: deps.version.slice(0, 40),
      openShift: deps.shifts.current()?.id ?? null,
      outbox: [...backlog].map(([provider, row]) => ({
        provider,
        count: row.count,
        oldestAgeMs: Math.max(0, now - row.oldest)
      })),
      lastError: lastError?.text.slice(0, 500) ?? null
    }
  }
}
