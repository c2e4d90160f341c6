import type { PrintSlice } from '../../shared/print-slice'
import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { LinkSlice } from './link-slice'

/** What the payment-link feature may see: its own slice, printing and the session. */
export const [useLink] = createSliceHook<LinkSlice & PrintSlice & SessionSlice>()
