import type { LedgerSlice } from './ledger-slice'
import type { SessionSlice } from './session-slice'
import { createSliceHook } from './store'

/** The agency ledger and the session, for the settings' section and the status bar. */
export const [useLedger] = createSliceHook<LedgerSlice & SessionSlice>()
