import { createHash } from 'node:crypto'
import { AppFailure, type AppError } from '@shared/errors'
import type { Clock } from '../support/clock'
import { LOX24_BLOCK_MS, LOX24_SENTENCES } from './errors'

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 16)

/**
 * What keeps this counter from getting its IP blocked by LOX24 (doc.lox24.eu: more than 3
 * bad-auth requests a minute → 429 for 10 minutes), in one place, shared by every LOX24
 * client the settings build:
 * - after a 401 or 403, nothing more is sent with that token — no automatic retry — until
 *   the token is changed or a person asks to check it again (`reset`);
 * - after a 429, nothing at all is sent until the block has passed (`Retry-After` when
 *   given, else 10 minutes).
 * A refusal made here never reaches the network, and says so (`reason: 'held'`).
 */
export class Lox24Gate {
  private blockedUntil = 0
  private blockWords: string | undefined
  private refused: { token: string; error: AppError } | null = null
  private readonly listeners = new Set<() => void>()

  constructor(private readonly clock: Clock) {}

  /** Throws the held refusal instead of letting a request go out. */
  check(token: string): void {
    const now = this.clock.now()
    if (this.blockedUntil > now) {
      throw new AppFailure({
        code: 'RATE_LIMITED',
        provider: 'lox24',
        httpStatus: 429,
        providerCode: 'IP_BLOCKED',
        providerMessage: this.blockWords ?? LOX24_SENTENCES[429],
        retryAfterMs: this.blockedUntil - now,
        reason: 'held'
      })
    }
    if (this.refused && this.refused.token === tokenId(token)) {
      throw new AppFailure({ ...this.refused.error, reason: 'held' })
    }
  }

  /** Learns from a LOX24 reply (the error it mapped to). */
  observe(token: string, error: AppError): void {
    if (error.code === 'RATE_LIMITED') {
      const wait = error.retryAfterMs ?? LOX24_BLOCK_MS
      this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + wait)
      this.blockWords = error.providerMessage
      this.changed()
    } else if (error.httpStatus === 401 || error.httpStatus === 403) {
      this.refused = { token: tokenId(token), error }
      this.changed()
    }
  }

  /** A person asked to check the token again (or changed it): one more try is allowed. */
  reset(): void {
    if (!this.refused) return
    this.refused = null
    this.changed()
  }

  blockedUntilMs(): number | null {
    return this.blockedUntil > this.clock.now() ? this.blockedUntil : null
  }

  refusal(token: string): AppError | null {
    return this.refused && this.refused.token === tokenId(token) ? this.refused.error : null
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}
