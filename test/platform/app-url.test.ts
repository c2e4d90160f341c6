import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL, isAppUrl, rendererDir, rendererUrl } from '../../src/main/platform/app-url'

const devApp = 'http://localhost:5173'

describe('rendererUrl', () => {
  it('is app://taquilla/index.html when packaged, whatever the environment says', () => {
    const url = rendererUrl({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'https://evil.example' } })
    expect(url).toBe('app://taquilla/index.html')
  })

  it('is the dev server in development', () => {
    expect(rendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: devApp } })).toBe(devApp)
  })

  it('is the app scheme when not packaged and no dev server is set', () => {
    expect(rendererUrl({ isPackaged: false, env: {} })).toBe(APP_INDEX_URL)
  })

  it('serves the built renderer next to main', () => {
    expect(rendererDir('/x/out/main')).toBe('/x/out/renderer')
  })
})

describe('isAppUrl', () => {
  it.each([
    [APP_INDEX_URL, true],
    [`${APP_INDEX_URL}#/settings`, true],
    [`${APP_INDEX_URL}?a=1`, true],
    ['app://taquilla/assets/index-abc.js', true],
    ['app://evil/index.html', false],
    ['app://taquilla.evil/index.html', false],
    ['app://user@taquilla/index.html', false],
    // file:// is never the app: the renderer is not served from it any more
    [pathToFileURL('/opt/Taquilla/resources/app.asar/out/renderer/index.html').href, false],
    ['file:///etc/passwd', false],
    ['https://taquilla/index.html', false],
    ['not a url', false],
    ['', false]
  ])('app scheme: %s -> %s', (url, expected) => {
    expect(isAppUrl(url, APP_INDEX_URL)).toBe(expected)
  })

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/main.tsx?t=1', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['http://localhost:5173.evil.example/', false],
    [APP_INDEX_URL, false],
    ['javascript:alert(1)', false]
  ])('dev app: %s -> %s', (url, expected) => {
    expect(isAppUrl(url, devApp)).toBe(expected)
  })

  it('trusts nothing when the app URL is not http(s) or app://', () => {
    expect(isAppUrl('data:text/html,hi', 'data:text/html,hi')).toBe(false)
    expect(isAppUrl('file:///x/index.html', 'file:///x/index.html')).toBe(false)
  })
})
