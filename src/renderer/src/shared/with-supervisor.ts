import type { Result } from '@shared/contract'
import type { SupervisorAction, SupervisorApproval } from '@shared/schemas/approval'
import { askSupervisor } from './supervisor'

/**
 * Sends an action that may need a supervisor (main decides: sign-in on, a variance beyond the
 * limit…). Main answers APPROVAL_REQUIRED: the supervisor prompt asks for a PIN and the action
 * goes again with it. `null` when the person cancelled the prompt (nothing was done). A refused
 * PIN comes back as the result, for the feature's dialog to show; Enter there asks again.
 */
export async function withSupervisor<T>(
  action: SupervisorAction,
  send: (approval: SupervisorApproval | undefined) => Promise<Result<T>>
): Promise<Result<T> | null> {
  const first = await send(undefined)
  if (first.ok || first.error.code !== 'APPROVAL_REQUIRED') return first
  const approval = await askSupervisor(action)
  if (approval === null) return null
  return send(approval)
}
