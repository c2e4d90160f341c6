import axios, { type AxiosAdapter, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios'
import { AppFailure, type AppError, type Provider } from '@shared/errors'
import { isAllowedProviderUrl } from '@shared/provider-url'

/** A provider call never waits longer than this, start to finish. */
export const DEFAULT_TIMEOUT_MS = 15_000

/**
 * How requests leave the process: Electron's `net` in the app (system proxy/PAC, OS
 * certificates; platform/net-adapter.ts), axios' Node adapter in the harness and tests.
 */
export type HttpTransport = AxiosAdapter

export interface HttpOptions {
  provider: Provider
  baseURL: string
  timeoutMs: number
  transport?: HttpTransport
}

/**
 * One axios instance per provider. Bodies stay raw text (we parse leniently ourselves, so a
 * malformed JSON body or an HTML error page is seen for what it is) and every status code
 * is returned, not thrown: status handling lives in one place per provider.
 *
 * The base URL is checked here, whatever its source (settings UI, settings file, environment):
 * a URL that is not https (nor http to this computer) gets a client that sends nothing, so a
 * credential never travels in clear to a host an edited file names.
 */
export function createHttp(options: HttpOptions): AxiosInstance {
  const baseURL = options.baseURL.replace(/\/+$/, '')
  const refuse: AxiosAdapter = () =>
    Promise.reject(
      new AppFailure({ code: 'INSECURE_URL', provider: options.provider, providerMessage: baseURL.slice(0, 200) })
    )
  const allowed = baseURL === '' || isAllowedProviderUrl(baseURL)
  return axios.create({
    baseURL,
    timeout: options.timeoutMs,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    headers: { Accept: 'application/json' },
    ...(!allowed ? { adapter: refuse } : options.transport ? { adapter: options.transport } : {})
  })
}

/** Sends, bounding the whole exchange (axios' own timeout only bounds socket idleness). */
export async function send(
  http: AxiosInstance,
  config: AxiosRequestConfig,
  provider: Provider,
  timeoutMs: number
): Promise<AxiosResponse<string>> {
  try {
    return await http.request<string>({ ...config, signal: AbortSignal.timeout(timeoutMs) })
  } catch (cause) {
    if (cause instanceof AppFailure) throw cause
    throw new AppFailure(transportError(cause, provider))
  }
}

function transportError(cause: unknown, provider: Provider): AppError {
  const code = axios.isAxiosError(cause) ? cause.code : undefined
  if (axios.isCancel(cause) || code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') {
    return { code: 'TIMEOUT', provider }
  }
  return { code: 'NETWORK', provider, providerCode: code ?? undefined }
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds. */
export function retryAfterMs(header: unknown, now: number): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export interface ProviderWords {
  message?: string
  code?: string
}

/** Maps a non-2xx reply to our error codes, keeping the provider's own words. */
export function statusError(
  response: AxiosResponse<string>,
  provider: Provider,
  words: ProviderWords,
  now: number
): AppError {
  const status = response.status
  const base = {
    provider,
    httpStatus: status,
    providerMessage: words.message,
    providerCode: words.code
  }
  if (status === 401) return { code: 'UNAUTHORIZED', ...base }
  if (status === 404) return { code: 'NOT_FOUND', ...base }
  if (status === 408) return { code: 'TIMEOUT', ...base }
  if (status === 429) {
    return { code: 'RATE_LIMITED', ...base, retryAfterMs: retryAfterMs(response.headers['retry-after'], now) }
  }
  if (status >= 500)
    return { code: 'PROVIDER_UNAVAILABLE', ...base, retryAfterMs: retryAfterMs(response.headers['retry-after'], now) }
  return { code: 'PROVIDER_REJECTED', ...base }
}
