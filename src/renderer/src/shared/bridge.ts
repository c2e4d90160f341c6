import type { TaquillaApi } from '@shared/contract'
import { createHttpApi, takeToken } from './http-bridge'

// `window.taquilla` is declared by src/preload/api.d.ts (optional: absent in browser mode).

function browserApi(): TaquillaApi {
  return createHttpApi({
    token: takeToken(window),
    fetch: (input, init) => window.fetch(input, init),
    createEventSource: (url) => new EventSource(url)
  })
}

/** What the renderer calls: the preload's API in Electron, the HTTP bridge in a browser. */
export const api: TaquillaApi = window.taquilla ?? browserApi()
