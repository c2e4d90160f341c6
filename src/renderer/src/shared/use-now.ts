import { useEffect, useState } from 'react'

/**
 * The current time for relative texts ("hace 3 min"), re-rendering every `intervalMs`. Read
 * at render, so fresh data never meets a stale clock.
 */
export function useNow(intervalMs = 30_000): number {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return Date.now()
}
