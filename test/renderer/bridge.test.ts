import { describe, expect, it, vi } from 'vitest'
import { eventNames, operationNames } from '@shared/contract'
import { TOKEN_HEADER } from '@shared/bridge-protocol'
import { createHttpApi, takeToken } from '@renderer/shared/http-bridge'

class FakeEventSource extends EventTarget {
  constructor(readonly url: string) {
    super()
  }
  push(name: string, data: string): void {
    this.dispatchEvent(new MessageEvent(name, { data }))
  }
}

function bridge(fetchImpl: typeof fetch) {
  const sources: FakeEventSource[] = []
  const api = createHttpApi({
    token: 'tok en',
    fetch: fetchImpl,
    createEventSource: (url) => {
      const source = new FakeEventSource(url)
      sources.push(source)
      return source as unknown as EventSource
    }
  })
  return { api, sources }
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('HTTP bridge (browser mode)', () => {
  it('has one function per contract operation and event', () => {
    const { api } = bridge(vi.fn())
    for (const name of operationNames) expect(typeof api[name]).toBe('function')
    for (const name of eventNames) expect(typeof api.events[name]).toBe('function')
  })

  it('POSTs {input} with the token header and returns the Result as sent', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => json({ ok: true, value: { state: 'online', checkedAt: null } }))
    const { api } = bridge(fetchMock)
    const query = { by: 'reference', value: '6567704' } as const
    await expect(api['luka.status'](undefined)).resolves.toEqual({
      ok: true,
      value: { state: 'online', checkedAt: null }
    })
    await api['luka.lookup'](query)
    const [url, init] = fetchMock.mock.calls[1] ?? []
    expect(url).toBe('/api/op/luka.lookup')
    expect(init?.method).toBe('POST')
    expect(init?.headers).toEqual({ 'content-type': 'application/json', [TOKEN_HEADER]: 'tok en' })
    expect(JSON.parse(String(init?.body))).toEqual({ input: query })
  })

  it('passes refusals through and turns failures into errors, never throws', async () => {
    const refused = bridge(async () => json({ ok: false, error: { code: 'FORBIDDEN' } }, 403)).api
    await expect(refused['app.info'](undefined)).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
    const down = bridge(async () => Promise.reject(new TypeError('Failed to fetch'))).api
    await expect(down['app.info'](undefined)).resolves.toEqual({ ok: false, error: { code: 'NETWORK' } })
    const garbled = bridge(async () => new Response('<html>502</html>', { status: 502 })).api
    await expect(garbled['app.info'](undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', httpStatus: 502 }
    })
  })

  it('delivers events from one EventSource, parsed, until unsubscribed', () => {
    const { api, sources } = bridge(vi.fn())
    const statuses = vi.fn()
    const decisions = vi.fn()
    const off = api.events['luka.status'](statuses)
    api.events['decision.updated'](decisions)
    expect(sources).toHaveLength(1)
    expect(sources[0]?.url).toBe('/api/events?token=tok%20en')
    sources[0]?.push('luka.status', '{"state":"offline","checkedAt":null}')
    sources[0]?.push('luka.status', 'not json')
    expect(statuses).toHaveBeenCalledTimes(1)
    expect(statuses).toHaveBeenCalledWith({ state: 'offline', checkedAt: null })
    expect(decisions).not.toHaveBeenCalled()
    off()
    sources[0]?.push('luka.status', '{"state":"online","checkedAt":null}')
    expect(statuses).toHaveBeenCalledTimes(1)
  })

  it('takes the token from ?token=, keeps it for reloads and removes it from the address', () => {
    window.history.replaceState(null, '', '/?token=abc123&x=1#top')
    expect(takeToken(window)).toBe('abc123')
    expect(window.location.search).toBe('?x=1')
    expect(window.location.hash).toBe('#top')
    expect(takeToken(window)).toBe('abc123')
    window.history.replaceState(null, '', '/')
  })
})
