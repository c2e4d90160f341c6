import { join } from 'node:path'

/**
 * The renderer is served from our own privileged scheme, never from file:// (so the
 * GrantFileProtocolExtraPrivileges fuse can be off; app-protocol.ts serves it).
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'taquilla'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`
/** shown after two renderer crashes within a minute (renderer-watch.ts), served by app-protocol.ts */
export const CRASHED_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/crashed.html`

/**
 * Where the renderer lives, as a URL: the electron-vite dev server in development, else the
 * built renderer through app://taquilla/. Navigation and the IPC sender check compare against it.
 *
 * ELECTRON_RENDERER_URL is honoured only when the app is NOT packaged: in an installed app an
 * environment variable must never be able to point our privileged window at another site.
 */
export function rendererUrl(options: { isPackaged: boolean; env: Record<string, string | undefined> }): string {
  const devUrl = options.env['ELECTRON_RENDERER_URL']
  if (!options.isPackaged && devUrl) return devUrl
  return APP_INDEX_URL
}

/** out/main/index.js -> out/renderer (what app://taquilla/ serves) */
export function rendererDir(mainDir: string): string {
  return join(mainDir, '../renderer')
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when `url` is the app's own page: for app://taquilla/, the same scheme and host (every
 * path there is one of our files); for the dev server, the same origin (scheme, host, port).
 * file:// is never the app.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parse(url)
  const app = parse(appUrl)
  if (!candidate || !app) return false
  if (app.protocol === `${APP_SCHEME}:`) {
    // a non-special scheme: WHATWG gives it an opaque origin, so compare its parts
    return candidate.protocol === app.protocol && candidate.host === app.host && candidate.username === ''
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false
  return candidate.origin === app.origin
}
