// Money is an integer count of the currency's minor units. Never a float.

export interface Money {
  /** integer minor units (cents, céntimos…) */
  minor: number
  /** ISO 4217 code, upper case */
  currency: string
}

// Luka's currency table is not public (api-notes.md): the bolívar has been seen written
// several ways. Map the spellings we know to ISO codes; anything else passes through.
const CURRENCY_ALIASES: Record<string, string> = {
  BS: 'VES',
  'BS.': 'VES',
  BSS: 'VES',
  'BS.S': 'VES',
  BSD: 'VED',
  'BS.D': 'VED',
  BOLIVARES: 'VES',
  DOLARES: 'USD',
  US$: 'USD',
  $: 'USD'
}

export function normalizeCurrency(raw: string | null | undefined): string {
  const code = (raw ?? '').trim().toUpperCase()
  if (code === '') return 'XXX'
  return CURRENCY_ALIASES[code] ?? code
}

const exponentCache = new Map<string, number>()

/** ISO 4217 minor-unit exponent (USD 2, JPY 0, BHD 3); unknown codes get 2. */
export function currencyExponent(currency: string): number {
  const cached = exponentCache.get(currency)
  if (cached !== undefined) return cached
  let exponent = 2
  if (/^[A-Z]{3}$/.test(currency) && currency !== 'XXX') {
    try {
      exponent =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      exponent = 2
    }
  }
  exponentCache.set(currency, exponent)
  return exponent
}

/**
 * The currency's safe range: the largest amount Taquilla accepts from a person or believes
 * from a provider, in minor units — 10 000 000 000 in major units (10^12 cents; 10^10 for a
 * currency without decimals; at most 10^13). A shift adds up thousands of amounts and a
 * variance subtracts them; below this ceiling every such sum is an exact integer, far inside
 * Number.MAX_SAFE_INTEGER (a float of 9 007 199 254 740 990 would not be).
 */
export function maxMinor(currency: string): number {
  return 10 ** Math.min(10 + currencyExponent(currency), 13)
}

/** An integer amount within the currency's safe range (either sign). */
export function isSafeAmount(minor: number, currency: string): boolean {
  return Number.isSafeInteger(minor) && Math.abs(minor) <= maxMinor(currency)
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/

/**
 * Exact decimal text -> minor units. Extra fractional digits are rounded half away from
 * zero (Luka never sends them for 2-decimal currencies, but a lenient parser must not throw).
 * Returns null for text that is not a plain decimal or does not fit a safe integer.
 */
export function decimalToMinor(text: string, exponent: number): number | null {
  const match = DECIMAL.exec(text.trim())
  if (!match) return null
  const [, sign, whole = '0', fraction = ''] = match
  const kept = (fraction + '0'.repeat(exponent)).slice(0, exponent)
  const dropped = fraction.slice(exponent)
  let minor = BigInt(whole + kept)
  if (dropped !== '' && dropped.charCodeAt(0) >= 53 /* '5' */) minor += 1n
  if (sign === '-') minor = -minor
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) return null
  return Number(minor)
}

/**
 * A JSON number -> minor units without floating-point error: JavaScript prints a double as
 * the shortest decimal that reads back to it, which for a JSON literal such as 16.03 is
 * exactly "16.03". Exponent forms (1e-7, 1e21) are outside any real amount and go via toFixed.
 */
export function numberToMinor(value: number, exponent: number): number | null {
  if (!Number.isFinite(value)) return null
  let text = String(value)
  if (/e/i.test(text)) {
    if (Math.abs(value) >= 1e21) return null
    text = value.toFixed(Math.min(exponent + 1, 100))
  }
  return decimalToMinor(text, exponent)
}

/** minor units -> plain decimal text ("1234.50"), exact. */
export function minorToDecimal(minor: number, exponent: number): string {
  const negative = minor < 0
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0')
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent)
  const fraction = exponent === 0 ? '' : '.' + digits.slice(-exponent)
  return (negative ? '-' : '') + whole + fraction
}

const formatterCache = new Map<string, Intl.NumberFormat | null>()

/** Locale-formatted amount with currency, e.g. "Bs. 1.234,50" / "$1,234.50". */
export function formatMoney(money: Money, locale: string): string {
  const exponent = currencyExponent(money.currency)
  const key = `${locale}|${money.currency}`
  let formatter = formatterCache.get(key)
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: money.currency,
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent
      })
    } catch {
      formatter = null
    }
    formatterCache.set(key, formatter)
  }
  const decimal = minorToDecimal(money.minor, exponent)
  if (formatter) {
    // Intl accepts decimal strings exactly (no division through a double).
    return formatter.format(decimal as unknown as number)
  }
  return `${decimal} ${money.currency}`
}

export type AmountProblem = 'empty' | 'format' | 'precision' | 'tooLarge' | 'notPositive'

/**
 * What a teller typed -> minor units, exactly (no floats). Accepts "1234", "1234.5",
 * "1,234.56", "1.234,56", "1 234,56" and a leading currency symbol. The rule that makes
 * both conventions work: with both separators the last one is the decimal point; with one
 * kind, a single separator not followed by exactly three digits is the decimal point and
 * anything else groups thousands. More decimals than the currency has is refused (not
 * rounded): the teller must see what is charged.
 */
export function parseAmountInput(text: string, currency: string): { minor: number } | { problem: AmountProblem } {
  const exponent = currencyExponent(currency)
  const raw = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[^\d.,-]+/, '')
  if (raw === '') return { problem: text.trim() === '' ? 'empty' : 'format' }
  if (!/^-?[\d.,]+$/.test(raw) || /[.,]{2}/.test(raw) || /^[.,]|[.,]$/.test(raw)) return { problem: 'format' }
  const negative = raw.startsWith('-')
  const body = negative ? raw.slice(1) : raw
  const separators = new Set(body.match(/[.,]/g) ?? [])
  const threeDigitGroups = (groups: string[]) => groups.slice(1).every((group) => group.length === 3)
  let whole = body
  let fraction = ''
  if (separators.size === 2) {
    // both kinds: the last one is the decimal point, the other only groups thousands
    const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','))
    const decimal = body[last]!
    const head = body.slice(0, last)
    const groups = head.split(decimal === '.' ? ',' : '.')
    if (head.includes(decimal) || !threeDigitGroups(groups)) return { problem: 'format' }
    whole = groups.join('')
    fraction = body.slice(last + 1)
  } else if (separators.size === 1) {
    const parts = body.split(/[.,]/)
    // "0.500": a leading 0 is never a thousands group, so that separator is a decimal point
    if (parts.length === 2 && (parts[1]!.length !== 3 || /^0+$/.test(parts[0]!))) {
      whole = parts[0]!
      fraction = parts[1]!
    } else {
      if (!threeDigitGroups(parts)) return { problem: 'format' }
      whole = parts.join('')
    }
  }
  if (fraction.length > exponent) return { problem: 'precision' }
  const minor = decimalToMinor(`${whole}${fraction ? '.' + fraction : ''}`, exponent)
  if (minor === null || minor > maxMinor(currency)) return { problem: 'tooLarge' }
  if (negative || minor <= 0) return { problem: 'notPositive' }
  return { minor }
}
