/**
 * Phone numbers for SMS receipts: whatever the teller types (or Luka's
 * `InfoUsuarioPagador.NumeroTelefono` holds) -> E.164, which LOX24's `POST /sms` wants
 * (api-notes.md, LOX24). Pure: used by the renderer as the teller types and by main before
 * anything is sent.
 */

/** The counters' countries: Venezuela and Mexico. */
export const phoneCountries = ['VE', 'MX'] as const
export type PhoneCountry = (typeof phoneCountries)[number]

export const COUNTRY_CALLING_CODE: Record<PhoneCountry, string> = { VE: '58', MX: '52' }

export type PhoneProblem = 'empty' | 'characters' | 'length' | 'national'
export type PhoneResult = { ok: true; e164: string } | { ok: false; problem: PhoneProblem }

/** E.164: a "+", then at most 15 digits, the first not 0 (ITU-T E.164 §6). */
export const E164 = /^\+[1-9]\d{7,14}$/

/** National significant number lengths: VE 10 (412 1234567), MX 10 (55 1234 5678). */
const NATIONAL_LENGTH: Record<PhoneCountry, number> = { VE: 10, MX: 10 }

/** Spaces, dots, dashes, slashes and parentheses people type between groups of digits. */
const SEPARATORS = /[\s.\-/()\u00a0]/g

export function normalizePhone(input: string, country: PhoneCountry): PhoneResult {
  const compact = input.trim().replace(SEPARATORS, '')
  if (compact === '') return { ok: false, problem: 'empty' }
  if (!/^(\+|00)?\d+$/.test(compact)) return { ok: false, problem: 'characters' }
  if (compact.startsWith('+') || compact.startsWith('00')) {
    return international(compact.replace(/^(\+|00)/, ''))
  }
  const code = COUNTRY_CALLING_CODE[country]
  const length = NATIONAL_LENGTH[country]
  // the country code typed without "+" (e.g. 584121234567)
  if (compact.length === code.length + length && compact.startsWith(code)) return international(compact)
  // Venezuela dials a trunk "0" before the area code (0412-1234567); Mexico dropped its
  // 01/044/045 prefixes in 2019, but people still type them
  const national =
    country === 'VE' ? compact.replace(/^0(?=\d{10}$)/, '') : compact.replace(/^(01|044|045)(?=\d{10}$)/, '')
  if (national.length !== length || national.startsWith('0')) return { ok: false, problem: 'national' }
  return international(code + national)
}

function international(digits: string): PhoneResult {
  // Mexico's old mobile "1" after +52 (+52 1 55 1234 5678) is no longer dialled since 2019
  const fixed = /^521\d{10}$/.test(digits) ? '52' + digits.slice(3) : digits
  const e164 = `+${fixed}`
  return E164.test(e164) ? { ok: true, e164 } : { ok: false, problem: 'length' }
}

/** For the journal and the screen: every digit but the last 4 hidden ("+58•••••••4567"). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  const prefix = phone.trim().startsWith('+') ? '+' : ''
  if (digits.length <= 4) return prefix + '•'.repeat(digits.length)
  return prefix + '•'.repeat(digits.length - 4) + digits.slice(-4)
}
