import { beforeAll, describe, expect, it, vi } from 'vitest'
import { eventNames, ipcChannel, operationNames, type TaquillaApi } from '../../src/shared/contract'
import { installFakeElectron, type FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule())

let electron: FakeElectron
let exposedName: unknown
let api: TaquillaApi

beforeAll(async () => {
  electron = installFakeElectron()
  await import('../../src/preload/index')
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
  ;[exposedName, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [unknown, TaquillaApi]
})

describe('preload', () => {
  it('exposes window.taquilla with exactly one function per operation, plus events', () => {
    expect(exposedName).toBe('taquilla')
    expect(Object.keys(api).sort()).toEqual([...operationNames, 'events'].sort())
    for (const name of operationNames) expect(typeof api[name]).toBe('function')
  })

  it('exposes exactly one subscribe function per event', () => {
    expect(Object.keys(api.events).sort()).toEqual([...eventNames].sort())
    for (const name of eventNames) expect(typeof api.events[name]).toBe('function')
  })

  it('leaks no ipcRenderer, invoke, send, on, or electron object', () => {
    const everything = [...Object.keys(api), ...Object.keys(api.events)]
    for (const forbidden of [
      'ipcRenderer',
      'invoke',
      'send',
      'sendSync',
      'on',
      'once',
      'removeListener',
      'electron',
      'require',
      'process'
    ]) {
      expect(everything).not.toContain(forbidden)
    }
    for (const value of [...Object.values(api), ...Object.values(api.events)]) {
      expect(value).not.toBe(electron.ipcRenderer)
      expect(value).not.toBe(electron.ipcRenderer.invoke)
      expect(value).not.toBe(electron.ipcRenderer.on)
    }
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.events)).toBe(true)
  })

  it('calls an operation by invoking its own channel with the input', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 'answer' })
    const result = await api['luka.lookup']({ by: 'reference', value: 'ABC' })
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel('luka.lookup'), {
      by: 'reference',
      value: 'ABC'
    })
    expect(result).toEqual({ ok: true, value: 'answer' })
    for (const name of operationNames) {
      await (api[name] as (input: unknown) => Promise<unknown>)(undefined)
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(name), undefined)
    }
  })

  it('subscribes to an event channel, hands only the payload over, and unsubscribes', () => {
    const listener = vi.fn()
    const unsubscribe = api.events['decision.updated'](listener)
    const [channel, relay] = electron.ipcRenderer.on.mock.calls.at(-1) as [
      string,
      (event: unknown, payload: unknown) => void
    ]
    expect(channel).toBe(ipcChannel('decision.updated'))
    relay({ sender: 'the IpcRendererEvent must not reach the page' }, { transactionId: 1 })
    expect(listener).toHaveBeenCalledWith({ transactionId: 1 })
    expect(listener.mock.calls[0]).toHaveLength(1)
    unsubscribe()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(channel, relay)
  })
})
