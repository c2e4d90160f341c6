import { join } from 'node:path'
// The Node flavour: the main flavour would also listen for renderer log IPC, which we don't use.
import electronLog from 'electron-log/node'
import { createLogger, type Logger, type LogLevel, type LogSink } from '../support/log'

export const logFilePath = (dataDir: string): string => join(dataDir, 'logs', 'taquilla.log')

/** electron-log as a LogSink: a rotating file in the data dir, the console in development. */
export function createLogSink(options: { dataDir: string; dev: boolean }): LogSink {
  const log = electronLog.create({ logId: 'taquilla' })
  log.transports.file.resolvePathFn = () => logFilePath(options.dataDir)
  log.transports.file.level = 'info'
  log.transports.file.maxSize = 5 * 1024 * 1024
  log.transports.console.level = options.dev ? 'debug' : false
  const write: Record<LogLevel, (line: string) => void> = {
    debug: (line) => log.debug(line),
    info: (line) => log.info(line),
    warn: (line) => log.warn(line),
    error: (line) => log.error(line)
  }
  return (level, line) => write[level](line)
}

/** The app's Logger; `secrets()` is read per line so a changed password is scrubbed at once. */
export function createAppLogger(options: { dataDir: string; dev: boolean; secrets: () => readonly string[] }): Logger {
  return createLogger(createLogSink(options), options.secrets)
}

/**
 * Uncaught exceptions and unhandled rejections in main go through electron-log's error
 * handler into our Logger (so they are scrubbed like every other line); no dialog — the
 * process keeps serving the counter where it can. Returns the function that stops catching.
 */
export function catchMainErrors(log: Logger, handler = electronLog.errorHandler): () => void {
  handler.startCatching({
    showDialog: false,
    onError: ({ error, errorName }) => {
      log.error('main process error', { kind: errorName || 'Unhandled', error: error?.stack ?? String(error) })
      return false // written above, through the scrubbing logger
    }
  })
  return () => handler.stopCatching()
}

interface SecretSource {
  secretValues(): string[]
  onChange(listener: () => void): () => void
}

/**
 * The strings the logger must never write: the Luka password and the LuxCore key (stored or from env).
 * Cached and refreshed on settings changes: reading it per line would decrypt per line, and a
 * decryption failure that logs would recurse into itself.
 */
export class ScrubList {
  private values: readonly string[] = []
  readonly current = (): readonly string[] => this.values

  track(settings: SecretSource): () => void {
    const refresh = (): void => {
      try {
        this.values = settings.secretValues()
      } catch {
        // keep the previous list; better stale than empty
      }
    }
    refresh()
    return settings.onChange(refresh)
  }
}
