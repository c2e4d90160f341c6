import type { Net } from 'electron'
import { fetchTransport } from '../http/fetch-transport'
import type { HttpTransport } from '../http/request'

/**
 * Provider HTTP through Electron's net (Chromium's network stack: system proxy and PAC, the
 * OS certificate store). Injected into the domain clients via createServices; the harness
 * and the tests keep axios' Node adapter.
 */
export function netTransport(net: Pick<Net, 'fetch'>): HttpTransport {
  return fetchTransport((url, init) => net.fetch(url, init))
}
