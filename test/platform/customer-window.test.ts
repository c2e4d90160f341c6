import type { IpcMainInvokeEvent } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcChannel, operationNames, type Handlers, type Result } from '../../src/shared/contract'
import { EventBus } from '../../src/main/support/events'
import { FakeBrowserWindow, FakeIpcMain, installFakeElectron, type FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule())

const { CUSTOMER_OPERATIONS, createCustomerWindow, customerPageUrl, followCustomerDisplay } =
  await import('../../src/main/platform/customer-window')
const { windowWebPreferences } = await import('../../src/main/platform/window')
const { createSenderCheck, forwardEvents, registerIpc, windowsSenderCheck } =
  await import('../../src/main/platform/ipc')

const appUrl = 'file:///opt/taquilla/out/renderer/index.html'
const customerUrl = 'file:///opt/taquilla/out/renderer/customer.html'
let electron: FakeElectron

beforeEach(() => {
  electron = installFakeElectron()
})

describe('the customer window', () => {
  it('loads customer.html beside the app page (file:// and the dev server)', () => {
    expect(customerPageUrl(appUrl)).toBe(customerUrl)
    expect(customerPageUrl('http://localhost:5173')).toBe('http://localhost:5173/customer.html')
    expect(customerPageUrl('http://localhost:5173/')).toBe('http://localhost:5173/customer.html')
  })

  it('goes full screen on the second display when one is attached, with the main window’s security', () => {
    electron.screen.displays.push({ id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } })
    createCustomerWindow({ appUrl, screen: electron.screen as never, mainDir: '/opt/taquilla/out/main' })
    const window = FakeBrowserWindow.instances[0]!
    expect(window.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 1024, fullscreen: true, show: false })
    expect(window.options['focusable']).toBe(false)
    expect(window.options['webPreferences']).toEqual(windowWebPreferences('/opt/taquilla/out/main'))
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false
    })
    expect(window.loadURL).toHaveBeenCalledWith(customerUrl)
    window.emit('ready-to-show')
    expect(window.showInactive).toHaveBeenCalledOnce() // never steals the teller's focus
  })

  it('opens as an ordinary window on the only screen when there is no second one', () => {
    createCustomerWindow({ appUrl, screen: electron.screen as never, mainDir: '/opt/taquilla/out/main' })
    const options = FakeBrowserWindow.instances[0]!.options
    expect(options['fullscreen']).toBeUndefined()
    expect(options['x']).toBeUndefined()
  })

  it('follows the setting: opens when on, closes when off; hears display.updated and nothing else', () => {
    let enabled = false
    const listeners = new Set<() => void>()
    const bus = new EventBus()
    const control = followCustomerDisplay({
      appUrl,
      screen: electron.screen as never,
      mainDir: '/opt/taquilla/out/main',
      enabled: () => enabled,
      onSettingsChange: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      forward: (contents) => forwardEvents(bus, contents, ['display.updated'])
    })
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    enabled = true
    listeners.forEach((listener) => listener())
    const window = FakeBrowserWindow.instances[0]!
    expect(control.window()).toBe(window)
    const view = { agency: 'Agencia CCCT', language: 'es' as const, content: { kind: 'idle' as const } }
    bus.emit('display.updated', view)
    bus.emit('luka.status', { state: 'online', checkedAt: null })
    expect(window.webContents.send).toHaveBeenCalledTimes(1)
    expect(window.webContents.send).toHaveBeenCalledWith(ipcChannel('display.updated'), view)
    enabled = false
    listeners.forEach((listener) => listener())
    expect(window.close).toHaveBeenCalledOnce()
    expect(control.window()).toBeNull()
    bus.emit('display.updated', view)
    expect(window.webContents.send).toHaveBeenCalledTimes(1)
  })
})

describe('IPC from the customer window', () => {
  const frame = (url: string) => ({ url, parent: null })
  const event = (id: number, url: string) =>
    ({ sender: { id }, senderFrame: frame(url) }) as unknown as IpcMainInvokeEvent

  it('may read what to show, and is refused everything else; the main window may call everything', async () => {
    const main = { webContents: { id: 1 }, isDestroyed: () => false }
    const customer = { webContents: { id: 2 }, isDestroyed: () => false }
    const handlers: Record<string, unknown> = {}
    for (const name of operationNames) handlers[name] = vi.fn(async () => ({ ok: true, value: name }))
    const ipcMain = new FakeIpcMain()
    registerIpc(
      ipcMain,
      handlers as Handlers,
      windowsSenderCheck(
        createSenderCheck(() => main, appUrl),
        createSenderCheck(() => customer, customerUrl),
        CUSTOMER_OPERATIONS
      )
    )
    const invoke = async (name: (typeof operationNames)[number], e: IpcMainInvokeEvent) =>
      (await ipcMain.handlers.get(ipcChannel(name))!(e, undefined)) as Result<unknown>
    expect(CUSTOMER_OPERATIONS).toEqual(['display.get'])
    expect(await invoke('display.get', event(2, customerUrl))).toEqual({ ok: true, value: 'display.get' })
    for (const name of operationNames.filter((op) => op !== 'display.get')) {
      expect(await invoke(name, event(2, customerUrl))).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    // the customer window showing the counter's page, or another window claiming customer.html: refused
    expect(await invoke('display.get', event(2, appUrl))).toMatchObject({ ok: false })
    expect(await invoke('display.get', event(3, customerUrl))).toMatchObject({ ok: false })
    expect(await invoke('app.info', event(1, appUrl))).toEqual({ ok: true, value: 'app.info' })
  })
})
