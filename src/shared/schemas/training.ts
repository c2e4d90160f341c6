import { z } from 'zod'
import { MoneySchema } from './common'

/** Training mode: the guided start and the simulator control. */

export const TrainingPurposeSchema = z.enum(['approve', 'reject', 'notFound', 'alreadyApproved'])
export type TrainingPurpose = z.infer<typeof TrainingPurposeSchema>

export const TrainingStateSchema = z.object({
  /** whether the Luka simulator answers (the trainee can take it down to watch the outbox) */
  lukaUp: z.boolean(),
  /** references to try first, one per purpose */
  tries: z.array(
    z.object({
      purpose: TrainingPurposeSchema,
      reference: z.string(),
      amount: MoneySchema.nullable(),
      payer: z.string().nullable()
    })
  )
})
export type TrainingState = z.infer<typeof TrainingStateSchema>
