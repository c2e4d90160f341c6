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

/** LOX24's refusals that get a sentence of ours (lox24-create-payment.txt; main's lox24/errors.ts sets them). */
export const lox24ErrorCodes = ['NOT_ENOUGH_FUNDS', 'ACCOUNT_NOT_ACTIVATED', 'SEMANTIC_ERROR', 'IP_BLOCKED'] as const

/** Our codes said in LOX24's name. */
export const lox24NamedCodes = [
  'NOT_CONFIGURED',
  'BAD_CREDENTIALS',
  'NETWORK',
  'TIMEOUT',
  'PROVIDER_UNAVAILABLE',
  'RATE_LIMITED',
  'NOT_FOUND',
  'PROVIDER_REJECTED',
  'MALFORMED_RESPONSE'
] as const satisfies readonly ErrorCode[]
