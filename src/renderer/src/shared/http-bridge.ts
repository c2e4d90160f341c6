import type { Result, TaquillaApi } from '@shared/contract'
import { eventNames, operationNames, type EventName, type OperationName } from '@shared/operations'
import { EVENTS_PATH, TOKEN_HEADER, TOKEN_QUERY, operationPath } from '@shared/bridge-protocol'

const TOKEN_KEY = 'taquilla.token'

/** Browser mode: the page is opened as /?token=…; keep the token, take it out of the address. */
export function takeToken(win: Window): string {
  const url = new URL(win.location.href)
  const fromUrl = url.searchParams.get(TOKEN_QUERY)
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete(TOKEN_QUERY)
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

export interface HttpBridgeDeps {
  token: string
  fetch: typeof fetch
  createEventSource: (url: string) => EventSource
}

type Operations = { [K in OperationName]: TaquillaApi[K] }
type Events = TaquillaApi['events']

/** The contract over loopback HTTP (src/shared/bridge-protocol.ts). */
export function createHttpApi(deps: HttpBridgeDeps): TaquillaApi {
  async function call(name: OperationName, input: unknown): Promise<Result<unknown>> {
    let response: Response
    try {
      response = await deps.fetch(operationPath(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: deps.token },
        body: JSON.stringify({ input })
      })
    } catch {
      return { ok: false, error: { code: 'NETWORK' } }
    }
    try {
      const body: unknown = await response.json()
      if (isResult(body)) return body
    } catch {
      // not JSON: fall through
    }
    return { ok: false, error: { code: 'INTERNAL', httpStatus: response.status } }
  }

  let source: EventSource | null = null
  const eventSource = (): EventSource => {
    source ??= deps.createEventSource(`${EVENTS_PATH}?${TOKEN_QUERY}=${encodeURIComponent(deps.token)}`)
    return source
  }

  function subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
    const onMessage = (event: Event): void => {
      let payload: unknown
      try {
        payload = JSON.parse((event as MessageEvent<string>).data)
      } catch {
        return // a garbled event is dropped; the next lookup shows the truth
      }
      listener(payload)
    }
    eventSource().addEventListener(name, onMessage)
    return () => source?.removeEventListener(name, onMessage)
  }

  const operations = Object.fromEntries(
    operationNames.map((name) => [name, (input: unknown) => call(name, input)])
  ) as unknown as Operations
  const events = Object.fromEntries(
    eventNames.map((name) => [name, (listener: (payload: unknown) => void) => subscribe(name, listener)])
  ) as unknown as Events
  return { ...operations, events }
}
