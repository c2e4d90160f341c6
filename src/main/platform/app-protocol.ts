import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '@shared/csp'
import { contentType, fileInside } from '../support/static-files'
import { APP_HOST, APP_INDEX_URL, APP_SCHEME, CRASHED_PAGE_URL } from './app-url'

/**
 * app://taquilla/ — the renderer's origin. Registered before `ready` as standard (relative
 * URLs, a real origin for 'self' in the CSP) and secure (like https); no CSP bypass.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

const refuse = (status: number): Response => new Response(null, { status })

/**
 * Answers one app:// request from the built renderer directory: only our host, only GET/HEAD,
 * only files inside `root` (no `..` out of it), each with our CSP as a header.
 */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405)
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return refuse(400)
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404)
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return refuse(400)
  }
  if (path === '/' || path === '') path = '/index.html'
  if (url.href === CRASHED_PAGE_URL) return page(CRASHED_PAGE, request.method)
  const file = fileInside(root, path)
  if (!file) return refuse(404)
  let body: Buffer
  try {
    body = await readFile(file) // Electron's fs reads inside app.asar too
  } catch {
    return refuse(404)
  }
  const headers = {
    'Content-Type': contentType(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache'
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
}

/**
 * After two renderer crashes within a minute: plain HTML, no script (the CSP allows none
 * inline), both languages, and a link back to the app — the "Reload" the teller presses.
 */
const CRASHED_PAGE = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Taquilla</title></head>
<body>
<h1>Taquilla se detuvo dos veces / Taquilla stopped twice</h1>
<p>La ventana falló dos veces en un minuto. Lo que está en la cola de envíos no se pierde.</p>
<p>The window failed twice within a minute. Nothing in the outbox is lost.</p>
<p><a href="${APP_INDEX_URL}" autofocus>Recargar / Reload</a></p>
<p>Si se repite, exporte el diagnóstico en Ajustes y avise a soporte. / If it happens again, export diagnostics in Settings and call support.</p>
</body></html>`

function page(html: string, method: string): Response {
  const headers = { 'Content-Type': contentType('crashed.html'), 'Content-Security-Policy': CONTENT_SECURITY_POLICY }
  return new Response(method === 'HEAD' ? null : html, { status: 200, headers })
}

/** Serves app://taquilla/ from the built renderer (`root`, out/renderer). Call once the app is ready. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root))
}
