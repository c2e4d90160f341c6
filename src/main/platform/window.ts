import { join } from 'node:path'
import { BrowserWindow, type WebPreferences } from 'electron'
import type { Logger } from '../support/log'
import { rendererIndexPath } from './app-url'

/** The one place the renderer's privileges are decided. See security.ts for the rest. */
export function windowWebPreferences(mainDir: string): WebPreferences {
  return {
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
  /** the app's own URL (app-url.ts rendererUrl) */
  url: string
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
    webPreferences: windowWebPreferences(mainDir)
  })
  window.once('ready-to-show', () => window.show())

  const loading = options.url.startsWith('file:')
    ? window.loadFile(rendererIndexPath(mainDir))
    : window.loadURL(options.url)
  loading.catch((cause: unknown) => options.log?.error('renderer failed to load', { error: String(cause) }))
  return window
}
