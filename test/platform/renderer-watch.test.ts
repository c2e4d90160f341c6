import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CRASHED_PAGE_URL } from '../../src/main/platform/app-url'
import { serveAppRequest } from '../../src/main/platform/app-protocol'
import { watchRenderer } from '../../src/main/platform/renderer-watch'
import { createLogger } from '../../src/main/support/log'
import { FakeBrowserWindow, installFakeElectron, type FakeElectron } from './fake-electron'

const APP = 'app://taquilla/index.html'
let electron: FakeElectron
let window: FakeBrowserWindow
let now: number
let lines: string[]

beforeEach(() => {
  vi.useFakeTimers()
  electron = installFakeElectron()
  window = new FakeBrowserWindow({})
  now = 1_000_000
  lines = []
  watchRenderer({
    window: window as never,
    appUrl: APP,
    dialog: electron.dialog as never,
    log: createLogger((level, line) => lines.push(`${level} ${line}`)),
    now: () => now,
    hangMs: 10_000
  })
})

afterEach(() => vi.useRealTimers())

const gone = (reason: string) => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 9 })

describe('renderer crash', () => {
  it('reloads the app and logs why', () => {
    gone('crashed')
    expect(window.loadURL).toHaveBeenCalledWith(APP)
    expect(lines.join('\n')).toMatch(/error renderer gone .*"reason":"crashed"/)
  })

  it('a second crash within a minute shows the crash page instead of a reload loop', () => {
    gone('crashed')
    now += 30_000
    gone('oom')
    expect(window.loadURL).toHaveBeenLastCalledWith(CRASHED_PAGE_URL)
    // a minute later, a crash is a fresh one again
    now += 61_000
    gone('crashed')
    expect(window.loadURL).toHaveBeenLastCalledWith(APP)
  })

  it('ignores a clean exit (the window closing)', () => {
    gone('clean-exit')
    expect(window.loadURL).not.toHaveBeenCalled()
  })

  it('the crash page is plain HTML with a Reload link back to the app', async () => {
    const page = await serveAppRequest(new Request(CRASHED_PAGE_URL), '/nonexistent')
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain(`<a href="${APP}"`)
    expect(html).toMatch(/Recargar \/ Reload/)
    expect(html).not.toMatch(/<script|style=/)
  })
})

describe('renderer hang', () => {
  it('after 10 s unresponsive, offers to reload; "Reload" ends the renderer, which loads the app again', async () => {
    electron.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false })
    window.emit('unresponsive')
    await vi.advanceTimersByTimeAsync(9_999)
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce()
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalled()
    // the kill we asked for is not counted as a crash: the next real crash still reloads
    gone('killed')
    expect(window.loadURL).toHaveBeenLastCalledWith(APP)
    now += 5_000
    gone('crashed')
    expect(window.loadURL).toHaveBeenLastCalledWith(APP)
  })

  it('a renderer that answers again in time is left alone; "Wait" changes nothing', async () => {
    window.emit('unresponsive')
    await vi.advanceTimersByTimeAsync(5_000)
    window.emit('responsive')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled()
    window.emit('unresponsive')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce()
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled()
  })
})
