import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  eventNames,
  ipcChannel,
  operationNames,
  type Handlers,
  type OperationName,
  type Result
} from '../../src/shared/contract'
import { createSenderCheck, forwardEvents, registerIpc, type SenderCheck } from '../../src/main/platform/ipc'
import { EventBus } from '../../src/main/support/events'
import { createLogger } from '../../src/main/support/log'
import { FakeIpcMain, FakeWebContents } from './fake-electron'

const appUrl = 'app://taquilla/index.html'

/** Every handler is a spy answering `{ ok: true, value: <name> }`. */
function spyHandlers(): Handlers {
  const handlers: Record<string, unknown> = {}
  for (const name of operationNames) handlers[name] = vi.fn(async () => ({ ok: true, value: name }))
  return handlers as Handlers
}

interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

function fakeEvent(senderId: number, frame: FakeFrame | null): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainInvokeEvent
}

function setup(check?: SenderCheck) {
  const window = { webContents: new FakeWebContents(), isDestroyed: () => false }
  const ipcMain = new FakeIpcMain()
  const handlers = spyHandlers()
  const lines: string[] = []
  const log = createLogger((level, line) => lines.push(`${level} ${line}`))
  const unregister = registerIpc(ipcMain, handlers, check ?? createSenderCheck(() => window, appUrl), log)
  const topFrame: FakeFrame = { url: appUrl, parent: null }
  const invoke = async (name: OperationName, input: unknown, event?: IpcMainInvokeEvent): Promise<Result<unknown>> => {
    const handler = ipcMain.handlers.get(ipcChannel(name))
    if (!handler) throw new Error(`no handler registered for ${name}`)
    return (await handler(event ?? fakeEvent(window.webContents.id, topFrame), input)) as Result<unknown>
  }
  return { window, ipcMain, handlers, lines, invoke, unregister, topFrame }
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract operation, none missing, none extra', () => {
    const { ipcMain } = setup()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(operationNames.map(ipcChannel).sort())
    expect(ipcMain.handle).toHaveBeenCalledTimes(operationNames.length)
  })

  it('refuses to start when a handler is missing', () => {
    const handlers = spyHandlers() as Partial<Handlers>
    delete handlers['luka.decide']
    expect(() => registerIpc(new FakeIpcMain(), handlers as Handlers, () => true)).toThrow(/luka\.decide/)
  })

  it('removes every handler on dispose', () => {
    const { ipcMain, unregister } = setup()
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('passes a valid call to the handler with the parsed input', async () => {
    const { invoke, handlers } = setup()
    const result = await invoke('luka.lookup', { by: 'transactionId', value: ' 12345\n' })
    expect(result).toEqual({ ok: true, value: 'luka.lookup' })
    // parsed: trimmed by the contract's transform
    expect(handlers['luka.lookup']).toHaveBeenCalledWith({ by: 'transactionId', value: '12345' })
  })

  it('passes parsed defaults through (decision note/authorizationCode)', async () => {
    const { invoke, handlers } = setup()
    await invoke('luka.decide', { transactionId: 7, decision: 'approve' })
    expect(handlers['luka.decide']).toHaveBeenCalledWith({
      transactionId: 7,
      decision: 'approve',
      note: '',
      authorizationCode: ''
    })
  })

  it.each([
    ['luka.lookup', { by: 'transactionId', value: 'abc' }, 'value'],
    ['luka.lookup', 'not an object', undefined],
    ['luka.decide', { transactionId: 7, decision: 'reject' }, 'note'],
    ['luka.retryDecision', { transactionId: -1 }, 'transactionId'],
    ['settings.update', { lukaCustomUrl: 'javascript:alert(1)' }, 'lukaCustomUrl'],
    ['app.info', { unexpected: true }, undefined]
  ] as const)(
    'refuses invalid input for %s with VALIDATION and does not call the handler',
    async (name, input, field) => {
      const { invoke, handlers } = setup()
      const result = await invoke(name, input)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('VALIDATION')
      if (field) expect(result.error.field).toBe(field)
      expect(handlers[name]).not.toHaveBeenCalled()
    }
  )

  it('turns a throwing handler into INTERNAL', async () => {
    const { invoke, handlers } = setup()
    vi.mocked(handlers['luka.status']).mockRejectedValueOnce(new Error('boom'))
    expect(await invoke('luka.status', undefined)).toEqual({ ok: false, error: { code: 'INTERNAL' } })
  })
})

