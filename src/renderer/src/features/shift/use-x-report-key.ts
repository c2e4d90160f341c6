import { useEffect } from 'react'
import { matchesShortcut, shortcuts } from '../../shared/keyboard/shortcuts'
import { useShift } from './use-shift'

/**
 * Alt+X while the closing dialog is open — from the count fields too: takes an X report, and
 * the shift stays open. The dialog owns the keyboard, so while it is mounted the key is its own.
 */
export function useXReportKey(): () => void {
  const takeXReport = useShift((s) => s.takeXReport)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat || !matchesShortcut(shortcuts.xReport, event)) return
      event.preventDefault()
      void takeXReport()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [takeXReport])
  return () => void takeXReport()
}
