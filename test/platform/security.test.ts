import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { App, Session } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { applySecurity, withCspHeader } from '../../src/main/platform/security'
import { silentLogger } from '../../src/main/support/log'
import { FakeApp, FakeSession, FakeWebContents } from './fake-electron'

const appUrl = 'app://taquilla/index.html'

function setup() {
  const app = new FakeApp()
  const session = new FakeSession()
  applySecurity(app as unknown as App, session as unknown as Session, appUrl, silentLogger)
  const contents = new FakeWebContents()
  app.emit('web-contents-created', {}, contents)
  return { app, session, contents }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() }
}

describe('web contents hardening', () => {
  let contents: FakeWebContents
  beforeEach(() => {
    contents = setup().contents
  })

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s to a foreign URL is prevented', (name) => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://localhost:5173/']) {
      const event = navigationEvent(url)
      contents.emit(name, event)
      expect(event.preventDefault).toHaveBeenCalled()
    }
  })

  it.each(['will-navigate', 'will-redirect'])('%s to the app itself is allowed (reload)', (name) => {
    const event = navigationEvent(`${appUrl}#/counter`)
    contents.emit(name, event)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it('denies window.open, whatever the URL', () => {
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce()
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: appUrl })).toEqual({ action: 'deny' })
  })

  it('refuses to attach a webview', () => {
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' })
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('session hardening', () => {
  it('denies every permission request and check', () => {
    const { session } = setup()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      session.permissionRequest?.({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(session.permissionCheck?.({}, permission, 'file://', {})).toBe(false)
    }
    expect(session.devicePermission?.({})).toBe(false)
  })

  it('adds the CSP header to responses', () => {
    const { session } = setup()
    const callback = vi.fn()
    session.headersReceived?.(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-type': ['text/html'] } },
      callback
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
})

describe('withCspHeader', () => {
  it('keeps a CSP the server sent (policies add up) and adds ours', () => {
    const headers = withCspHeader({ 'content-security-policy': ["frame-ancestors 'none'"], 'x-other': ['1'] })
    expect(headers).toEqual({
      'Content-Security-Policy': ["frame-ancestors 'none'", CONTENT_SECURITY_POLICY],
      'x-other': ['1']
    })
  })

  it('works with no headers at all', () => {
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('renderer index.html', () => {
  const indexHtml = resolve(__dirname, '../../src/renderer/index.html')

  it('carries exactly CONTENT_SECURITY_POLICY in its <meta> (the first line of defence, before any header)', () => {
    if (!existsSync(indexHtml)) {
      throw new Error(`src/renderer/index.html does not exist yet; it must carry the CSP <meta>`)
    }
    const html = readFileSync(indexHtml, 'utf8')
    const metas = [...html.matchAll(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi)]
    expect(metas, 'exactly one CSP <meta>').toHaveLength(1)
    const content = /content="([^"]*)"/i.exec(metas[0]![0])?.[1]
    expect(content).toBe(CONTENT_SECURITY_POLICY)
  })
})
