import type { AppError } from '@shared/errors'

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

/** How the outbox reads a failed attempt. */
export type FailureKind =
  | 'transient' // provider or network down: retry later, like network-down
  | 'permanent' // the provider refused this write: a person must look

export function classify(error: AppError): FailureKind {
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
    case 'PROVIDER_UNAVAILABLE':
    case 'RATE_LIMITED':
    case 'MALFORMED_RESPONSE': // a 2xx we could not read: maybe applied, verify then retry
    case 'UNAUTHORIZED':
    case 'BAD_CREDENTIALS': // our configuration, not this write: wait for the fix
    case 'NOT_CONFIGURED':
    case 'INTERNAL':
      return 'transient'
    default:
      return 'permanent'
  }
}

/**
 * Could the provider have applied the write although we got no confirmation? Only when the
 * request certainly never left (connection refused, no DNS) or was certainly refused before
 * processing (429, 401, our own configuration) is the answer no.
 */
export function maybeApplied(error: AppError): boolean {
  if (error.code === 'NETWORK') {
    return !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(error.providerCode ?? '')
  }
  return !['RATE_LIMITED', 'UNAUTHORIZED', 'BAD_CREDENTIALS', 'NOT_CONFIGURED'].includes(error.code)
}

/** How long a write waits for its first attempt before the teller is told "queued — will be delivered". */
export const FIRST_ATTEMPT_WAIT_MS = 2_500
