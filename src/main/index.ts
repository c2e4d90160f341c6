import { join, resolve } from 'node:path'
import {
  app,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  type BrowserWindow
} from 'electron'
import { AppFailure } from '@shared/errors'
import { startRuntime, type Runtime } from './runtime'
import { fillSentence, lockedSentence, unwritableSentence } from '@shared/startup-text'
import { rendererDir, rendererUrl } from './platform/app-url'
import { registerAppScheme, serveApp } from './platform/app-protocol'
import { applyAppMenu } from './platform/menu'
import { watchOsLock } from './platform/lock-signals'
import { watchNetworkBack } from './platform/network-signals'
import { netTransport } from './platform/net-transport'
import { createMainWindow } from './platform/window'
import { createPdfSaver } from './platform/print'
import { createReceiptPrinter } from './platform/printer'
import { applySecurity } from './platform/security'
import { CUSTOMER_OPERATIONS, customerPageUrl, followCustomerDisplay } from './platform/customer-window'
import { createSenderCheck, forwardEvents, registerIpc, windowsSenderCheck } from './platform/ipc'
import { SafeStorageSecretStore } from './platform/secrets'
import { ElectronKeyValueStore } from './platform/store'
import { ScrubList, catchMainErrors, createAppLogger } from './platform/log'
import { watchRenderer } from './platform/renderer-watch'
import { createUpdateEngine } from './platform/updater'

/** TAQUILLA_DATA_DIR (provisioning, tests) else the platform's userData. */
function resolveDataDir(): string {
  const fromEnv = process.env['TAQUILLA_DATA_DIR']?.trim()
  if (!fromEnv) return app.getPath('userData')
  const dataDir = resolve(fromEnv)
  // before the single-instance lock: the lock lives in userData, so one lock per data dir
  app.setPath('userData', dataDir)
  return dataDir
}

function fail(cause: unknown): void {
  const english = (process.env['TAQUILLA_LANG'] ?? '').trim() === 'en'
  // by name as well: a failure from another copy of the module (tests reload main) is still ours
  const error =
    cause instanceof AppFailure || (cause as Error | null)?.name === 'AppFailure' ? (cause as AppFailure).error : null
  // the same sentence the renderer shows for this code, with the folder, lock file and pid
  const sentence =
    error?.code === 'OUTBOX_LOCKED' ? lockedSentence : error?.code === 'STORAGE_UNWRITABLE' ? unwritableSentence : null
  const detail = sentence
    ? fillSentence(english ? sentence.en : sentence.es, error?.detail)
    : error?.code === 'DATA_DIR_MODE'
      ? english
        ? 'This data folder belongs to the other mode (training or real): the books never mix.'
        : 'Esta carpeta de datos es del otro modo (entrenamiento o real): los libros no se mezclan.'
      : cause instanceof Error
        ? cause.message
        : String(cause)
  const title = english ? 'Taquilla could not start.' : 'No se pudo iniciar Taquilla.'
  dialog.showErrorBox('Taquilla', `${title}\n\n${detail}`)
  app.exit(1)
}

/** Electron entry: lifecycle only. Everything else is built by createServices. */
export function main(): void {
  app.enableSandbox() // every renderer, whatever its webPreferences say
  registerAppScheme(protocol) // before ready: app://taquilla/ is where the renderer lives
  const dataDir = resolveDataDir()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // native crash dumps (main, renderer, GPU) kept in the data directory; nothing is uploaded
  app.setPath('crashDumps', join(dataDir, 'crashes'))
  crashReporter.start({ uploadToServer: false, submitURL: '', compress: true })

  let window: BrowserWindow | null = null
  let runtime: Runtime | null = null

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  // a counter app: closing the window ends the session, macOS included
  app.on('window-all-closed', () => app.quit())

  // a downloaded update is installed on quit only when no shift is open and the outbox is empty
  // (UpdateManager); electron-updater then runs the installer once the app is gone
  app.on('before-quit', () => runtime?.services.updates.installOnQuit())

  let disposed = false
  app.on('will-quit', (event) => {
    if (disposed || !runtime) return
    event.preventDefault()
    disposed = true
    const quit = (): void => app.quit()
    runtime.dispose().then(quit, quit)
  })

  const start = async (): Promise<void> => {
    const scrub = new ScrubList()
    const log = createAppLogger({ dataDir, dev: !app.isPackaged, secrets: scrub.current })
    catchMainErrors(log)
    const savePdf = createPdfSaver(() => window, dialog)
    const started = await startRuntime({
      mode: 'electron',
      version: app.getVersion(),
      dataDir,
      argv: process.argv, // `npm start -- --training` reaches here through electron-vite's `--`
      openStore: (dir) => ElectronKeyValueStore.open(dir),
      secretsFor: (store) => new SafeStorageSecretStore(safeStorage, store, log),
      env: process.env,
      log,
      savePdf,
      printer: createReceiptPrinter(() => window),
      transport: netTransport(net),
      updates: createUpdateEngine({ isPackaged: app.isPackaged, log }),
      // modes never switch while running: start again (relaunch keeps the command line)
      restart: () =>
        setTimeout(() => {
          app.relaunch()
          app.quit()
        }, 50)
    }).catch((cause: unknown) => {
      // the reason goes to the log before the error box
      log.error('startup failed', { error: cause instanceof Error ? cause.message : String(cause) })
      throw cause
    })
    runtime = started
    const services = started.services
    scrub.track(services.settings)
    const built = services
    const stopSignals = watchNetworkBack({ powerMonitor, net, onBack: (reason) => built.networkBack(reason) })
    app.once('will-quit', stopSignals)
    const stopOsLock = watchOsLock({ powerMonitor, lock: (reason) => built.lock(reason) })
    app.once('will-quit', stopOsLock)

    const appUrl = rendererUrl({ isPackaged: app.isPackaged, env: process.env })
    serveApp(protocol, rendererDir(__dirname))
    applyAppMenu(Menu, app.isPackaged)
    applySecurity(app, session.defaultSession, appUrl, log)
    const settings = services.settings
    const bus = services.bus
    const customer = followCustomerDisplay({
      appUrl,
      screen,
      log,
      enabled: () => settings.effective().customerDisplay,
      onSettingsChange: (listener) => settings.onChange(listener),
      forward: (contents) => forwardEvents(bus, contents, ['display.updated'])
    })
    registerIpc(
      ipcMain,
      services.handlers,
      windowsSenderCheck(
        createSenderCheck(() => window, appUrl),
        createSenderCheck(customer.window, customerPageUrl(appUrl), true),
        CUSTOMER_OPERATIONS
      ),
      log
    )

    const opened = createMainWindow({ url: appUrl, devTools: !app.isPackaged, log })
    window = opened
    watchRenderer({ window: opened, appUrl, dialog, log })
    const stopForwarding = forwardEvents(services.bus, opened.webContents)
    opened.on('closed', () => {
      stopForwarding()
      window = null
      customer.close() // the counter's window closed: the session ends, the customer's screen too
    })
    log.info('taquilla started', {
      version: app.getVersion(),
      dataDir: started.dataDir,
      training: started.training,
      packaged: app.isPackaged
    })
  }

  app.whenReady().then(start).catch(fail)
}

main()
