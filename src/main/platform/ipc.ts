import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import {
  ipcChannel,
  operationNames,
  parseInput,
  type EventName,
  type Handlers,
  type OperationArgs,
  type OperationName,
  type OperationOutput,
  type Result
} from '@shared/contract'
import type { EventBus } from '../support/events'
import { silentLogger, type Logger } from '../support/log'
import { isAppUrl } from './app-url'

/** Whether this sender may call this operation (the customer display may call almost nothing). */
export type SenderCheck = (event: IpcMainInvokeEvent, operation: OperationName) => boolean
/** Whether a call comes from one given window's own page. */
export type FrameCheck = (event: IpcMainInvokeEvent) => boolean

/**
 * A sender is trusted only when ALL hold: it is our main window's webContents, the message
 * comes from that window's top frame (not an iframe), and the frame shows the app's own page.
 * `window()` is read per call, so a re-created window is picked up and a closed one trusts nobody.
 */
export function createSenderCheck(
  window: () => { webContents: { id: number }; isDestroyed(): boolean } | null,
  appUrl: string
): FrameCheck {
  return (event) => {
    const current = window()
    if (!current || current.isDestroyed()) return false
    if (event.sender.id !== current.webContents.id) return false
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    return isAppUrl(frame.url, appUrl)
  }
}

/** The main window may call every operation; the customer display only the `allowed` ones. */
export function windowsSenderCheck(
  main: FrameCheck,
  customer: FrameCheck,
  allowed: readonly OperationName[]
): SenderCheck {
  return (event, operation) => main(event) || (allowed.includes(operation) && customer(event))
}

function describeSender(event: IpcMainInvokeEvent): Record<string, unknown> {
  let url: string | undefined
  try {
    url = event.senderFrame?.url
  } catch {
    url = undefined // the frame may be gone already
  }
  return { webContentsId: event.sender.id, url, topFrame: event.senderFrame?.parent === null }
}

type AnyHandler<K extends OperationName> = (input: OperationArgs<K>) => Promise<Result<OperationOutput<K>>>

function handle<K extends OperationName>(
  ipcMain: Pick<IpcMain, 'handle'>,
  name: K,
  handler: AnyHandler<K>,
  isTrustedSender: SenderCheck,
  log: Logger
): void {
  ipcMain.handle(ipcChannel(name), async (event, raw: unknown): Promise<Result<OperationOutput<K>>> => {
    if (!isTrustedSender(event, name)) {
      log.warn('ipc call refused: untrusted sender', { operation: name, ...describeSender(event) })
      return { ok: false, error: { code: 'FORBIDDEN' } }
    }
    const input = parseInput(name, raw)
    if (!input.ok) return input
    try {
      return await handler(input.value)
    } catch (cause) {
      log.error('ipc handler threw', { operation: name, error: String(cause) })
      return { ok: false, error: { code: 'INTERNAL' } }
    }
  })
}

/**
 * One `ipcMain.handle` per contract operation, each behind the sender check and the contract's
 * input validation. Returns a function that removes them all.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
  log: Logger = silentLogger
): () => void {
  for (const name of operationNames) {
    const handler = handlers[name] as AnyHandler<typeof name>
    if (typeof handler !== 'function') throw new Error(`no handler for operation ${name}`)
    handle(ipcMain, name, handler, isTrustedSender, log)
  }
  return () => {
    for (const name of operationNames) ipcMain.removeHandler(ipcChannel(name))
  }
}

/** Sends bus events (every one, or `only` these) to the window on `ipcChannel(event)`; returns the unsubscribe. */
export function forwardEvents(
  bus: EventBus,
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  only?: readonly EventName[]
): () => void {
  return bus.subscribe((name, payload) => {
    if (only && !only.includes(name)) return
    if (!contents.isDestroyed()) contents.send(ipcChannel(name), payload)
  })
}
