import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/**
 * A stand-in for the `electron` module (the real binary cannot run here). Tests install one
 * with `installFakeElectron()` and vi.mock('electron', () => fakeElectronModule()).
 */

let nextId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++
  readonly send = vi.fn()
  readonly isDestroyed = vi.fn(() => false)
  readonly reload = vi.fn()
  readonly forcefullyCrashRenderer = vi.fn()
  printers: { name: string; displayName: string; description: string; options: Record<string, string> }[] = []
  readonly getPrintersAsync = vi.fn(async () => this.printers)
  /** answers like a printer that took the page; set `printFailure` to make it refuse */
  printFailure: string | null = null
  readonly print = vi.fn((_options: unknown, callback?: (success: boolean, failureReason: string) => void) => {
    setTimeout(() => callback?.(this.printFailure === null, this.printFailure ?? ''), 0)
  })
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler
  })
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  readonly loadFile = vi.fn(async (_path: string) => undefined)
  readonly loadURL = vi.fn(async (_url: string) => undefined)
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()
  readonly isMinimized = vi.fn(() => false)
  readonly isDestroyed = vi.fn(() => false)
  readonly showInactive = vi.fn()
  readonly close = vi.fn(() => {
    this.emit('closed')
  })
  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.instances.push(this)
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false
  lock = true
  readonly paths = new Map<string, string>([['userData', '/tmp/taquilla-fake-user-data']])
  readonly quit = vi.fn()
  readonly exit = vi.fn()
  readonly relaunch = vi.fn()
  readonly enableSandbox = vi.fn()
  readonly requestSingleInstanceLock = vi.fn(() => this.lock)
  readonly getPath = vi.fn((name: string) => this.paths.get(name) ?? `/tmp/fake-${name}`)
  readonly setPath = vi.fn((name: string, value: string) => {
    this.paths.set(name, value)
  })
  readonly getVersion = vi.fn(() => '0.1.0-test')
  readonly getName = vi.fn(() => 'Taquilla')
  ready: Promise<void> = Promise.resolve()
  readonly whenReady = vi.fn(() => this.ready)
}

export class FakeSession {
  permissionRequest:
    ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void) | null = null
  permissionCheck: ((...args: unknown[]) => boolean) | null = null
  devicePermission: ((...args: unknown[]) => boolean) | null = null
  headersReceived:
    | ((details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (response: unknown) => void) => void)
    | null = null
  readonly setPermissionRequestHandler = vi.fn((handler: FakeSession['permissionRequest']) => {
    this.permissionRequest = handler
  })
  readonly setPermissionCheckHandler = vi.fn((handler: FakeSession['permissionCheck']) => {
    this.permissionCheck = handler
  })
  readonly setDevicePermissionHandler = vi.fn((handler: FakeSession['devicePermission']) => {
    this.devicePermission = handler
  })
  readonly webRequest = {
    onHeadersReceived: vi.fn((handler: FakeSession['headersReceived']) => {
      this.headersReceived = handler
    })
  }
}

export class FakeProtocol {
  readonly privileged: { scheme: string; privileges?: Record<string, boolean> }[] = []
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>()
  readonly registerSchemesAsPrivileged = vi.fn((schemes: FakeProtocol['privileged']) => {
    this.privileged.push(...schemes)
  })
  readonly handle = vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    if (this.handlers.has(scheme)) throw new Error(`second handler for ${scheme}`)
    this.handlers.set(scheme, handler)
  })
}

/** Menu: keeps the template it was built from, so tests can read what the menu offers. */
export class FakeMenu {
  static current: FakeMenu | null | undefined = undefined
  constructor(readonly template: unknown[]) {}
  static readonly buildFromTemplate = vi.fn((template: unknown[]) => new FakeMenu(template))
  static readonly setApplicationMenu = vi.fn((menu: FakeMenu | null) => {
    FakeMenu.current = menu
  })
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>()
  readonly handle = vi.fn((channel: string, handler: InvokeHandler) => {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  })
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel)
  })
}

