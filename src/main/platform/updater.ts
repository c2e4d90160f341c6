import { autoUpdater } from 'electron-updater'
import type { Logger } from '../support/log'
import { electronUpdaterEngine, type UpdateEngine } from '../updates/engine'

/**
 * electron-updater for the packaged app (NSIS on Windows, zip on macOS, AppImage / deb on Linux),
 * behind the UpdateEngine interface; the state machine is src/main/updates/manager.ts. An
 * unpackaged app (npm start) gets none: electron-updater would skip every check there anyway.
 */
export function createUpdateEngine(options: { isPackaged: boolean; log: Logger }): UpdateEngine | undefined {
  if (!options.isPackaged) return undefined
  const { log } = options
  // its own messages go to our log (scrubbed), prefixed so they are easy to find
  autoUpdater.logger = {
    info: (message?: unknown) => log.info(`electron-updater: ${String(message)}`),
    warn: (message?: unknown) => log.warn(`electron-updater: ${String(message)}`),
    error: (message?: unknown) => log.error(`electron-updater: ${String(message)}`),
    debug: (message: string) => log.debug(`electron-updater: ${message}`)
  }
  return electronUpdaterEngine(autoUpdater)
}
