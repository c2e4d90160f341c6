import type { SupervisorAction, SupervisorApproval } from '@shared/schemas/approval'

/**
 * Asks for a supervisor's PIN before an action that needs one. Resolves with the approval to
 * send along with the action, `undefined` when nothing needs asking (sign-in off), or `null`
 * when the person cancelled (then the action is not sent). Features call askSupervisor; the
 * app installs the real prompt once with setSupervisorPrompt.
 */
export type SupervisorPrompt = (action: SupervisorAction) => Promise<SupervisorApproval | undefined | null>

let prompt: SupervisorPrompt = async () => undefined

export function askSupervisor(action: SupervisorAction): Promise<SupervisorApproval | undefined | null> {
  return prompt(action)
}

/** @public installed by the app shell's supervisor prompt */
export function setSupervisorPrompt(next: SupervisorPrompt): void {
  prompt = next
}
