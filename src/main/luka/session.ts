import { createHash } from 'node:crypto'
import type { AxiosInstance } from 'axios'
import { AppFailure } from '@shared/errors'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import { send, statusError } from '../http/request'
import { providerCode, providerMessage } from './lenient'

export interface LukaCredentials {
  username: string
  password: string
}

/** Renew this long before the token's `exp`, so no call goes out with a dying token. */
export const RENEW_BEFORE_MS = 5 * 60_000
/** Luka does not document the lifetime; when the JWT has no readable `exp`, assume this. */
export const FALLBACK_LIFETIME_MS = 30 * 60_000

const LOGIN_PATH = '/api/v1/servicio/login'

/** `exp` of a JWT in ms, or null. The token is opaque to us; we only read its expiry. */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null
  } catch {
    return null
  }
}

const fingerprint = (credentials: LukaCredentials): string =>
  createHash('sha256').update(`${credentials.username}\u0000${credentials.password}`).digest('hex')

/**
 * Luka's login and token lifecycle (api-notes.md: POST /api/v1/servicio/login, JWT in the
 * `token` response header, no refresh endpoint). The token never leaves this object.
 *
 * Refused credentials are remembered: until the user/password change or the teller asks
 * to sign in again, calls fail fast with BAD_CREDENTIALS instead of hammering the login
 * (providers lock an IP out after a few bad logins).
 */
export class LukaSession {
  private token: string | null = null
  private expiresAt = 0
  private refused: string | null = null
  private inflight: Promise<string> | null = null

  constructor(
    private readonly http: AxiosInstance,
    private readonly credentials: () => LukaCredentials | null,
    private readonly clock: Clock,
    private readonly timeoutMs: number,
    private readonly log: Logger
  ) {}

  /** A token good for at least RENEW_BEFORE_MS more, signing in if needed. */
  async validToken(): Promise<string> {
    if (this.token && this.clock.now() < this.expiresAt - RENEW_BEFORE_MS) return this.token
    return this.signIn(false)
  }

  /** Whether a token is held (a refused or rate-limited login leaves none). */
  hasToken(): boolean {
    return this.token !== null
  }

  /** Drops the token (after a 401) so the next call signs in again. */
  invalidate(): void {
    this.token = null
    this.expiresAt = 0
  }

  /** Signs in; concurrent callers share one login request. `force` forgets a past refusal. */
  signIn(force: boolean): Promise<string> {
    if (force) this.refused = null
    this.inflight ??= this.login().finally(() => {
      this.inflight = null
    })
    return this.inflight
  }

  private async login(): Promise<string> {
    const credentials = this.credentials()
    if (!credentials || credentials.username === '' || credentials.password === '') {
      throw new AppFailure({ code: 'NOT_CONFIGURED', provider: 'luka' })
    }
    const print = fingerprint(credentials)
    if (this.refused === print) throw new AppFailure({ code: 'BAD_CREDENTIALS', provider: 'luka' })

    const response = await send(
      this.http,
      {
        method: 'POST',
        url: LOGIN_PATH,
        headers: { 'Content-Type': 'application/json' },
        data: JSON.stringify({ Username: credentials.username, Password: credentials.password })
      },
      'luka',
      this.timeoutMs
    )
    const words = { message: providerMessage(response.data), code: providerCode(response.data) }
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      this.refused = print
      this.log.warn('luka login refused', { status: response.status })
      throw new AppFailure({
        code: 'BAD_CREDENTIALS',
        provider: 'luka',
        httpStatus: response.status,
        providerMessage: words.message,
        providerCode: words.code
      })
    }
    if (response.status === 404) {
      // no login endpoint at this address: the base URL is wrong, not the payment
      throw new AppFailure({
        code: 'NOT_CONFIGURED',
        provider: 'luka',
        httpStatus: 404,
        providerMessage: words.message
      })
    }
    if (response.status < 200 || response.status >= 300) {
      throw new AppFailure(statusError(response, 'luka', words, this.clock.now()))
    }
    const token = response.headers['token']
    if (typeof token !== 'string' || token.trim() === '') {
      throw new AppFailure({
        code: 'MALFORMED_RESPONSE',
        provider: 'luka',
        providerMessage: 'login reply has no token header'
      })
    }
    this.token = token.trim()
    this.expiresAt = jwtExpiry(this.token) ?? this.clock.now() + FALLBACK_LIFETIME_MS
    this.log.info('luka signed in', { expiresAt: new Date(this.expiresAt).toISOString() })
    return this.token
  }
}
