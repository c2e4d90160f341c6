import type { App, Session, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '@shared/csp'
import type { Logger } from '../support/log'
import { isAppUrl } from './app-url'

export { isAppUrl }

const CSP_HEADER = 'Content-Security-Policy'

/**
 * Adds our CSP to a response's headers. A CSP the server already sent is kept: browsers
 * enforce every policy present, so adding ours can only make the page stricter.
 */
export function withCspHeader(
  headers: Record<string, string[]> | undefined,
  policy: string = CONTENT_SECURITY_POLICY
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const existing: string[] = []
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === CSP_HEADER.toLowerCase()) existing.push(...values)
    else out[name] = values
  }
  out[CSP_HEADER] = [...existing, policy]
  return out
}

/** Every navigation or redirect off the app's own page is refused. */
export function hardenWebContents(contents: WebContents, appUrl: string, log: Logger): void {
  const guard =
    (kind: string) =>
    (event: { url: string; preventDefault(): void }): void => {
      if (isAppUrl(event.url, appUrl)) return
      event.preventDefault()
      log.warn('navigation refused', { kind, url: event.url })
    }
  contents.on('will-navigate', guard('will-navigate'))
  contents.on('will-frame-navigate', guard('will-frame-navigate'))
  contents.on('will-redirect', guard('will-redirect'))
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('webview refused')
  })
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open refused', { url })
    return { action: 'deny' }
  })
}

/**
 * Denies every permission (camera, notifications, USB…): a counter app needs none. Sends the
 * CSP as a header on every response (dev server included); app:// responses carry it too
 * (app-protocol.ts), and index.html has it as a <meta>.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) })
  })
}

/** App-wide hardening; call before the first window is created. */
export function applySecurity(app: App, session: Session, appUrl: string, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl, log))
  hardenSession(session)
}
