import type { UpdateStatus } from '@shared/contract'
import { silentLogger, type Logger } from '../support/log'
import type { UpdateEngine } from './engine'

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000

export type Waiting = NonNullable<UpdateStatus['waiting']>

export interface UpdateManagerOptions {
  /** absent (browser mode, an unpackaged app): never checks */
  engine?: UpdateEngine
  /** TAQUILLA_UPDATE_URL, else the setting; '' = no checks */
  feedUrl: () => string
  /** why installing now would hurt: a shift open, or decisions still in the outbox */
  waiting: () => Waiting | null
  emit: (status: UpdateStatus) => void
  log?: Logger
  /** setInterval, unref'd; tests pass their own */
  every?: (ms: number, run: () => void) => () => void
}

const unrefInterval = (ms: number, run: () => void): (() => void) => {
  const timer = setInterval(run, ms)
  timer.unref()
  return () => clearInterval(timer)
}

/** electron-updater's words for "the feed could not be reached" (Node codes, Electron net:: errors, HTTP status). */
function failureOf(cause: unknown): NonNullable<UpdateStatus['failure']> {
  const error = cause as { code?: unknown; statusCode?: unknown; message?: unknown }
  const message = String(error?.message ?? cause)
  if (error?.code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message)) return 'integrity'
  if (
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ERR_UPDATER_CHANNEL_FILE_NOT_FOUND)$/.test(
      String(error?.code)
    ) ||
    (typeof error?.statusCode === 'number' && error.statusCode >= 400) ||
    /net::ERR_|HttpError|socket hang up/.test(message)
  )
    return 'feedDown'
  return 'other'
}

/**
 * The app's updates as a small state machine: check at start and every 4 hours, download in the
 * background with progress, then wait — installed only on quit or when the teller asks, and
 * only with no shift open and an empty outbox. A failed check or download (feed down, a file
 * that does not match its sha512) is shown and retried at the next check; nothing is installed.
 */
export class UpdateManager {
  private current: UpdateStatus = { state: 'off', version: null, percent: null, waiting: null, failure: null }
  private stopTimer: (() => void) | null = null
  private feed = ''
  private running: Promise<void> | null = null

  constructor(private readonly options: UpdateManagerOptions) {}

  status(): UpdateStatus {
    return this.current
  }

  start(): void {
    this.stopTimer = (this.options.every ?? unrefInterval)(CHECK_EVERY_MS, () => void this.check())
    void this.check()
  }

  stop(): void {
    this.stopTimer?.()
    this.stopTimer = null
  }

  /** One check (and download); a check already under way is joined, not repeated. */
  check(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = null))
    return this.running
  }

  /** The teller asked: install now (the app restarts) unless it would hurt; then say why it waits. */
  install(): UpdateStatus {
    this.refresh()
    if (this.current.state === 'ready' && this.current.waiting === null) this.installNow(true)
    return this.current
  }

  /** The app is quitting: install the ready update if nothing waits on this counter. True when it does. */
  installOnQuit(): boolean {
    this.refresh()
    if (this.current.state !== 'ready' || this.current.waiting !== null) return false
    this.installNow(false)
    return true
  }

  /** A shift or the outbox changed: a ready update may now wait, or stop waiting. */
  refresh(): void {
    if (this.current.state !== 'ready') return
    const waiting = this.options.waiting()
    if (waiting !== this.current.waiting) this.set({ waiting })
  }

  private installNow(relaunch: boolean): void {
    this.options.log?.info('update: installing', { version: this.current.version, relaunch })
    this.set({ state: 'installing' })
    this.options.engine!.install(relaunch)
  }

  private async run(): Promise<void> {
    const { engine } = this.options
    const url = this.options.feedUrl().trim()
    if (!engine || url === '') return this.set({ state: 'off', version: null, percent: null, failure: null })
    if (this.current.state === 'ready' && url === this.feed) return // already downloaded; checked again after the restart
    if (this.current.state === 'installing') return
    const log = this.options.log ?? silentLogger
    try {
      if (url !== this.feed) engine.setFeed(url)
      this.feed = url
      this.set({ state: 'checking', failure: null })
      const version = await engine.check()
      if (version === null) return this.set({ state: 'current', version: null, percent: null })
      this.set({ state: 'downloading', version, percent: 0 })
      await engine.download((percent) => this.set({ percent: Math.max(0, Math.min(100, percent)) }))
      log.info('update: downloaded', { version })
      this.set({ state: 'ready', percent: 100, waiting: this.options.waiting() })
    } catch (cause) {
      const failure = failureOf(cause)
      log.warn('update: failed', { failure, error: cause instanceof Error ? cause.message : String(cause) })
      this.set({ state: 'failed', percent: null, failure })
    }
  }

  private set(change: Partial<UpdateStatus>): void {
    const next = { ...this.current, ...change }
    if (next.state !== 'ready' && next.state !== 'installing') next.waiting = null
    if (JSON.stringify(next) === JSON.stringify(this.current)) return
    this.current = next
    this.options.emit(next)
  }
}
