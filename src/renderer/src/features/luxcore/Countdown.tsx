import { useTranslation } from 'react-i18next'
import { useNow } from '../../shared/use-now'

const two = (n: number): string => String(n).padStart(2, '0')

/** Seconds left as mm:ss (h:mm:ss past an hour). */
export function countdownText(secondsLeft: number): string {
  const hours = Math.floor(secondsLeft / 3600)
  const minutes = Math.floor((secondsLeft % 3600) / 60)
  const seconds = secondsLeft % 60
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`
}

/**
 * Time left to pay, ticking every second; "vencido" once past. A timer, not a live region:
 * a screen reader reads it when asked instead of every second.
 */
export function Countdown({ until }: { until: string }) {
  const { t } = useTranslation()
  const now = useNow(1_000)
  const end = Date.parse(until)
  if (Number.isNaN(end)) return null
  const left = Math.floor((end - now) / 1000)
  const past = left <= 0
  return (
    <span role="timer" className={past ? 'countdown countdown-past' : 'countdown'}>
      {past ? t('luxcore.deposit.expired') : countdownText(left)}
    </span>
  )
}
