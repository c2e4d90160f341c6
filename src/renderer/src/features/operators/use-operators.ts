import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { OperatorsSlice } from './operators-slice'

/** What the operators feature may see: its own slice and the session. */
export const [useOperators, useOperatorsApi] = createSliceHook<OperatorsSlice & SessionSlice>()
