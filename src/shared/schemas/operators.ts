import { z } from 'zod'
import { SupervisorApprovalSchema } from './approval'
import { requiredText, shortText } from './common'

/** Operator accounts, sign-in and the counter lock (issue 11). PINs go in, never come back out. */

export const OperatorRoleSchema = z.enum(['teller', 'supervisor'])
export type OperatorRole = z.infer<typeof OperatorRoleSchema>

export const OperatorIdSchema = shortText(64).min(1)
export const PinSchema = z.string().regex(/^\d{4,8}$/, { message: 'pin' })

/** An account as the renderer may see it: no hash, no salt. */
export const OperatorViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: OperatorRoleSchema,
  disabled: z.boolean(),
  /** after 5 wrong PINs in a row: ISO time until which the account refuses any PIN */
  lockedUntil: z.string().nullable()
})
export type OperatorView = z.infer<typeof OperatorViewSchema>

export const OperatorsStateSchema = z.object({
  /** off: no accounts, the counter works as before (operator name from the settings) */
  signIn: z.enum(['off', 'on']),
  accounts: z.array(OperatorViewSchema),
  /** who is signed in, and whether the counter is locked (idle, OS lock, sleep, or by hand) */
  session: z.object({
    operator: z.object({ id: z.string(), name: z.string(), role: OperatorRoleSchema }).nullable(),
    locked: z.boolean()
  }),
  /** 0 = never; TAQUILLA_IDLE_LOCK_MINUTES fixes it (then `idleLockFixed`) */
  idleLockMinutes: z.number(),
  idleLockFixed: z.boolean(),
  /** the accounts file failed its integrity check: kept aside, reported (and restored from the copy when one is valid) */
  damaged: z.boolean(),
  /** no valid save of the accounts: locked (nothing works), or recovery (started with --recover-operators: create a first supervisor) */
  lost: z.enum(['locked', 'recovery']).nullable()
})
export type OperatorsState = z.infer<typeof OperatorsStateSchema>

const approval = { approval: SupervisorApprovalSchema.optional() }

export const SignInSchema = z.object({ operatorId: OperatorIdSchema, pin: PinSchema })

export const AddOperatorSchema = z.object({
  name: requiredText(60),
  role: OperatorRoleSchema,
  pin: PinSchema,
  ...approval
})
export const DisableOperatorSchema = z.object({ operatorId: OperatorIdSchema, disabled: z.boolean(), ...approval })
export const ResetPinSchema = z.object({ operatorId: OperatorIdSchema, pin: PinSchema, ...approval })
export const IdleLockSchema = z.object({ minutes: z.number().min(0).max(240), ...approval })
