import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { watchOsLock } from '../../src/main/platform/lock-signals'

describe('OS lock signals', () => {
  it('locks the counter on lock-screen, suspend and resume; stops listening when stopped', () => {
    const powerMonitor = new EventEmitter()
    const reasons: string[] = []
    const stop = watchOsLock({ powerMonitor: powerMonitor as never, lock: (reason) => reasons.push(reason) })
    powerMonitor.emit('lock-screen')
    powerMonitor.emit('suspend')
    powerMonitor.emit('resume')
    powerMonitor.emit('unlock-screen')
    expect(reasons).toEqual(['screenLocked', 'sleep', 'sleep'])
    stop()
    powerMonitor.emit('lock-screen')
    expect(reasons).toHaveLength(3)
    expect(powerMonitor.listenerCount('lock-screen') + powerMonitor.listenerCount('resume')).toBe(0)
  })
})
