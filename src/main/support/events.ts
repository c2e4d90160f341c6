import type { EventName, EventPayload } from '@shared/contract'
import { silentLogger, type Logger } from './log'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

/**
 * main -> renderer events, fanned out to IPC (Electron) or SSE (harness) and to the journal.
 * A listener that throws is logged and skipped: it never breaks the one who emitted.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  constructor(private readonly log: Logger = silentLogger) {}

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload)
      } catch (cause) {
        this.log.error('event listener failed', { event: name, error: String(cause) })
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