describe('sender check', () => {
  const untrusted: [string, (s: ReturnType<typeof setup>) => IpcMainInvokeEvent][] = [
    ['another webContents', (s) => fakeEvent(s.window.webContents.id + 1000, s.topFrame)],
    ['a sub-frame of our window', (s) => fakeEvent(s.window.webContents.id, { url: appUrl, parent: s.topFrame })],
    [
      'our window showing a foreign URL',
      (s) => fakeEvent(s.window.webContents.id, { url: 'https://evil.example/', parent: null })
    ],
    [
      'our window showing another local file',
      (s) => fakeEvent(s.window.webContents.id, { url: 'file:///tmp/evil.html', parent: null })
    ],
    [
      'our window showing the built renderer as a file (the app is app:// now)',
      (s) => fakeEvent(s.window.webContents.id, { url: 'file:///opt/taquilla/out/renderer/index.html', parent: null })
    ],
    ['a destroyed frame', (s) => fakeEvent(s.window.webContents.id, null)]
  ]

  it.each(untrusted)('refuses %s with FORBIDDEN, logs it, and does not call the handler', async (_label, makeEvent) => {
    const s = setup()
    for (const name of operationNames) {
      const result = await s.invoke(name, undefined, makeEvent(s))
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(s.handlers[name]).not.toHaveBeenCalled()
    }
    expect(s.lines.filter((line) => line.startsWith('warn ipc call refused'))).toHaveLength(operationNames.length)
  })

  it('checks the sender before validating input', async () => {
    const s = setup()
    const result = await s.invoke('luka.lookup', { nonsense: true }, fakeEvent(999_999, s.topFrame))
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('trusts nobody once the window is gone or destroyed', () => {
    const contents = new FakeWebContents()
    const event = fakeEvent(contents.id, { url: appUrl, parent: null })
    expect(createSenderCheck(() => null, appUrl)(event)).toBe(false)
    expect(createSenderCheck(() => ({ webContents: contents, isDestroyed: () => true }), appUrl)(event)).toBe(false)
    expect(createSenderCheck(() => ({ webContents: contents, isDestroyed: () => false }), appUrl)(event)).toBe(true)
  })

  it('trusts the dev server origin in development', () => {
    const contents = new FakeWebContents()
    const check = createSenderCheck(
      () => ({ webContents: contents, isDestroyed: () => false }),
      'http://localhost:5173'
    )
    expect(check(fakeEvent(contents.id, { url: 'http://localhost:5173/', parent: null }))).toBe(true)
    expect(check(fakeEvent(contents.id, { url: 'http://localhost:5174/', parent: null }))).toBe(false)
  })
})

describe('forwardEvents', () => {
  it('sends every bus event on its channel, and stops when unsubscribed', () => {
    const bus = new EventBus()
    const contents = new FakeWebContents()
    const stop = forwardEvents(bus, contents)
    const status = { state: 'online' as const, checkedAt: '2025-01-01T00:00:00.000Z' }
    bus.emit('luka.status', status)
    expect(contents.send).toHaveBeenCalledWith(ipcChannel('luka.status'), status)
    stop()
    bus.emit('luka.status', status)
    expect(contents.send).toHaveBeenCalledTimes(1)
    expect(eventNames).toContain('luka.status')
  })

  it('does not send to a destroyed window', () => {
    const bus = new EventBus()
    const contents = new FakeWebContents()
    contents.isDestroyed.mockReturnValue(true)
    forwardEvents(bus, contents)
    bus.emit('luka.status', { state: 'offline', checkedAt: null })
    expect(contents.send).not.toHaveBeenCalled()
  })
})
