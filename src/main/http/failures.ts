import type { AppError, ErrorCode } from '@shared/errors'

/**
 * THE reading of a failed provider call, in one table: whether the outbox retries it by itself,
 * whether the write may have been applied although nothing confirmed it, and what it says about
 * the connection (the status bar, the outbox summary). Every error code has its row, so a new
 * code cannot be added without deciding how it is read.
 */
interface FailureRow {
  /** transient: provider or network down, or our configuration — retry later by itself; permanent: a person must look */
  retry: 'transient' | 'permanent'
  /**
   * Could the provider have applied the write? No only when the request certainly was refused
   * before processing (429, 401, our own configuration). NETWORK depends on how it failed (below).
   */
  maybeApplied: boolean
  /**
   * What the call says about the connection: `unreachable` no answer at all, `down` an answer
   * that the provider cannot serve, `unreadable` a 2xx we could not read, `answered` a real
   * answer (refusals included), `local` refused here before any request, or what to fix
   * (credentials, configuration, rate limit).
   */
  link:
    'unreachable' | 'down' | 'unreadable' | 'answered' | 'local' | 'bad-credentials' | 'unconfigured' | 'rate-limited'
}

const answered: FailureRow = { retry: 'permanent', maybeApplied: true, link: 'answered' }
/** refused here: kept "maybe applied" as the outbox always read them (INTERNAL may come after the send) */
const local: FailureRow = { retry: 'permanent', maybeApplied: true, link: 'local' }

const FAILURES: Record<ErrorCode, FailureRow> = {
  NETWORK: { retry: 'transient', maybeApplied: true, link: 'unreachable' },
  TIMEOUT: { retry: 'transient', maybeApplied: true, link: 'unreachable' },
  PROVIDER_UNAVAILABLE: { retry: 'transient', maybeApplied: true, link: 'down' },
  RATE_LIMITED: { retry: 'transient', maybeApplied: false, link: 'rate-limited' },
  MALFORMED_RESPONSE: { retry: 'transient', maybeApplied: true, link: 'unreadable' }, // maybe applied: verify, then retry
  UNAUTHORIZED: { retry: 'transient', maybeApplied: false, link: 'answered' },
  // our configuration, not this write: wait for the fix
  BAD_CREDENTIALS: { retry: 'transient', maybeApplied: false, link: 'bad-credentials' },
  NOT_CONFIGURED: { retry: 'transient', maybeApplied: false, link: 'unconfigured' },
  INSECURE_URL: { retry: 'transient', maybeApplied: false, link: 'local' },
  INTERNAL: { ...local, retry: 'transient' },
  NOT_FOUND: answered,
  PROVIDER_REJECTED: answered,
  REPLY_MISMATCH: answered,
  NOT_PENDING: answered,
  VALIDATION: local,
  ENCRYPTION_UNAVAILABLE: local,
  ALREADY_DECIDED: local,
  DECISION_IN_FLIGHT: local,
  OUTBOX_LIMIT: local,
  OUTBOX_LOCKED: local,
  STORAGE_UNWRITABLE: local,
  ENDPOINT_CHANGED: local,
  PRINT_FAILED: local,
  TRAINING_REFUSED: local,
  TRAINING_ONLY: local,
  DATA_DIR_MODE: local,
  FORBIDDEN: local,
  // operators (issue 11): refused by main before any provider call
  SIGN_IN_REQUIRED: local,
  WRONG_PIN: local,
  ACCOUNT_LOCKED: local,
  APPROVAL_REQUIRED: local,
  APPROVAL_REFUSED: local,
  // the agency ledger (issue 15): never an outbox write, its own replicator retries
  LEDGER_REFUSED: local,
  LEDGER_UNREACHABLE: local
}

/** Connection failures after which the request certainly never left (fetch-transport keeps these codes). */
const NEVER_LEFT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])

/** How the outbox reads a failed attempt. */
type FailureKind = FailureRow['retry']

export function classify(error: AppError): FailureKind {
  return FAILURES[error.code].retry
}

/** Could the provider have applied the write although we got no confirmation? */
export function maybeApplied(error: AppError): boolean {
  if (error.code === 'NETWORK') return !NEVER_LEFT.has(error.providerCode ?? '')
  return FAILURES[error.code].maybeApplied
}

/** What a failed call says about the connection to the provider. */
export function linkAfter(error: AppError): FailureRow['link'] {
  return FAILURES[error.code].link
}

/** No trustworthy answer came back (nothing at all, "unavailable", or an unreadable 2xx). */
export function noAnswer(error: AppError): boolean {
  const link = linkAfter(error)
  return link === 'unreachable' || link === 'down' || link === 'unreadable'
}
