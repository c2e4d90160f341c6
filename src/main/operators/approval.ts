import type { SupervisorAction, SupervisorApproval } from '@shared/schemas/approval'

/** Who approved an action (the journal records it). */
export interface Approver {
  id: string
  name: string
}

/**
 * Checks a supervisor's approval for an action: resolves with who approved, or null when
 * sign-in is off (no operator accounts: nothing to ask); rejects with an AppFailure when the
 * approval is missing or wrong. Domain code takes one of these as a dependency; the operators
 * service provides the real one. Async: a PIN is checked with scrypt, off the main thread.
 */
export type Authorize = (action: SupervisorAction, approval: SupervisorApproval | undefined) => Promise<Approver | null>

/** Sign-in off: nothing is asked, nobody is recorded as approver. */
export const signInOff: Authorize = async () => null
