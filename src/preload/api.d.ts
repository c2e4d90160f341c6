import type { TaquillaApi } from '../shared/contract'

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in browser mode (the HTTP bridge is used). */
    taquilla?: TaquillaApi
  }
}

export {}
