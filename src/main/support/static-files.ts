import { extname, resolve, sep } from 'node:path'

/**
 * The built renderer's files as both servers hand them out: Electron's app:// protocol
 * (platform/app-protocol.ts) and browser mode's HTTP server (harness/server.ts).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export const contentType = (file: string): string => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

/**
 * The file a request's (decoded) path names inside `root`, or null when it would leave it
 * (`..`, an absolute path) or holds a NUL: nothing outside the renderer's folder is ever read.
 */
export function fileInside(root: string, path: string): string | null {
  if (path.includes('\0')) return null
  const base = resolve(root)
  const file = resolve(base, `./${path.replace(/^\/+/, '')}`)
  return file.startsWith(base + sep) ? file : null
}
