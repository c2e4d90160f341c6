import { fileURLToPath, pathToFileURL } from 'node:url'
import { join } from 'node:path'

/**
 * Where the renderer lives, as a URL: the electron-vite dev server in development, else the
 * built index.html next to main. Navigation and the IPC sender check both compare against it.
 *
 * ELECTRON_RENDERER_URL is honoured only when the app is NOT packaged: in an installed app an
 * environment variable must never be able to point our privileged window at another site.
 */
export function rendererUrl(options: {
  isPackaged: boolean
  env: Record<string, string | undefined>
  mainDir: string
}): string {
  const devUrl = options.env['ELECTRON_RENDERER_URL']
  if (!options.isPackaged && devUrl) return devUrl
  return pathToFileURL(rendererIndexPath(options.mainDir)).href
}

/** out/main/index.js -> out/renderer/index.html */
export function rendererIndexPath(mainDir: string): string {
  return join(mainDir, '../renderer/index.html')
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function filePath(url: URL): string | null {
  try {
    const path = fileURLToPath(url)
    return process.platform === 'win32' ? path.toLowerCase() : path
  } catch {
    return null
  }
}

/**
 * True when `url` is the app's own page: for a file:// app, exactly the same file (query and
 * fragment ignored); for the dev server, the same origin (scheme, host and port).
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parse(url)
  const app = parse(appUrl)
  if (!candidate || !app) return false
  if (app.protocol === 'file:') {
    if (candidate.protocol !== 'file:' || candidate.host !== app.host) return false
    const path = filePath(candidate)
    return path !== null && path === filePath(app)
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false
  return candidate.origin === app.origin
}
