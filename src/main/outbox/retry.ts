export interface RetryPolicy {
  /** first delay, ms (about 1 s) */
  baseMs: number
  /** largest delay, ms (5 min) */
  capMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1_000, capMs: 5 * 60_000 }

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): a uniform delay in [0, min(cap, base·2^n)], so a counter full of queued items
 * does not hit a recovering provider in lockstep. A provider's Retry-After is a floor.
 */
export function backoffMs(policy: RetryPolicy, failures: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures, 30))
  const jittered = Math.floor(random() * ceiling)
  // a provider's wish is honoured up to an hour (timers overflow past ~24.8 days)
  const asked = Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)
  return Math.max(jittered, asked, 50)
}

export const MAX_RETRY_AFTER_MS = 60 * 60_000

/** How long a write waits for its first attempt before the teller is told "queued — will be delivered". */
export const FIRST_ATTEMPT_WAIT_MS = 2_500
