import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchNetworkBack, type NetworkBackReason } from '../../src/main/platform/network-signals'

let reasons: NetworkBackReason[]
let online: boolean
let powerMonitor: EventEmitter
let stop: () => void

beforeEach(() => {
  vi.useFakeTimers()
  reasons = []
  online = false
  powerMonitor = new EventEmitter()
  stop = watchNetworkBack({
    powerMonitor: powerMonitor as never,
    net: { isOnline: () => online },
    onBack: (reason) => reasons.push(reason),
    pollMs: 2_000,
    settleMs: 10_000
  })
})

afterEach(() => {
  stop()
  vi.useRealTimers()
})

describe('network-back signals', () => {
  it('net.isOnline() going from false to true is "online", once per transition', () => {
    vi.advanceTimersByTime(6_000)
    expect(reasons).toEqual([])
    online = true
    vi.advanceTimersByTime(2_000)
    expect(reasons).toEqual(['online'])
    vi.advanceTimersByTime(10_000)
    expect(reasons).toEqual(['online'])
  })

  it('resume and unlock probe at once, and once more after the link had time to come up', () => {
    powerMonitor.emit('resume')
    expect(reasons).toEqual(['resume'])
    powerMonitor.emit('unlock-screen')
    expect(reasons).toEqual(['resume', 'unlock-screen'])
    vi.advanceTimersByTime(10_000)
    expect(reasons).toEqual(['resume', 'unlock-screen', 'resume', 'unlock-screen'])
  })

  it('stops listening', () => {
    stop()
    online = true
    powerMonitor.emit('resume')
    vi.advanceTimersByTime(20_000)
    expect(reasons).toEqual([])
    expect(powerMonitor.listenerCount('resume')).toBe(0)
  })
})
