import { randomBytes } from 'node:crypto'
import { request, type ClientRequest, type RequestOptions } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HttpExecutor, configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime'
import { AppImageUpdater } from 'electron-updater'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../src/shared/contract'
import { electronUpdaterEngine } from '../../src/main/updates/engine'
import { CHECK_EVERY_MS, UpdateManager, type Waiting } from '../../src/main/updates/manager'
import { FakeUpdateFeed } from '../fakes/fake-update-feed'

/**
 * The update state machine against a local feed, with the REAL electron-updater doing the
 * checking, downloading and sha512 verification (its Linux AppImage updater, given a Node HTTP
 * client and an app description instead of Electron's). Only the final install is recorded
 * instead of run: that step replaces the running app.
 */
class NodeHttp extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void): ClientRequest {
    return request(options, callback)
  }

  /** ElectronHttpExecutor.download, line for line: the base class's doDownload checks the sha512 */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers || undefined, redirect: 'manual' }
      configureRequestUrl(url, requestOptions)
      configureRequestOptions(requestOptions)
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null
        },
        0
      )
    })
  }
}

let feed: FakeUpdateFeed
let dir: string
let installs: { silent?: boolean; relaunch?: boolean }[]
let statuses: UpdateStatus[]
let waiting: Waiting | null
let scheduled: number[]
let manager: UpdateManager
const savedAppImage = process.env['APPIMAGE']

