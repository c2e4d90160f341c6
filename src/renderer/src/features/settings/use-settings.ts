import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { SettingsSlice } from './settings-slice'

/** What the settings feature may see: its own slice and the session. */
export const [useSettings] = createSliceHook<SettingsSlice & SessionSlice>()
