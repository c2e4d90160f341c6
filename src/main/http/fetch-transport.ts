import axios, { AxiosError, AxiosHeaders, type InternalAxiosRequestConfig } from 'axios'
import type { HttpTransport } from './request'

/** The part of WHATWG fetch the transport needs: Electron's net.fetch, or Node's fetch in tests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/**
 * Chromium's net errors (what net.fetch rejects with) and undici's causes, as the Node codes
 * the rest of the app reads (failures.ts maybeApplied: "certainly never left" vs "maybe applied").
 */
const NET_ERRORS: [RegExp, string][] = [
  [/ERR_CONNECTION_REFUSED|ECONNREFUSED/, 'ECONNREFUSED'],
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|ENOTFOUND/, 'ENOTFOUND'],
  [/EAI_AGAIN/, 'EAI_AGAIN'],
  [/ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ENETUNREACH/, 'ENETUNREACH'],
  [/ERR_ADDRESS_UNREACHABLE|EHOSTUNREACH/, 'EHOSTUNREACH'],
  [/ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED/, 'ERR_PROXY'],
  [/ERR_CONNECTION_RESET|ECONNRESET|ERR_EMPTY_RESPONSE|UND_ERR_SOCKET/, 'ECONNRESET'],
  [/ERR_CERT_|ERR_SSL_|CERT_|SSL/, 'ERR_TLS'],
  [/redirect/i, 'ERR_REDIRECT']
]

function netCode(cause: unknown): string {
  const seen: string[] = []
  for (let at: unknown = cause, depth = 0; at && depth < 4; depth++) {
    const error = at as { code?: unknown; message?: unknown; cause?: unknown }
    if (typeof error.code === 'string') seen.push(error.code)
    if (typeof error.message === 'string') seen.push(error.message)
    at = error.cause
  }
  const text = seen.join(' ')
  return NET_ERRORS.find(([pattern]) => pattern.test(text))?.[1] ?? 'ERR_NETWORK'
}

/**
 * An axios adapter over a fetch function. In the app it is Electron's net.fetch, so provider
 * requests use the OS network stack: the system proxy / PAC and the OS certificate store
 * (agencies sit behind proxies). Same contract as our axios setup: text bodies, every status
 * returned, no redirects followed (a redirect is a network failure, as with net's 'manual').
 */
export function fetchTransport(fetchFn: FetchLike): HttpTransport {
  return async (config: InternalAxiosRequestConfig) => {
    const url = axios.getUri(config)
    const signals = [config.signal as AbortSignal | undefined]
    if (config.timeout) signals.push(AbortSignal.timeout(config.timeout))
    const signal = AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined))
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON())) {
      if (value != null && (value as unknown) !== false) headers[name] = String(value)
    }
    const method = (config.method ?? 'get').toUpperCase()
    const body = method === 'GET' || method === 'HEAD' ? undefined : (config.data as string | undefined)
    let response: Response
    let data: string
    try {
      response = await fetchFn(url, { method, headers, body, signal, redirect: 'error' })
      data = await response.text()
    } catch (cause) {
      if (signal.aborted) throw new AxiosError('request aborted (time bound)', 'ECONNABORTED', config)
      throw new AxiosError(`network error: ${netCode(cause)}`, netCode(cause), config)
    }
    const result = {
      data,
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers.entries()),
      config,
      request: null
    }
    if (config.validateStatus && !config.validateStatus(response.status)) {
      throw new AxiosError(`status ${response.status}`, AxiosError.ERR_BAD_RESPONSE, config, null, result)
    }
    return result
  }
}
