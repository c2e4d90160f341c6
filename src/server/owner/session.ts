import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Owners' sessions are signed cookies (HMAC-SHA256 with the database's server secret), so any
 * server behind the balancer reads them and none keeps session state. `ownerId.epoch.expiresAt.mac`:
 * the owner's session epoch (bumped by a password change) is checked against the database at each
 * request, together with the account still being active (src/server/owner/owners.ts).
 */
export const SESSION_COOKIE = 'tq_session'
export const SESSION_MS = 12 * 3600_000

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url')

function same(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export interface SessionOwner {
  ownerId: number
  epoch: number
}

export function makeSession(secret: string, owner: SessionOwner, now = Date.now()): string {
  const body = `${owner.ownerId}.${owner.epoch}.${now + SESSION_MS}`
  return `${body}.${mac(secret, `session\n${body}`)}`
}

export function readSession(secret: string, value: string | undefined, now = Date.now()): SessionOwner | null {
  const [owner, epoch, expires, signature] = (value ?? '').split('.')
  if (!owner || !epoch || !expires || !signature) return null
  if (!same(signature, mac(secret, `session\n${owner}.${epoch}.${expires}`))) return null
  if (Number(expires) < now) return null
  return { ownerId: Number(owner), epoch: Number(epoch) }
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
