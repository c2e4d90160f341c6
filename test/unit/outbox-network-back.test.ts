import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppFailure, type Provider } from '@shared/errors'
import type { DeliveryHandler, NewItem } from '../../src/main/outbox/item'
import { Outbox } from '../../src/main/outbox/outbox'
import { inlineFsync } from '../../src/main/storage/group-commit'
import { silentLogger } from '../../src/main/support/log'

/**
 * "Network back": after a long outage, items wait up to the backoff cap (5 min). The signal
 * probes each provider at once and lets the rest follow as soon as it answers. Fake timers:
 * the outbox's clock and its timers move together, so ten minutes pass in milliseconds (the
 * log's fsync runs inline: real I/O on the thread pool could not follow a fake clock).
 */
let dir: string
let outbox: Outbox
const up: Record<Provider, boolean> = { luka: false, luxcore: false, lox24: false }
const sends: { provider: Provider; at: number }[] = []

const handler = (provider: Provider): DeliveryHandler => ({
  send: async () => {
    sends.push({ provider, at: Date.now() })
    if (!up[provider]) throw new AppFailure({ code: 'NETWORK', provider, providerCode: 'ECONNREFUSED' })
    return { ok: true }
  }
})

const item = (provider: Provider, n: number): NewItem => ({
  kind: provider === 'luka' ? 'luka.notify' : 'luxcore.create',
  provider,
  key: `${provider}:${n}`,
  payload: { n },
  subject: { transactionId: provider === 'luka' ? n : null, decision: null, merchantReference: null },
  amount: null
})

const delivered = (provider?: Provider) =>
  [...outbox.all()].filter((i) => i.state === 'delivered' && (!provider || i.provider === provider)).length

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  dir = mkdtempSync(join(tmpdir(), 'taquilla-network-back-'))
  up.luka = false
  up.luxcore = false
  sends.length = 0
  outbox = new Outbox({
    dir,
    clock: { now: () => Date.now() }, // the fake clock
    log: silentLogger,
    handlers: { 'luka.notify': handler('luka'), 'luxcore.create': handler('luxcore') },
    limits: () => ({ maxItems: 1000, maxAmount: {} }),
    random: () => 0.9, // jitter near the top of its range: the long waits the signal is for
    fsync: inlineFsync
  })
  outbox.open()
  outbox.start()
  for (let n = 1; n <= 6; n++) outbox.enqueue(item('luka', n))
  for (let n = 1; n <= 3; n++) outbox.enqueue(item('luxcore', n))
})

afterEach(() => {
  outbox.close()
  vi.useRealTimers()
  rmSync(dir, { recursive: true, force: true })
})

/** Ten minutes without network: the backoff grows to its cap. */
const outage = () => vi.advanceTimersByTimeAsync(10 * 60_000)

describe('outbox: network back', () => {
  it('without the signal, queued items still wait for their timers after the network returns', async () => {
    await outage()
    up.luka = up.luxcore = true
    await vi.advanceTimersByTimeAsync(5_000)
    expect(delivered()).toBeLessThan(9)
  })

  it('with it, every provider is probed at once and all due items go within seconds', async () => {
    await outage()
    up.luka = up.luxcore = true
    const before = sends.length
    const back = Date.now()
    expect(outbox.networkBack().sort()).toEqual(['luka', 'luxcore'])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(delivered()).toBe(9)
    const after = sends.slice(before)
    // one probe per provider first, then the rest of each provider's items
    expect(
      after
        .slice(0, 2)
        .map((s) => s.provider)
        .sort()
    ).toEqual(['luka', 'luxcore'])
    expect(after).toHaveLength(9)
    expect(Math.max(...after.map((s) => s.at - back))).toBeLessThan(1_000)
  })

  it('a probe that fails again is one request per provider, not the whole queue', async () => {
    await outage()
    const before = sends.length
    outbox.networkBack()
    await vi.advanceTimersByTimeAsync(100)
    expect(
      sends
        .slice(before)
        .map((s) => s.provider)
        .sort()
    ).toEqual(['luka', 'luxcore'])
    expect(delivered()).toBe(0)
  })

  it('only the provider that answered is released; the other keeps backing off', async () => {
    await outage()
    up.luka = true
    outbox.networkBack()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(delivered('luka')).toBe(6)
    expect(delivered('luxcore')).toBe(0)
  })
})
