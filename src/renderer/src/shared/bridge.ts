import type { TaquillaApi } from '@shared/contract'
import { createHttpApi, takeToken } from './http-bridge'

declare global {
  interface Window {
    /** set by the preload in Electron; absent in browser mode */
    taquilla?: TaquillaApi
  }
}

function browserApi(): TaquillaApi {
  return createHttpApi({
    token: takeToken(window),
    fetch: (input, init) => window.fetch(input, init),
    createEventSource: (url) => new EventSource(url)
  })
}

/** What the renderer calls: the preload's API in Electron, the HTTP bridge in a browser. */
export const api: TaquillaApi = window.taquilla ?? browserApi()
