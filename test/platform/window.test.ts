import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeBrowserWindow, installFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule())

const { createMainWindow, windowWebPreferences } = await import('../../src/main/platform/window')

describe('createMainWindow', () => {
  beforeEach(() => {
    installFakeElectron()
  })

  it('creates a locked-down, hidden window titled Taquilla', () => {
    createMainWindow({ url: 'app://taquilla/index.html', mainDir: '/app/out/main', devTools: false })
    const window = FakeBrowserWindow.instances[0]
    expect(window).toBeDefined()
    const options = window!.options
    expect(options).toMatchObject({ title: 'Taquilla', show: false, autoHideMenuBar: true })
    expect(options['width']).toBeGreaterThanOrEqual(1024)
    expect(options['webPreferences']).toEqual({
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/out/preload/index.js'
    })
  })

  it('shows the window only when it is ready to show', () => {
    createMainWindow({ url: 'app://taquilla/index.html', mainDir: '/app/out/main', devTools: false })
    const window = FakeBrowserWindow.instances[0]!
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('loads the renderer from app://taquilla/, never from a file', () => {
    createMainWindow({ url: 'app://taquilla/index.html', mainDir: '/app/out/main', devTools: false })
    const window = FakeBrowserWindow.instances[0]!
    expect(window.loadURL).toHaveBeenCalledWith('app://taquilla/index.html')
    expect(window.loadFile).not.toHaveBeenCalled()
  })

  it('loads the dev server URL in development', () => {
    createMainWindow({ url: 'http://localhost:5173', mainDir: '/app/out/main', devTools: true })
    const window = FakeBrowserWindow.instances[0]!
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    expect(window.loadFile).not.toHaveBeenCalled()
  })

  it('resolves the preload next to the main bundle by default', () => {
    expect(windowWebPreferences('/x/out/main', { devTools: true }).preload).toBe('/x/out/preload/index.js')
  })
})
