import type { PrintSlice } from '../../shared/print-slice'
import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { ShiftSlice } from './shift-slice'

/** What the shift feature may see: its own slice, printing and the session. */
export const [useShift] = createSliceHook<ShiftSlice & PrintSlice & SessionSlice>()
