import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { CancelSlice } from './cancel-slice'
import type { LuxcoreSlice } from './luxcore-slice'
import type { PaymentsSlice } from './payments-slice'

/** What the LuxCore feature may see: its own slices and the session. */
export const [useLuxcore] = createSliceHook<LuxcoreSlice & CancelSlice & PaymentsSlice & SessionSlice>()
