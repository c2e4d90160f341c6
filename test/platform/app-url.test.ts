import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppUrl, rendererIndexPath, rendererUrl } from '../../src/main/platform/app-url'

const indexHtml = rendererIndexPath('/opt/Taquilla/resources/app.asar/out/main')
const fileApp = pathToFileURL(indexHtml).href
const devApp = 'http://localhost:5173'

describe('rendererUrl', () => {
  it('is the built index.html next to main when packaged, whatever the environment says', () => {
    const url = rendererUrl({
      isPackaged: true,
      env: { ELECTRON_RENDERER_URL: 'https://evil.example' },
      mainDir: '/opt/Taquilla/resources/app.asar/out/main'
    })
    expect(url).toBe(fileApp)
    expect(url).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html$/)
  })

  it('is the dev server in development', () => {
    expect(rendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: devApp }, mainDir: '/x/out/main' })).toBe(
      devApp
    )
  })

  it('falls back to the file when not packaged and no dev server is set', () => {
    expect(rendererUrl({ isPackaged: false, env: {}, mainDir: '/x/out/main' })).toBe(
      pathToFileURL('/x/out/renderer/index.html').href
    )
  })
})

describe('isAppUrl', () => {
  it.each([
    [fileApp, true],
    [`${fileApp}#/settings`, true],
    [`${fileApp}?a=1`, true],
    [pathToFileURL('/opt/Taquilla/resources/app.asar/out/renderer/other.html').href, false],
    ['file:///etc/passwd', false],
    ['file://evil-host/opt/Taquilla/resources/app.asar/out/renderer/index.html', false],
    ['https://evil.example/', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
    ['', false]
  ])('file app: %s -> %s', (url, expected) => {
    expect(isAppUrl(url, fileApp)).toBe(expected)
  })

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/main.tsx?t=1', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['http://localhost:5173.evil.example/', false],
    [fileApp, false],
    ['javascript:alert(1)', false]
  ])('dev app: %s -> %s', (url, expected) => {
    expect(isAppUrl(url, devApp)).toBe(expected)
  })

  it('trusts nothing when the app URL is not http(s) or file', () => {
    expect(isAppUrl('data:text/html,hi', 'data:text/html,hi')).toBe(false)
  })
})
