import type { EventName, EventPayload } from '@shared/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

/** main -> renderer events, fanned out to IPC (Electron) or SSE (harness). */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
