import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron'
import type { TaquillaApi } from '@shared/contract'
import { eventNames, ipcChannel, operationNames } from '@shared/operations'

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

/**
 * window.taquilla: one function per contract operation, one subscribe function per event.
 * Derived from the contract, so nothing else can be reached: no channel names, no ipcRenderer.
 */
export function buildApi(ipc: Ipc): TaquillaApi {
  const api: Record<string, unknown> = {}
  for (const name of operationNames) {
    const channel = ipcChannel(name)
    api[name] = (input: unknown): Promise<unknown> => ipc.invoke(channel, input)
  }
  const events: Record<string, unknown> = {}
  for (const name of eventNames) {
    const channel = ipcChannel(name)
    events[name] = (listener: (payload: unknown) => void): (() => void) => {
      // the Electron event (with its sender) never reaches the page, only the payload
      const relay = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipc.on(channel, relay)
      return () => {
        ipc.removeListener(channel, relay)
      }
    }
  }
  api['events'] = Object.freeze(events)
  // The loops above build exactly TaquillaApi's keys; TypeScript cannot follow a loop over keys.
  return Object.freeze(api) as TaquillaApi
}

contextBridge.exposeInMainWorld('taquilla', buildApi(ipcRenderer))
