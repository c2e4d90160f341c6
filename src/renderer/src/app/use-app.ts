import { createSliceHook } from '../shared/store'
import type { AppState } from './store'

/** The shell composes the features, so it may see the whole store. */
export const [useApp] = createSliceHook<AppState>()