function realUpdater(): AppImageUpdater {
  writeFileSync(
    join(dir, 'app-update.yml'),
    'provider: generic\nurl: https://updates.invalid/\nupdaterCacheDirName: taquilla-updater\n'
  )
  const updater = new AppImageUpdater(null, {
    version: '0.1.0',
    name: 'Taquilla',
    isPackaged: true,
    appUpdateConfigPath: join(dir, 'app-update.yml'),
    userDataPath: dir,
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined
  })
  ;(updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttp()
  updater.logger = null
  // a full download: no older AppImage to diff against
  updater.disableDifferentialDownload = true
  updater.quitAndInstall = (silent?: boolean, relaunch?: boolean) => void installs.push({ silent, relaunch })
  return updater
}

beforeEach(async () => {
  feed = new FakeUpdateFeed()
  await feed.start()
  dir = mkdtempSync(join(tmpdir(), 'taquilla-updates-'))
  // electron-updater's AppImage updater works only inside an AppImage: point it at a stand-in
  process.env['APPIMAGE'] = join(dir, 'Taquilla-0.1.0.AppImage')
  writeFileSync(process.env['APPIMAGE'], 'the running version')
  installs = []
  statuses = []
  waiting = null
  scheduled = []
  manager = new UpdateManager({
    engine: electronUpdaterEngine(realUpdater()),
    feedUrl: () => feed.url,
    waiting: () => waiting,
    emit: (status) => statuses.push(status),
    every: (ms) => {
      scheduled.push(ms)
      return () => undefined
    }
  })
})

afterEach(async () => {
  manager.stop()
  await feed.stop()
  rmSync(dir, { recursive: true, force: true })
  if (savedAppImage === undefined) delete process.env['APPIMAGE']
  else process.env['APPIMAGE'] = savedAppImage
})

const downloaded = (): string[] => {
  const cache = join(dir, 'cache', 'taquilla-updater', 'pending')
  return existsSync(cache) ? readdirSync(cache).filter((name) => name.endsWith('.AppImage')) : []
}

describe('updates: electron-updater against a local feed', () => {
  it('no update: the feed offers this version → current, nothing downloaded; checks again every 4 hours', async () => {
    feed.publish('0.1.0', randomBytes(1024))
    manager.start()
    await manager.check()
    expect(scheduled).toEqual([CHECK_EVERY_MS])
    expect(CHECK_EVERY_MS).toBe(4 * 60 * 60 * 1000)
    expect(statuses.map((status) => status.state)).toEqual(['checking', 'current'])
    expect(feed.requests).toEqual(['/taquilla/latest-linux.yml'])
    expect(downloaded()).toEqual([])
  })

  it('update found: downloads in the background with progress, then ready (version), verified file kept', async () => {
    const release = randomBytes(384 * 1024)
    feed.publish('0.2.0', release)
    await manager.check()
    const states = statuses.map((status) => status.state)
    expect(states[0]).toBe('checking')
    expect(states).toContain('downloading')
    const progress = statuses.filter((status) => status.state === 'downloading').map((status) => status.percent!)
    expect(progress[0]).toBe(0)
    // the file comes in 6 pieces 300 ms apart; electron-updater reports about once a second
    expect(
      progress.some((percent) => percent > 0 && percent < 100),
      JSON.stringify(progress)
    ).toBe(true)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(manager.status()).toEqual({ state: 'ready', version: '0.2.0', percent: 100, waiting: null, failure: null })
    expect(downloaded()).toEqual(['Taquilla-0.2.0.AppImage'])
    const file = join(dir, 'cache', 'taquilla-updater', 'pending', 'Taquilla-0.2.0.AppImage')
    expect(readFileSync(file).equals(release)).toBe(true)
    expect(installs).toEqual([])
  })

  it('install is refused while a shift is open or the outbox is not empty, and says why; then it installs', async () => {
    feed.chunkPauseMs = 0
    feed.publish('0.2.0', randomBytes(4096))
    waiting = 'shiftOpen'
    await manager.check()
    expect(manager.status()).toMatchObject({ state: 'ready', version: '0.2.0', waiting: 'shiftOpen' })
    expect(manager.install()).toMatchObject({ state: 'ready', waiting: 'shiftOpen' })
    expect(manager.installOnQuit()).toBe(false)

    waiting = 'outboxNotEmpty' // shift closed, a decision still queued
    manager.refresh()
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', waiting: 'outboxNotEmpty' })
    expect(manager.install()).toMatchObject({ waiting: 'outboxNotEmpty' })
    expect(manager.installOnQuit()).toBe(false)
    expect(installs).toEqual([])

    waiting = null
    manager.refresh()
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', waiting: null })
    expect(manager.install()).toMatchObject({ state: 'installing', version: '0.2.0' })
    // silent (the teller already said yes) and restarted into the new version
    expect(installs).toEqual([{ silent: true, relaunch: true }])
    expect(manager.installOnQuit()).toBe(false) // once
  })

  it('on quit with nothing waiting: installs without restarting', async () => {
    feed.chunkPauseMs = 0
    feed.publish('0.2.0', randomBytes(4096))
    await manager.check()
    expect(manager.installOnQuit()).toBe(true)
    expect(installs).toEqual([{ silent: true, relaunch: false }])
  })

  it('feed down (connection refused, then HTTP 500): failed with feedDown, nothing installed; the next check recovers', async () => {
    feed.publish('0.2.0', randomBytes(4096))
    feed.chunkPauseMs = 0
    await feed.stop()
    await manager.check()
    expect(manager.status()).toMatchObject({ state: 'failed', failure: 'feedDown', version: null })

    await feed.start()
    feed.inject('feed', 'error')
    await manager.check()
    expect(manager.status()).toMatchObject({ state: 'failed', failure: 'feedDown' })
    expect(manager.install()).toMatchObject({ state: 'failed' })

    await manager.check()
    expect(manager.status()).toMatchObject({ state: 'ready', version: '0.2.0', failure: null })
    expect(installs).toEqual([])
  })

  it('sha512 mismatch: the download is refused, never ready, never installed, no file kept', async () => {
    feed.chunkPauseMs = 0
    feed.publish('0.2.0', randomBytes(64 * 1024))
    feed.inject('file', 'corrupt')
    await manager.check()
    expect(manager.status()).toMatchObject({ state: 'failed', failure: 'integrity' })
    expect(statuses.map((status) => status.state)).not.toContain('ready')
    expect(manager.install()).toMatchObject({ state: 'failed' })
    expect(manager.installOnQuit()).toBe(false)
    expect(installs).toEqual([])
    expect(downloaded()).toEqual([])
  })

  it('no feed URL: never checks (off)', async () => {
    const off = new UpdateManager({
      engine: electronUpdaterEngine(realUpdater()),
      feedUrl: () => '',
      waiting: () => null,
      emit: () => undefined
    })
    await off.check()
    expect(off.status().state).toBe('off')
    expect(feed.requests).toEqual([])
  })
})

describe('updates in the real services: the shift book and the outbox decide when it may install', () => {
  it('waits while a shift is open, then while a decision is queued; installs once both are clear', async () => {
    const { servicesFor } = await import('../helpers/services')
    const { FakeLuka } = await import('../../src/main/training/fake-luka')
    const luka = new FakeLuka()
    await luka.start()
    luka.addTransaction({ id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' })
    feed.chunkPauseMs = 0
    feed.publish('0.2.0', randomBytes(4096))
    const { services } = servicesFor(luka.url, {
      env: { TAQUILLA_UPDATE_URL: feed.url },
      // long backoff: the queued decision stays queued until we say
      retry: { baseMs: 60_000, capMs: 60_000 },
      updates: electronUpdaterEngine(realUpdater())
    })
    const events: UpdateStatus[] = []
    services.bus.subscribe((name, payload) => name === 'update.status' && events.push(payload as UpdateStatus))
    try {
      expect(await services.handlers['shift.open']({ float: [{ minor: 10_000, currency: 'USD' }] })).toMatchObject({
        ok: true
      })
      await services.updates.check()
      expect(await services.handlers['update.status'](undefined)).toEqual({
        ok: true,
        value: { state: 'ready', version: '0.2.0', percent: 100, waiting: 'shiftOpen', failure: null }
      })

      await services.handlers['luka.lookup']({ by: 'reference', value: '6567704' })
      luka.inject('notify', 'html503')
      const decided = await services.handlers['luka.decide']({
        transactionId: 96336,
        decision: 'approve',
        note: '',
        authorizationCode: ''
      })
      expect(decided).toMatchObject({ ok: true, value: { state: 'queued' } })
      const closed = await services.handlers['shift.close']({ counted: [{ minor: 11_603, currency: 'USD' }], note: '' })
      expect(closed).toMatchObject({ ok: true })
      await expect.poll(() => services.updates.status().waiting).toBe('outboxNotEmpty')
      expect(await services.handlers['update.install'](undefined)).toMatchObject({
        ok: true,
        value: { waiting: 'outboxNotEmpty' }
      })
      expect(installs).toEqual([])

      await services.handlers['luka.retryDecision']({ transactionId: 96336 })
      await expect.poll(() => services.updates.status().waiting, { timeout: 5_000 }).toBeNull()
      expect(events.at(-1)).toMatchObject({ state: 'ready', waiting: null })
      expect(await services.handlers['update.install'](undefined)).toMatchObject({
        ok: true,
        value: { state: 'installing' }
      })
      expect(installs).toEqual([{ silent: true, relaunch: true }])
    } finally {
      await services.dispose()
      await luka.stop()
    }
  })
})
