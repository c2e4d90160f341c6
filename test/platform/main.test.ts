import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcChannel, operationNames, type Result } from '../../src/shared/contract'
import type { ServiceDeps } from '../../src/main/services'
import { EventBus } from '../../src/main/support/events'
import { FakeBrowserWindow, FakeMenu, installFakeElectron, type FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule())
/** electron-updater's autoUpdater, as far as main and the engine use it */
const updater = vi.hoisted(() => ({
  autoDownload: true,
  autoInstallOnAppQuit: true,
  logger: null as unknown,
  setFeedURL: () => undefined,
  checkForUpdates: async () => null,
  downloadUpdate: async () => [],
  quitAndInstall: () => undefined,
  on: () => undefined,
  removeListener: () => undefined
}))
vi.mock('electron-updater', () => ({ autoUpdater: updater }))

/** The real services need Luka & co; main only needs their shape. */
const state = vi.hoisted(() => ({
  deps: [] as unknown[],
  dispose: null as null | (() => Promise<void>),
  bus: null as unknown,
  networkBack: null as unknown,
  lock: null as unknown,
  refuse: null as unknown,
  customerDisplay: false,
  installOnQuit: null as null | (() => boolean)
}))
vi.mock('../../src/main/services', async () => {
  const { AppFailure } = await import('../../src/shared/errors')
  return {
    createServices: (deps: unknown) => {
      state.deps.push(deps)
      if (state.refuse) throw new AppFailure(state.refuse as ConstructorParameters<typeof AppFailure>[0])
      const handlers: Record<string, unknown> = {}
      for (const name of operationNames) handlers[name] = async () => ({ ok: true, value: `handled ${name}` })
      return {
        handlers,
        bus: state.bus,
        settings: {
          secretValues: () => ['pw-123456'],
          onChange: () => () => undefined,
          effective: () => ({ customerDisplay: state.customerDisplay })
        },
        networkBack: state.networkBack,
        lock: state.lock,
        updates: { installOnQuit: state.installOnQuit },
        dispose: state.dispose
      }
    }
  }
})

let electron: FakeElectron
let dataDir: string

async function startMain(): Promise<void> {
  vi.resetModules()
  await import('../../src/main/index')
  // let whenReady().then(start) run
  await new Promise((resolve) => setTimeout(resolve, 0))
}

