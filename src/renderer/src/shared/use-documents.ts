import type { PrintSlice } from './print-slice'
import type { SessionSlice } from './session-slice'
import { createSliceHook } from './store'

/** What a printable document may see: printing and the session (language, who, where). */
export const [useDocuments] = createSliceHook<PrintSlice & SessionSlice>()
