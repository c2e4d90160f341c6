import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { OutboxSlice } from './outbox-slice'

/** What the outbox feature may see: its own slice and the session. */
export const [useOutbox] = createSliceHook<OutboxSlice & SessionSlice>()
