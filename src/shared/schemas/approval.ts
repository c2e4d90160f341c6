import { z } from 'zod'

/**
 * The actions that ask for a supervisor's PIN on the spot once sign-in is on (issue 11; the
 * LOX24 top-up from issue 13). With no operator accounts (sign-in off) nothing is asked.
 */
export const SupervisorActionSchema = z.enum([
  'outboxDiscard',
  'shiftCloseVariance',
  'settingsChange',
  'operatorsManage',
  'incidentAcknowledge',
  'smsTopUp'
])
export type SupervisorAction = z.infer<typeof SupervisorActionSchema>

/** A supervisor's PIN typed on the spot; the supervisor may be someone other than the signed-in teller. */
export const SupervisorApprovalSchema = z.object({
  operatorId: z.string().min(1).max(64),
  pin: z.string().regex(/^\d{4,8}$/)
})
export type SupervisorApproval = z.infer<typeof SupervisorApprovalSchema>