export class FakeSafeStorage {
  available = true
  backend: string = 'gnome_libsecret'
  readonly isEncryptionAvailable = vi.fn(() => this.available)
  readonly getSelectedStorageBackend = vi.fn(() => this.backend)
  /** reversible but not plaintext: XOR with a key, then a marker */
  readonly encryptString = vi.fn((plain: string) => {
    if (!this.available) throw new Error('Encryption is not available.')
    const bytes = Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)
    return Buffer.concat([Buffer.from('v10'), bytes])
  })
  readonly decryptString = vi.fn((cipher: Buffer) => {
    if (cipher.subarray(0, 3).toString() !== 'v10') {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    }
    return Buffer.from(cipher.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8')
  })
}

/** Electron's `screen`: one primary display unless a test attaches more. */
export class FakeScreen {
  displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }]
  readonly getPrimaryDisplay = vi.fn(() => this.displays[0]!)
  readonly getAllDisplays = vi.fn(() => this.displays)
}

export interface FakeElectron {
  app: FakeApp
  BrowserWindow: typeof FakeBrowserWindow
  session: { defaultSession: FakeSession }
  ipcMain: FakeIpcMain
  ipcRenderer: {
    invoke: ReturnType<typeof vi.fn>
    on: ReturnType<typeof vi.fn>
    removeListener: ReturnType<typeof vi.fn>
  }
  contextBridge: { exposeInMainWorld: ReturnType<typeof vi.fn> }
  safeStorage: FakeSafeStorage
  dialog: {
    showErrorBox: ReturnType<typeof vi.fn>
    showMessageBox: ReturnType<typeof vi.fn>
    showSaveDialog: ReturnType<typeof vi.fn>
  }
  shell: { openPath: ReturnType<typeof vi.fn>; openExternal: ReturnType<typeof vi.fn> }
  protocol: FakeProtocol
  Menu: typeof FakeMenu
  powerMonitor: EventEmitter
  crashReporter: { start: ReturnType<typeof vi.fn> }
  net: { isOnline: ReturnType<typeof vi.fn>; fetch: ReturnType<typeof vi.fn>; request: ReturnType<typeof vi.fn> }
  screen: FakeScreen
}

const KEY = '__taquillaFakeElectron'
type Holder = { [KEY]?: FakeElectron }

export function installFakeElectron(): FakeElectron {
  FakeBrowserWindow.instances = []
  FakeMenu.current = undefined
  const fake: FakeElectron = {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: new FakeSession() },
    ipcMain: new FakeIpcMain(),
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    safeStorage: new FakeSafeStorage(),
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })),
      showSaveDialog: vi.fn(async () => ({ canceled: true }))
    },
    shell: { openPath: vi.fn(), openExternal: vi.fn() },
    protocol: new FakeProtocol(),
    Menu: FakeMenu,
    powerMonitor: new EventEmitter(),
    crashReporter: { start: vi.fn() },
    net: { isOnline: vi.fn(() => true), fetch: vi.fn(), request: vi.fn() },
    screen: new FakeScreen()
  }
  ;(globalThis as Holder)[KEY] = fake
  return fake
}

/** The module object vi.mock('electron') returns; reads the installed fake lazily. */
export function fakeElectronModule(): Record<string, unknown> {
  const current = (): FakeElectron => {
    const fake = (globalThis as Holder)[KEY]
    if (!fake) throw new Error('installFakeElectron() was not called before electron was used')
    return fake
  }
  const names: (keyof FakeElectron)[] = [
    'app',
    'BrowserWindow',
    'session',
    'ipcMain',
    'ipcRenderer',
    'contextBridge',
    'safeStorage',
    'dialog',
    'shell',
    'protocol',
    'Menu',
    'powerMonitor',
    'crashReporter',
    'net',
    'screen'
  ]
  const module: Record<string, unknown> = {}
  for (const name of names) {
    Object.defineProperty(module, name, { enumerable: true, get: () => current()[name] })
  }
  module['default'] = module
  return module
}
