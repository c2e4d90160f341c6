import { BrowserWindow, type Display, type Screen } from 'electron'
import type { OperationName } from '@shared/operations'
import type { Logger } from '../support/log'
import { windowWebPreferences } from './window'

/**
 * The customer display: a second window facing the customer. Same webPreferences as the main
 * window (contextIsolation, sandbox, the same CSP and navigation guards from security.ts), and
 * IPC from it is refused for everything but reading what to show (index.ts's sender check).
 */
export const CUSTOMER_OPERATIONS: readonly OperationName[] = ['display.get']

/** The page: customer.html beside the app's index.html (file:// or the dev server). */
export function customerPageUrl(appUrl: string): string {
  return new URL('customer.html', appUrl.replace(/index\.html(?=$|[?#])/, '')).href
}

/** A display other than the primary one (the customer's screen), if one is attached. */
export function customerDisplay(screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>): Display | null {
  const primary = screen.getPrimaryDisplay()
  return screen.getAllDisplays().find((display) => display.id !== primary.id) ?? null
}

export interface CustomerWindowOptions {
  /** the app's own URL (app-url.ts rendererUrl) */
  appUrl: string
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>
  mainDir?: string
  log?: Logger
}

export function createCustomerWindow(options: CustomerWindowOptions): BrowserWindow {
  const mainDir = options.mainDir ?? __dirname
  const display = customerDisplay(options.screen)
  const bounds = display?.bounds
  const window = new BrowserWindow({
    title: 'Taquilla — cliente',
    width: bounds?.width ?? 800,
    height: bounds?.height ?? 600,
    ...(bounds ? { x: bounds.x, y: bounds.y, fullscreen: true } : {}),
    show: false,
    autoHideMenuBar: true,
    // never takes the teller's keyboard away from the main window
    focusable: false,
    backgroundColor: '#ffffff',
    webPreferences: windowWebPreferences(mainDir)
  })
  window.once('ready-to-show', () => window.showInactive())
  const url = customerPageUrl(options.appUrl)
  window
    .loadURL(url)
    .catch((cause: unknown) => options.log?.error('customer display failed to load', { error: String(cause) }))
  options.log?.info('customer display opened', { display: display?.id ?? 'primary' })
  return window
}

export interface CustomerDisplayControl {
  /** the open customer window, for the sender check */
  window: () => BrowserWindow | null
  close: () => void
}

/**
 * Opens the customer window while the setting (or TAQUILLA_CUSTOMER_DISPLAY=1) says so, and
 * closes it when it is turned off. It hears one event only, `display.updated`: nothing else
 * main says (payments, decisions, settings) ever reaches the customer's screen.
 */
export function followCustomerDisplay(
  options: CustomerWindowOptions & {
    enabled: () => boolean
    onSettingsChange: (listener: () => void) => () => void
    forward: (contents: BrowserWindow['webContents']) => () => void
  }
): CustomerDisplayControl {
  let window: BrowserWindow | null = null
  const sync = (): void => {
    if (options.enabled() && !window) {
      const opened = createCustomerWindow(options)
      window = opened
      const stop = options.forward(opened.webContents)
      opened.on('closed', () => {
        stop()
        if (window === opened) window = null
      })
    } else if (!options.enabled() && window) {
      window.close()
    }
  }
  const off = options.onSettingsChange(sync)
  sync()
  return {
    window: () => window,
    close: () => {
      off()
      window?.close()
    }
  }
}
