import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Owners' sessions are signed cookies (HMAC-SHA256 with the database's server secret), so any
 * server behind the balancer reads them and none keeps session state. `ownerId.expiresAt.mac`.
 */
export const SESSION_COOKIE = 'tq_session'
export const SESSION_MS = 12 * 3600_000

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url')

function same(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export function makeSession(secret: string, ownerId: number, now = Date.now()): string {
  const body = `${ownerId}.${now + SESSION_MS}`
  return `${body}.${mac(secret, `session\n${body}`)}`
}

export function readSession(secret: string, value: string | undefined, now = Date.now()): number | null {
  const [owner, expires, signature] = (value ?? '').split('.')
  if (!owner || !expires || !signature) return null
  if (!same(signature, mac(secret, `session\n${owner}.${expires}`))) return null
  if (Number(expires) < now) return null
  return Number(owner)
}

/** The form token of a session: a cross-site form cannot know it (it never leaves our pages). */
export function csrfToken(secret: string, session: string): string {
  return mac(secret, `csrf\n${session}`)
}

export function csrfValid(secret: string, session: string, token: string | undefined): boolean {
  return token !== undefined && same(token, csrfToken(secret, session))
}

export function sessionCookie(value: string, secure: boolean, maxAgeMs = SESSION_MS): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    ...(secure ? ['Secure'] : [])
  ].join('; ')
}

export function readCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0) cookies[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim())
  }
  return cookies
}
