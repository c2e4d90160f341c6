import type { BrowserWindow, Dialog, RenderProcessGoneDetails } from 'electron'
import type { Logger } from '../support/log'
import { CRASHED_PAGE_URL } from './app-url'

export interface RendererWatchDeps {
  window: Pick<BrowserWindow, 'on' | 'isDestroyed' | 'loadURL'> & {
    webContents: Pick<BrowserWindow['webContents'], 'on' | 'reload' | 'forcefullyCrashRenderer'>
  }
  /** the app's own URL, loaded again after a crash */
  appUrl: string
  dialog: Pick<Dialog, 'showMessageBox'>
  log: Logger
  now?: () => number
  /** how long a hang lasts before the teller is offered a reload; 10 s */
  hangMs?: number
}

/** Two crashes within this window: stop reloading (a loop helps nobody), show the crash page. */
export const CRASH_WINDOW_MS = 60_000

/**
 * Keeps the teller out of a white window. A renderer that dies is reloaded and the reason
 * logged; a second death within a minute shows a plain page with a Reload link instead of a
 * loop. A renderer that hangs for 10 s gets a dialog offering to reload it.
 */
export function watchRenderer(deps: RendererWatchDeps): void {
  const now = deps.now ?? Date.now
  const hangMs = deps.hangMs ?? 10_000
  let lastCrash = -Infinity
  let killedByUs = false
  let hang: NodeJS.Timeout | null = null
  let asking = false

  deps.window.webContents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    if (deps.window.isDestroyed() || details.reason === 'clean-exit') return
    const at = now()
    const expected = killedByUs
    killedByUs = false
    const again = !expected && at - lastCrash < CRASH_WINDOW_MS
    if (!expected) lastCrash = at
    deps.log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode, again, afterHang: expected })
    const url = again ? CRASHED_PAGE_URL : deps.appUrl
    deps.window.loadURL(url).catch((cause: unknown) => deps.log.error('reload failed', { error: String(cause) }))
  })

  const clearHang = (): void => {
    if (hang) clearTimeout(hang)
    hang = null
  }
  deps.window.on('unresponsive', () => {
    if (hang || asking) return
    hang = setTimeout(() => {
      hang = null
      void offerReload()
    }, hangMs)
  })
  deps.window.on('responsive', clearHang)
  deps.window.on('closed', clearHang)

  const offerReload = async (): Promise<void> => {
    if (deps.window.isDestroyed()) return
    asking = true
    deps.log.warn('renderer unresponsive', { forMs: hangMs })
    try {
      const { response } = await deps.dialog.showMessageBox(deps.window as BrowserWindow, {
        type: 'warning',
        title: 'Taquilla',
        message: 'Taquilla no responde. / Taquilla is not responding.',
        detail:
          'Puede esperar o recargar la ventana; lo que está en la cola de envíos no se pierde.\n' +
          'You can wait or reload the window; nothing in the outbox is lost.',
        buttons: ['Recargar / Reload', 'Esperar / Wait'],
        defaultId: 0,
        cancelId: 1,
        noLink: true
      })
      if (response !== 0 || deps.window.isDestroyed()) return
      deps.log.warn('renderer reloaded after a hang')
      // a hung renderer may not obey reload(): end it; render-process-gone loads the app again
      killedByUs = true
      deps.window.webContents.forcefullyCrashRenderer()
    } finally {
      asking = false
    }
  }
}
