import { afterEach, describe, expect, it, vi } from 'vitest'
import { isAllowedProviderUrl } from '@shared/provider-url'
import { parseInput } from '@shared/contract'
import { LukaClient } from '../../src/main/luka/client'
import { LuxcoreClient } from '../../src/main/luxcore/client'
import type { HttpTransport } from '../../src/main/http/request'
import { silentLogger } from '../../src/main/support/log'
import { failure } from '../helpers/failure'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

const clock = { now: () => Date.now() }
/** A transport that records every request it is asked to send and never sends one. */
const spyTransport = () =>
  vi.fn<HttpTransport>(async (config) => ({ data: '{}', status: 200, statusText: 'OK', headers: {}, config }))

describe('provider URL rule (https, or http to this computer)', () => {
  it.each([
    ['https://lukaapi.payco.net.ve', true],
    ['https://api.lux-core.io/api/v1', true],
    ['http://127.0.0.1:8080', true],
    ['http://127.5.0.1/api', true],
    ['http://localhost:3000', true],
    ['http://[::1]:9/', true],
    ['http://lukaapi.payco.net.ve', false],
    ['http://10.0.0.5:8080', false],
    ['http://localhost.evil.example', false],
    ['http://127.0.0.1.evil.example', false],
    ['ftp://127.0.0.1', false],
    ['https://', false],
    ['https://host with space', false],
    ['not a url', false]
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedProviderUrl(url)).toBe(allowed)
  })

  it('the settings form applies the same rule', () => {
    expect(parseInput('settings.update', { lukaCustomUrl: 'http://10.0.0.5' }).ok).toBe(false)
    expect(parseInput('settings.update', { lukaCustomUrl: 'http://[::1]:8080' }).ok).toBe(true)
  })
})

describe('the HTTP clients refuse an insecure URL whatever its source', () => {
  it('Luka: no request leaves for plain http to another host, not even the sign-in', async () => {
    const transport = spyTransport()
    const luka = new LukaClient({
      baseUrl: 'http://luka.attacker.example',
      credentials: () => ({ username: 'cajero', password: 's3creta-clave' }),
      clock,
      log: silentLogger,
      transport
    })
    const error = await failure(luka.lookupDeferredPayment({ by: 'reference', value: '6567704' }))
    expect(error).toMatchObject({ code: 'INSECURE_URL', provider: 'luka' })
    expect(transport).not.toHaveBeenCalled()
  })

  it('LuxCore: same, and an allowed URL goes through the transport', async () => {
    const transport = spyTransport()
    const make = (baseUrl: string) =>
      new LuxcoreClient({ baseUrl, apiKey: () => 'qp_test_sk_1', clock, log: silentLogger, transport })
    expect(await failure(make('http://api.lux-core.io/api/v1').balance('MXN'))).toMatchObject({
      code: 'INSECURE_URL',
      provider: 'luxcore'
    })
    expect(transport).not.toHaveBeenCalled()
    await make('https://api.lux-core.io/api/v1')
      .balance('MXN')
      .catch(() => undefined)
    expect(transport).toHaveBeenCalledTimes(1)
  })

  let running: ServicesUnderTest | null = null
  afterEach(async () => {
    await running?.services.dispose()
    running = null
  })

  it('a URL from the environment is checked too (LUKA_BASE_URL)', async () => {
    running = servicesFor('http://10.255.255.1:9')
    const result = await running.services.handlers['luka.lookup']({ by: 'reference', value: '6567704' })
    expect(result).toMatchObject({ ok: false, error: { code: 'INSECURE_URL', provider: 'luka' } })
  })
})
