import type { AxiosResponse } from 'axios'
import type { AppError } from '@shared/errors'
import { retryAfterMs } from '../http/request'
import { isObject, parseJson, providerMessage } from '../luka/lenient'

/**
 * LOX24's error replies (lox24-create-payment.txt, "Invalid input" and the sentences under
 * it; doc.lox24.eu): API Platform bodies with `detail` (older: `hydra:description`). When a
 * reply carries no words, the documented sentence for its status is shown instead.
 */
export const LOX24_SENTENCES: Record<number, string> = {
  401: 'Client ID or API key isn’t active or invalid!',
  402: 'There are not enough funds on your account!',
  403: 'Account isn’t activated. Please wait or contact to support!',
  422: 'The request was well-formed but was unable to be followed due to semantic errors',
  429: 'IP address was temporary blocked, because during short time from it was sent many request with invalid credentials. Please wait and try later.'
}

/** doc.lox24.eu: more than 3 bad-auth requests a minute → every request from the IP gets 429 for 10 minutes. */
export const LOX24_BLOCK_MS = 10 * 60_000

/** `detail`, else `hydra:description`, `message`, `title`; an HTML page's title; else the documented sentence. */
export function lox24Words(response: AxiosResponse<string>): string | undefined {
  const json = parseJson(response.data)
  if (isObject(json)) {
    const violations = Array.isArray(json['violations']) ? json['violations'] : []
    const first = violations.find(isObject)
    for (const key of ['detail', 'hydra:description', 'message', 'title']) {
      const value = json[key]
      if (typeof value === 'string' && value.trim() !== '' && value !== 'An error occurred') {
        return value.trim().slice(0, 300)
      }
    }
    if (first && typeof first['message'] === 'string') return String(first['message']).slice(0, 300)
  }
  return (
    (json === undefined ? providerMessage(response.data) : undefined) ?? LOX24_SENTENCES[response.status] ?? undefined
  )
}

/** A non-2xx LOX24 reply -> our error codes, in LOX24's own words. */
export function lox24Error(response: AxiosResponse<string>, now: number): AppError {
  const status = response.status
  const base = { provider: 'lox24' as const, httpStatus: status, providerMessage: lox24Words(response) }
  switch (status) {
    case 401:
      return { code: 'BAD_CREDENTIALS', ...base }
    case 402:
      return { code: 'PROVIDER_REJECTED', providerCode: 'NOT_ENOUGH_FUNDS', ...base }
    case 403:
      return { code: 'BAD_CREDENTIALS', providerCode: 'ACCOUNT_NOT_ACTIVATED', ...base }
    case 404:
      return { code: 'NOT_FOUND', ...base }
    case 422:
      return { code: 'PROVIDER_REJECTED', providerCode: 'SEMANTIC_ERROR', ...base }
    case 429:
      return {
        code: 'RATE_LIMITED',
        providerCode: 'IP_BLOCKED',
        ...base,
        retryAfterMs: retryAfterMs(response.headers['retry-after'], now) ?? LOX24_BLOCK_MS
      }
  }
  if (status >= 500 || status === 408) {
    return {
      code: status === 408 ? 'TIMEOUT' : 'PROVIDER_UNAVAILABLE',
      ...base,
      retryAfterMs: retryAfterMs(response.headers['retry-after'], now)
    }
  }
  return { code: 'PROVIDER_REJECTED', ...base }
}
