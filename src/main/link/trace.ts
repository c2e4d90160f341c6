import { terminalSlug } from '../luxcore/deposits'
import type { KeyValueStore } from '../settings/storage'

const STORE_KEY = 'linkTrace'

const localDay = (now: number): string => {
  const date = new Date(now)
  return `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`
}

/**
 * The next payment-link IdTraza: terminal + install ID + local date + "L" + sequence, e.g.
 * `AGENCIA-CCCT-K7Q4ZP-20261206-L0003` — unique per installation like the LuxCore merchant
 * references (deposits.ts). The sequence is written to the settings store BEFORE the request
 * goes out, so a crash mid-request never hands the same trace to the next link.
 */
export function nextLinkTrace(store: KeyValueStore, terminal: string, installId: string, now: number): string {
  const day = localDay(now)
  const last = store.get(STORE_KEY) as { day?: unknown; seq?: unknown } | undefined
  const seq = last?.day === day && typeof last.seq === 'number' ? last.seq + 1 : 1
  store.set(STORE_KEY, { day, seq })
  return `${terminalSlug(terminal)}-${installId}-${day}-L${String(seq).padStart(4, '0')}`
}

/** The local day of an ISO instant, to list "today's" links. */
export const sameLocalDay = (iso: string, now: number): boolean => localDay(Date.parse(iso)) === localDay(now)
