import { createContext, useContext } from 'react'
import { useStore, type StoreApi } from 'zustand'

/**
 * One Zustand store per window, built from slices (app/store.ts). A feature only sees its
 * own slice and the shared session slice: it declares that view with `createSliceHook`, so
 * a component cannot select another feature's state.
 */
export type SetState<S> = (partial: Partial<S> | ((state: S) => Partial<S>)) => void
export type GetState<S> = () => S

/** A slice creator: `Needs` names the other slices whose actions it may call. */
export type SliceCreator<S, Needs = unknown> = (set: SetState<S>, get: GetState<S & Needs>) => S

export const StoreContext = createContext<StoreApi<object> | null>(null)

function useStoreApi(): StoreApi<object> {
  const store = useContext(StoreContext)
  if (!store) throw new Error('StoreContext missing: render inside <App>')
  return store
}

/** A hook typed to the part of the store a feature may see. */
export function createSliceHook<View extends object>() {
  function useSlice<T>(selector: (state: View) => T): T {
    // The app store is the union of every slice, so it is always a `View`.
    return useStore(useStoreApi() as StoreApi<View>, selector)
  }
  /** for event handlers that need the latest state without re-rendering */
  function useSliceApi(): StoreApi<View> {
    return useStoreApi() as StoreApi<View>
  }
  return [useSlice, useSliceApi] as const
}
