import { currencyExponent, decimalToMinor, isSafeAmount } from '@shared/money'
import type { OutboxLimits } from '../outbox/outbox'
import { DEFAULT_RETRY, type RetryPolicy } from '../outbox/retry'
import type { Env } from './settings'
import { DEFAULT_POLL, type PollSchedule } from '../luxcore/tracker'

/**
 * What may wait undelivered per currency before the counter refuses new decisions.
 * Defaults are deliberately modest; an agency sets its own with
 *   TAQUILLA_OUTBOX_MAX_ITEMS=50
 *   TAQUILLA_OUTBOX_MAX_AMOUNTS="USD=2000,VES=100000"   (major units, per currency)
 */
export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = {
  maxItems: 50,
  maxAmount: { USD: 2_000_00, EUR: 2_000_00, VES: 100_000_00, MXN: 40_000_00 }
}

const positiveInt = (value: string | undefined): number | undefined => {
  const parsed = Number(value)
  return value && Number.isSafeInteger(parsed) && parsed > 0 ? parsed : undefined
}

export function outboxLimits(env: Env): OutboxLimits {
  const maxAmount = { ...DEFAULT_OUTBOX_LIMITS.maxAmount }
  for (const pair of (env.TAQUILLA_OUTBOX_MAX_AMOUNTS ?? '').split(',')) {
    const [rawCode, rawAmount] = pair.split('=')
    const code = rawCode?.trim().toUpperCase()
    if (!code || !rawAmount || !/^[A-Z]{3}$/.test(code)) continue
    const minor = decimalToMinor(rawAmount.trim(), currencyExponent(code))
    // a ceiling beyond the currency's safe range would make the sum it guards inexact
    if (minor !== null && minor > 0 && isSafeAmount(minor, code)) maxAmount[code] = minor
  }
  return { maxItems: positiveInt(env.TAQUILLA_OUTBOX_MAX_ITEMS) ?? DEFAULT_OUTBOX_LIMITS.maxItems, maxAmount }
}

/**
 * Timing knobs, for tests and unusual networks: TAQUILLA_LUKA_TIMEOUT_MS (every provider
 * call's bound), TAQUILLA_OUTBOX_RETRY_BASE_MS / _CAP_MS, TAQUILLA_LUXCORE_POLL_MS (first
 * status look after a change).
 */
export function deliveryTuning(env: Env): { lukaTimeoutMs?: number; retry: RetryPolicy; poll: PollSchedule } {
  const pollMs = positiveInt(env.TAQUILLA_LUXCORE_POLL_MS)
  return {
    poll: pollMs
      ? { ...DEFAULT_POLL, firstMs: pollMs, maxMs: Math.max(pollMs, Math.min(DEFAULT_POLL.maxMs, pollMs * 12)) }
      : DEFAULT_POLL,
    lukaTimeoutMs: positiveInt(env.TAQUILLA_LUKA_TIMEOUT_MS),
    retry: {
      baseMs: positiveInt(env.TAQUILLA_OUTBOX_RETRY_BASE_MS) ?? DEFAULT_RETRY.baseMs,
      capMs: positiveInt(env.TAQUILLA_OUTBOX_RETRY_CAP_MS) ?? DEFAULT_RETRY.capMs
    }
  }
}
