/** Injected time, so token renewal and retry schedules are testable. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
