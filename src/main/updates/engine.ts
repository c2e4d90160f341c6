/**
 * What the update manager needs from an updater, and the adapter from electron-updater's
 * AppUpdater to it. Structural types only: no import of electron-updater (or electron) here, so
 * the same adapter runs in Node tests around a real electron-updater instance and a fake feed.
 */
export interface UpdateEngine {
  /** the generic feed: a folder holding latest.yml (latest-mac.yml, latest-linux.yml) and the files */
  setFeed(url: string): void
  /** the newer version on the feed, or null when this one is current */
  check(): Promise<string | null>
  /** downloads the found version; electron-updater refuses a file whose sha512 differs from the feed's */
  download(onProgress: (percent: number) => void): Promise<void>
  /** quits and installs; `relaunch` starts the new version afterwards */
  install(relaunch: boolean): void
}

type ProgressListener = (info: { percent: number }) => void

/** The part of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>
  downloadUpdate(): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
  on(event: 'download-progress', listener: ProgressListener): unknown
  removeListener(event: 'download-progress', listener: ProgressListener): unknown
}

export function electronUpdaterEngine(updater: UpdaterLike): UpdateEngine {
  // the manager decides when to download and when installing cannot hurt: never on its own
  updater.autoDownload = false
  updater.autoInstallOnAppQuit = false
  return {
    setFeed: (url) => updater.setFeedURL({ provider: 'generic', url }),
    async check() {
      const result = await updater.checkForUpdates()
      return result?.isUpdateAvailable ? result.updateInfo.version : null
    },
    async download(onProgress) {
      const listener: ProgressListener = (info) => onProgress(info.percent)
      updater.on('download-progress', listener)
      try {
        await updater.downloadUpdate()
      } finally {
        updater.removeListener('download-progress', listener)
      }
    },
    // silent: the teller already said yes (or is quitting); electron-updater quits the app itself
    install: (relaunch) => updater.quitAndInstall(true, relaunch)
  }
}
