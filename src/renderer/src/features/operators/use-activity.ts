import { useEffect } from 'react'
import { useOperatorsApi } from './use-operators'

/** Keyboard and mouse input at the counter tells main the teller is still there (the idle lock). */
export function useActivity(): void {
  const store = useOperatorsApi()
  useEffect(() => {
    const onInput = (): void => store.getState().reportActivity()
    const events = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const
    for (const name of events) window.addEventListener(name, onInput, { capture: true, passive: true })
    return () => {
      for (const name of events) window.removeEventListener(name, onInput, { capture: true })
    }
  }, [store])
}
