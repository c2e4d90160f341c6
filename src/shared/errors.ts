import { z } from 'zod'

/**
 * Every failure that crosses from main to the renderer is one of these codes. The renderer
 * turns the code into a sentence in the teller's language and shows the provider's own
 * message beside it.
 */
export const errorCodes = [
  'VALIDATION', // input refused before any request
  'NOT_CONFIGURED', // base URL or credentials missing
  'BAD_CREDENTIALS', // provider refused the user/password or key
  'ENCRYPTION_UNAVAILABLE', // the OS cannot encrypt secrets; nothing was stored
  'NETWORK', // connection refused, reset, DNS
  'TIMEOUT', // no answer within the bound
  'PROVIDER_UNAVAILABLE', // 5xx or an HTML error page from a proxy
  'RATE_LIMITED', // 429
  'UNAUTHORIZED', // still 401 after signing in again
  'NOT_FOUND', // no such payment
  'PROVIDER_REJECTED', // 4xx with the provider's own code/message
  'MALFORMED_RESPONSE', // 2xx that is not the documented shape
  'REPLY_MISMATCH', // the provider answered about another transaction, or with an impossible amount
  'ALREADY_DECIDED', // this terminal already decided this transaction
  'DECISION_IN_FLIGHT', // a decision for this transaction is being sent
  'NOT_PENDING', // the payment is not pending any more
  'OUTBOX_LIMIT', // too much already waiting for this currency: refuse new decisions
  'OUTBOX_LOCKED', // another Taquilla is using this data directory
  'STORAGE_UNWRITABLE', // the disk refuses writes (read-only, full, a directory in the way): nothing new is accepted
  'ENDPOINT_CHANGED', // a queued write was accepted for another provider URL or account
  'PRINT_FAILED', // the receipt printer did not take the page (off, no paper, driver); the OS's reason attached
  'INSECURE_URL', // the provider URL is not https (nor http to this computer): nothing is sent
  'TRAINING_REFUSED', // training mode never takes real credentials or provider settings
  'TRAINING_ONLY', // a simulator control, outside training mode
  'DATA_DIR_MODE', // the data directory belongs to the other mode (training vs real books)
  'FORBIDDEN', // the caller is not our window
  // operators (issue 11): main refuses while nobody is signed in or the counter is locked
  'SIGN_IN_REQUIRED', // detail.state: signedOut | locked
  'WRONG_PIN', // the PIN does not match (detail.left: tries before the account locks)
  'ACCOUNT_LOCKED', // 5 wrong PINs in a row: locked for 5 minutes (retryAfterMs)
  'APPROVAL_REQUIRED', // the action needs a supervisor's PIN
  'APPROVAL_REFUSED', // reason: wrongPin | notSupervisor | locked | unknown
  // the agency ledger (issue 15): the server's own word in providerCode (badCode, keyEnrolled…)
  'LEDGER_REFUSED',
  'LEDGER_UNREACHABLE',
  'INTERNAL'
] as const

export const ErrorCodeSchema = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const ProviderSchema = z.enum(['luka', 'luxcore', 'lox24'])
export type Provider = z.infer<typeof ProviderSchema>

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  provider: ProviderSchema.optional(),
  httpStatus: z.number().int().optional(),
  /** the provider's own code (Luka `Codigo`, LuxCore `error`) */
  providerCode: z.string().optional(),
  /** the provider's own words, shown beside our sentence */
  providerMessage: z.string().optional(),
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** for VALIDATION: which message key (empty, tooLong…) and which field */
  reason: z.string().optional(),
  field: z.string().optional(),
  /** named facts for our sentence, e.g. the locked folder, its lock file and the holder's pid */
  detail: z.record(z.string(), z.string()).optional()
})
export type AppError = z.infer<typeof AppErrorSchema>

/** An Error that carries an AppError across async boundaries inside one process. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(`${error.code}${error.providerMessage ? `: ${error.providerMessage}` : ''}`)
    this.name = 'AppFailure'
  }
}

export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppFailure) return cause.error
  return { code: 'INTERNAL' }
}
