import type { PrintSlice } from '../../shared/print-slice'
import type { SessionSlice } from '../../shared/session-slice'
import { createSliceHook } from '../../shared/store'
import type { JournalSlice } from './journal-slice'

/** What the journal feature may see: its own slice, printing and the session. */
export const [useJournal] = createSliceHook<JournalSlice & PrintSlice & SessionSlice>()
