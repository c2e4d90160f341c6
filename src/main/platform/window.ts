import { join } from 'node:path'
import { BrowserWindow, type WebPreferences } from 'electron'
import type { Logger } from '../support/log'

/** The one place the renderer's privileges are decided. See security.ts for the rest. */
export function windowWebPreferences(mainDir: string, options: { devTools: boolean }): WebPreferences {
  return {
    // packaged builds: no DevTools at all (the menu has no entry either, see menu.ts)
    devTools: options.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload: join(mainDir, '../preload/index.js')
  }
}

export interface MainWindowOptions {
  /** the app's own URL (app-url.ts rendererUrl): app://taquilla/index.html or the dev server */
  url: string
  /** false in packaged builds */
  devTools: boolean
  /** directory of the built main bundle (out/main) */
  mainDir?: string
  log?: Logger
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const mainDir = options.mainDir ?? __dirname
  const window = new BrowserWindow({
    title: 'Taquilla',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: windowWebPreferences(mainDir, { devTools: options.devTools })
  })
  window.once('ready-to-show', () => window.show())

  window
    .loadURL(options.url)
    .catch((cause: unknown) => options.log?.error('renderer failed to load', { error: String(cause) }))
  return window
}
