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
