import type { Language } from '@shared/contract'
import { formatMoney, type Money } from '@shared/money'

/** Venezuelan Spanish by default: the counter's customers pay in bolívares. */
const LOCALES: Record<Language, string> = { es: 'es-VE', en: 'en-US' }

export function localeOf(language: Language): string {
  return LOCALES[language]
}

export function formatAmount(money: Money, language: Language): string {
  return formatMoney(money, localeOf(language))
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** An ISO instant in the computer's local time, e.g. "29 sept 2023, 3:25:11 p. m.". */
export function formatDateTime(iso: string, language: Language): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const locale = localeOf(language)
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })
    dateFormats.set(locale, format)
  }
  return format.format(date)
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()
const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1]
]

/** An ISO instant relative to `now`: "hace 3 min", "dentro de 20 s", "ahora". */
export function formatRelative(iso: string, now: number, language: Language): string | null {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return null
  const seconds = Math.round((time - now) / 1000)
  const [unit, size] = units.find(([, length]) => Math.abs(seconds) >= length) ?? ['second', 1]
  const locale = localeOf(language)
  let format = relativeFormats.get(locale)
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })
    relativeFormats.set(locale, format)
  }
  // Whole units toward zero: 3 min 50 s ago is "hace 3 min"; -0 would read oddly, so 0.
  return format.format(Math.trunc(seconds / size) || 0, unit)
}

const timeFormats = new Map<string, Intl.DateTimeFormat>()

/** An ISO instant as the computer's local time of day, 24-hour: "14:05". */
export function formatTime(iso: string, language: Language): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const locale = localeOf(language)
  let format = timeFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    timeFormats.set(locale, format)
  }
  return format.format(date)
}

const shortFormats = new Map<string, Intl.DateTimeFormat>()

/** An ISO instant in local time, compact for a list row: "02/05/2024, 10:00:01". */
export function formatShortDateTime(iso: string, language: Language): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const locale = localeOf(language)
  let format = shortFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' })
    shortFormats.set(locale, format)
  }
  return format.format(date)
}

/** The local day of an ISO instant, YYYY-MM-DD (the journal's day filter, file names). */
export function localDay(iso: string): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
