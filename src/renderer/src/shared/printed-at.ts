import { useState, useSyncExternalStore } from 'react'
import { flushSync } from 'react-dom'

/**
 * "Impreso / Printed" on every paper is the moment of printing, whatever started it: the print
 * pipeline stamps it before the page is laid out (print.ts: the receipt printer, the print dialog,
 * a PDF), and the one `beforeprint` listener here stamps it for a print the browser starts itself.
 */
let stamped: string | null = null
const listeners = new Set<() => void>()

export function stampPrintedAt(): void {
  stamped = new Date().toISOString()
  // render it now, before Chromium lays the page out for paper
  flushSync(() => {
    for (const listener of listeners) listener()
  })
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('beforeprint', stampPrintedAt)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) window.removeEventListener('beforeprint', stampPrintedAt)
  }
}

/** When this document was last printed — until then, when it appeared. */
export function usePrintedAt(): string {
  const [shown] = useState(() => new Date().toISOString())
  const last = useSyncExternalStore(subscribe, () => stamped)
  return last !== null && last > shown ? last : shown
}
