import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { CounterSlice } from './counter-slice'

/** What the counter screen may see: its own slice and the session. */
export const [useCounter] = createSliceHook<CounterSlice & SessionSlice>()
