import type { SessionSlice } from './session-slice'
import { createSliceHook } from './store'
import type { TrainingSlice } from './training-slice'

/** Training mode (guide, simulator control, mode switch) and the session, for whoever shows them. */
export const [useTraining] = createSliceHook<TrainingSlice & SessionSlice>()