beforeEach(() => {
  electron = installFakeElectron()
  electron.app.isPackaged = true // as installed: no console logging, no dev server
  dataDir = mkdtempSync(join(tmpdir(), 'taquilla-main-'))
  vi.stubEnv('TAQUILLA_DATA_DIR', dataDir)
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  state.deps = []
  state.bus = new EventBus()
  state.dispose = vi.fn(async () => undefined)
  state.networkBack = vi.fn()
  state.lock = vi.fn()
  state.refuse = null
  state.customerDisplay = false
  state.installOnQuit = vi.fn(() => false)
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('Electron main: single instance', () => {
  it('quits at once when another instance holds the lock, before building anything', async () => {
    electron.app.lock = false
    await startMain()
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(electron.app.quit).toHaveBeenCalled()
    expect(electron.app.whenReady).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(state.deps).toHaveLength(0)
  })

  it('enables the sandbox for every renderer', async () => {
    await startMain()
    expect(electron.app.enableSandbox).toHaveBeenCalled()
  })

  it('points userData at TAQUILLA_DATA_DIR before taking the lock (one lock per data dir)', async () => {
    await startMain()
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', dataDir)
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!
    )
  })

  it('restores and focuses the window when a second instance starts', async () => {
    await startMain()
    const window = FakeBrowserWindow.instances[0]!
    window.isMinimized.mockReturnValue(true)
    electron.app.emit('second-instance')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
  })
})

describe('Electron main: start', () => {
  it('builds the services for electron mode with the data dir', async () => {
    await startMain()
    expect(state.deps).toHaveLength(1)
    const deps = state.deps[0] as ServiceDeps
    expect(deps).toMatchObject({ mode: 'electron', version: '0.1.0-test', dataDir })
    expect(deps.secrets.available).toBe(true)
  })

  it("sends provider HTTP through Electron's net (system proxy, OS certificates)", async () => {
    await startMain()
    const deps = state.deps[0] as ServiceDeps
    electron.net.fetch.mockResolvedValue(new Response('{"ok":true}', { status: 200 }))
    const response = await deps.transport!({
      url: 'https://lukaapi.payco.net.ve/api/v1/x',
      method: 'get',
      headers: {},
      timeout: 1_000
    } as never)
    expect(electron.net.fetch).toHaveBeenCalledWith('https://lukaapi.payco.net.ve/api/v1/x', expect.anything())
    expect(response).toMatchObject({ status: 200, data: '{"ok":true}' })
  })

  it('packaged: hands the services electron-updater, which never downloads or installs on its own', async () => {
    await startMain()
    const deps = state.deps[0] as ServiceDeps
    expect(deps.updates).toBeDefined()
    expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false })
    expect(updater.logger).not.toBeNull()
  })

  it('not packaged (npm start): no updater at all', async () => {
    electron.app.isPackaged = false
    await startMain()
    expect((state.deps[0] as ServiceDeps).updates).toBeUndefined()
  })

  it('on quit, asks the update manager to install (it refuses while a shift is open or the outbox is not empty)', async () => {
    await startMain()
    electron.app.emit('before-quit', { preventDefault: vi.fn() })
    expect(state.installOnQuit).toHaveBeenCalledOnce()
  })

  it('applies the security handlers, registers every operation and opens one window', async () => {
    await startMain()
    const session = electron.session.defaultSession
    expect(session.setPermissionRequestHandler).toHaveBeenCalled()
    expect(session.setPermissionCheckHandler).toHaveBeenCalled()
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalled()
    expect(electron.app.listenerCount('web-contents-created')).toBe(1)
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(operationNames.map(ipcChannel).sort())
    expect(FakeBrowserWindow.instances).toHaveLength(1)
  })

  it('with the customer display on, opens it too: it may read what to show and nothing else', async () => {
    state.customerDisplay = true
    electron.screen.displays.push({ id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 } })
    await startMain()
    expect(FakeBrowserWindow.instances).toHaveLength(2)
    const [customer, main] = FakeBrowserWindow.instances
    expect(customer!.options).toMatchObject({ x: 1920, fullscreen: true })
    const customerUrl = 'app://taquilla/customer.html'
    const from = { sender: { id: customer!.webContents.id }, senderFrame: { url: customerUrl, parent: null } }
    const call = (name: 'display.get' | 'app.info') => electron.ipcMain.handlers.get(ipcChannel(name))!(from, undefined)
    expect(await call('display.get')).toEqual({ ok: true, value: 'handled display.get' })
    expect(await call('app.info')).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
    main!.emit('closed')
    expect(customer!.close).toHaveBeenCalled()
  })

  it('answers IPC from its own window only', async () => {
    await startMain()
    const window = FakeBrowserWindow.instances[0]!
    const handler = electron.ipcMain.handlers.get(ipcChannel('app.info'))!
    const appUrl = 'app://taquilla/index.html'
    const fileUrl = pathToFileURL(resolve(__dirname, '../../out/renderer/index.html')).href
    const fromFile = { sender: { id: window.webContents.id }, senderFrame: { url: fileUrl, parent: null } }
    expect(await handler(fromFile, undefined)).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
    const own = { sender: { id: window.webContents.id }, senderFrame: { url: appUrl, parent: null } }
    const stranger = { sender: { id: window.webContents.id + 1 }, senderFrame: { url: appUrl, parent: null } }
    expect(await handler(own, undefined)).toEqual({ ok: true, value: 'handled app.info' })
    expect((await handler(stranger, undefined)) as Result<unknown>).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('serves the renderer from app://taquilla/ (registered before ready) and loads it from there', async () => {
    await startMain()
    expect(electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      electron.app.whenReady.mock.invocationCallOrder[0]!
    )
    expect(electron.protocol.handlers.has('app')).toBe(true)
    const window = FakeBrowserWindow.instances[0]!
    expect(window.loadURL).toHaveBeenCalledWith('app://taquilla/index.html')
    expect(window.loadFile).not.toHaveBeenCalled()
  })

  it('packaged: no DevTools, and a menu without Reload or DevTools that keeps copy and paste', async () => {
    await startMain()
    const window = FakeBrowserWindow.instances[0]!
    expect(window.options['webPreferences']).toMatchObject({ devTools: false })
    const menu = JSON.stringify(FakeMenu.current?.template)
    expect(menu).toContain('"copy"')
    expect(menu).toContain('"paste"')
    expect(menu).not.toMatch(/reload|toggleDevTools|viewMenu/i)
  })

  it('development keeps DevTools and the default menu', async () => {
    electron.app.isPackaged = false
    await startMain()
    expect(FakeBrowserWindow.instances[0]!.options['webPreferences']).toMatchObject({ devTools: true })
    expect(FakeMenu.current).toBeUndefined()
  })

  it('keeps crash dumps in the data directory, uploads nothing', async () => {
    await startMain()
    expect(electron.app.setPath).toHaveBeenCalledWith('crashDumps', join(dataDir, 'crashes'))
    expect(electron.crashReporter.start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false }))
  })

  it('reloads the window when its renderer dies', async () => {
    await startMain()
    const window = FakeBrowserWindow.instances[0]!
    window.loadURL.mockClear()
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 })
    expect(window.loadURL).toHaveBeenCalledWith('app://taquilla/index.html')
  })

  it('tells the services when the network is back: resume from sleep, screen unlocked', async () => {
    await startMain()
    electron.powerMonitor.emit('resume')
    electron.powerMonitor.emit('unlock-screen')
    expect(state.networkBack).toHaveBeenCalledWith('resume')
    expect(state.networkBack).toHaveBeenCalledWith('unlock-screen')
  })

  it('locks the counter when the OS locks the screen, goes to sleep or resumes (issue 11)', async () => {
    await startMain()
    electron.powerMonitor.emit('lock-screen')
    electron.powerMonitor.emit('suspend')
    electron.powerMonitor.emit('resume')
    expect(state.lock).toHaveBeenCalledWith('screenLocked')
    expect(state.lock).toHaveBeenCalledWith('sleep')
    expect(state.lock).toHaveBeenCalledTimes(3)
  })

  it('forwards bus events to the window', async () => {
    await startMain()
    const window = FakeBrowserWindow.instances[0]!
    const status = { state: 'online' as const, checkedAt: null }
    ;(state.bus as EventBus).emit('luka.status', status)
    expect(window.webContents.send).toHaveBeenCalledWith(ipcChannel('luka.status'), status)
  })

  it('quits when the window is closed, macOS included, and disposes the services first', async () => {
    await startMain()
    electron.app.emit('window-all-closed')
    expect(electron.app.quit).toHaveBeenCalledTimes(1)
    const event = { preventDefault: vi.fn() }
    electron.app.emit('will-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(state.dispose).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(2))
    // the second will-quit goes through
    const again = { preventDefault: vi.fn() }
    electron.app.emit('will-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('switches modes by relaunching, with the choice saved in the real settings', async () => {
    await startMain()
    const deps = state.deps[0] as ServiceDeps
    expect(deps.training).toBeUndefined()
    expect(deps.dataDir).toBe(dataDir)
    deps.switchMode!(true)
    await vi.waitFor(() => expect(electron.app.relaunch).toHaveBeenCalledOnce())
    expect(electron.app.quit).toHaveBeenCalled()
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ startMode: 'training' })
  })

  it('starts in training with --training: the simulators as providers, books in <data dir>/training', async () => {
    process.argv.push('--training')
    try {
      await startMain()
      await vi.waitFor(() => expect(state.deps).toHaveLength(1))
    } finally {
      process.argv.splice(process.argv.indexOf('--training'), 1)
    }
    const deps = state.deps[0] as ServiceDeps
    expect(deps.dataDir).toBe(join(dataDir, 'training'))
    expect(deps.training?.forced).toBe(true)
    await deps.training!.simulators.stop()
  })

  it('shows an error and exits when the settings file is corrupt, without touching it', async () => {
    writeFileSync(join(dataDir, 'settings.json'), '{ not json')
    await startMain()
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Taquilla', expect.stringContaining('settings.json'))
    expect(electron.app.exit).toHaveBeenCalledWith(1)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe('{ not json')
    await vi.waitFor(() =>
      expect(readFileSync(join(dataDir, 'logs', 'taquilla.log'), 'utf8')).toContain('startup failed')
    )
  })

  it('a data folder held by another Taquilla: the box names the folder, the lock file and the pid, in the set language', async () => {
    const detail = { folder: dataDir, lockFile: join(dataDir, 'outbox.lock'), pid: '4242' }
    state.refuse = { code: 'OUTBOX_LOCKED', detail }
    vi.stubEnv('TAQUILLA_LANG', 'en')
    await startMain()
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Taquilla',
      `Taquilla could not start.\n\nAnother Taquilla (pid 4242) is using the data folder ${dataDir} (lock file: ${detail.lockFile}). Close the other Taquilla; if there is none, call support.`
    )
    expect(electron.app.exit).toHaveBeenCalledWith(1)
  })

  it('never writes the Luka password to the log', async () => {
    await startMain()
    const handler = electron.ipcMain.handlers.get(ipcChannel('app.info'))!
    // an untrusted call logs the sender's URL; make that URL carry the password
    await handler(
      { sender: { id: -1 }, senderFrame: { url: 'https://x.example/?p=pw-123456', parent: null } },
      undefined
    )
    await vi.waitFor(() => expect(readFileSync(join(dataDir, 'logs', 'taquilla.log'), 'utf8')).toContain('refused'))
    expect(readFileSync(join(dataDir, 'logs', 'taquilla.log'), 'utf8')).not.toContain('pw-123456')
  })
})
