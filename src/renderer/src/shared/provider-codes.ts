import type { ErrorCode } from '@shared/errors'

/**
 * LuxCore's own `error` codes that get a sentence of ours (api-notes.md, LuxCore section;
 * docs.lux-core.io/errors/error-codes). Any other code still shows LuxCore's own message.
 */
export const luxcoreErrorCodes = [
  'INVALID_API_KEY',
  'VALIDATION_ERROR',
  'UNSUPPORTED_CURRENCY',
  'METHOD_NOT_AVAILABLE',
  'METHOD_NOT_CONFIGURED',
  'INVALID_METHOD',
  'LIMIT_EXCEEDED',
  'DAILY_LIMIT_EXCEEDED',
  'MONTHLY_LIMIT_EXCEEDED',
  'PAYMENT_ALREADY_PROCESSED',
  'INSUFFICIENT_BALANCE',
  'TTL_EXPIRED',
  'MERCHANT_REFERENCE_DUPLICATE'
] as const
export type LuxcoreErrorCode = (typeof luxcoreErrorCodes)[number]

/** Our codes whose usual sentence speaks of Luka: for LuxCore they are said in its name. */
export const luxcoreNamedCodes = [
  'NOT_CONFIGURED',
  'BAD_CREDENTIALS',
  'NETWORK',
  'TIMEOUT',
  'PROVIDER_UNAVAILABLE',
  'RATE_LIMITED',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'NOT_PENDING',
  'PROVIDER_REJECTED',
  'MALFORMED_RESPONSE',
  'REPLY_MISMATCH'
] as const satisfies readonly ErrorCode[]
export type LuxcoreNamedCode = (typeof luxcoreNamedCodes)[number]

export function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value)
}
