import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { SmsSlice } from './sms-slice'
import type { TopupSlice } from './topup-slice'

/** What the SMS feature may see: its own slices and the session. */
export const [useSms] = createSliceHook<SmsSlice & TopupSlice & SessionSlice>()
