import { describe, expect, it } from 'vitest'
import {
  currencyExponent,
  decimalToMinor,
  formatMoney,
  minorToDecimal,
  normalizeCurrency,
  numberToMinor,
  isSafeAmount,
  maxMinor,
  parseAmountInput
} from '@shared/money'

describe('money', () => {
  it('knows ISO exponents', () => {
    expect(currencyExponent('USD')).toBe(2)
    expect(currencyExponent('VES')).toBe(2)
    expect(currencyExponent('JPY')).toBe(0)
    expect(currencyExponent('BHD')).toBe(3)
    expect(currencyExponent('NOPE1')).toBe(2)
  })

  it('maps bolívar spellings to ISO codes', () => {
    expect(normalizeCurrency('Bs.')).toBe('VES')
    expect(normalizeCurrency(' usd ')).toBe('USD')
    expect(normalizeCurrency(null)).toBe('XXX')
  })

  it('converts JSON numbers exactly (no float error)', () => {
    expect(numberToMinor(16.03, 2)).toBe(1603)
    expect(numberToMinor(7.99, 2)).toBe(799)
    expect(numberToMinor(0.1 + 0.2, 2)).toBe(30) // 0.30000000000000004 -> 0.30
    expect(numberToMinor(1234567.89, 2)).toBe(123456789)
    expect(numberToMinor(1e-7, 2)).toBe(0)
    expect(numberToMinor(Number.NaN, 2)).toBeNull()
  })

  it('rounds extra digits half away from zero and refuses garbage', () => {
    expect(decimalToMinor('7.995', 2)).toBe(800)
    expect(decimalToMinor('-7.995', 2)).toBe(-800)
    expect(decimalToMinor('7.994', 2)).toBe(799)
    expect(decimalToMinor('12', 0)).toBe(12)
    expect(decimalToMinor('1.2.3', 2)).toBeNull()
    expect(decimalToMinor('99999999999999999999', 2)).toBeNull()
  })

  it('round-trips 100 000 random amounts exactly through decimal text and JSON numbers', () => {
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 100_000; i++) {
      const exponent = [0, 2, 3][i % 3]!
      const minor = Math.floor(random() * 10 ** (6 + (i % 7)))
      const text = minorToDecimal(minor, exponent)
      expect(decimalToMinor(text, exponent)).toBe(minor)
      expect(numberToMinor(JSON.parse(text) as number, exponent)).toBe(minor)
    }
  })

  it('formats with Intl in the teller language', () => {
    expect(formatMoney({ minor: 123450, currency: 'USD' }, 'en-US')).toBe('$1,234.50')
    expect(formatMoney({ minor: 123450, currency: 'VES' }, 'es-VE')).toMatch(/1\.234,50/)
    expect(formatMoney({ minor: 5, currency: 'XYZ1' }, 'en-US')).toBe('0.05 XYZ1')
  })
})

describe('typed amounts (parseAmountInput)', () => {
  it('reads both conventions exactly and refuses what it cannot read unambiguously', () => {
    const minor = (text: string) => {
      const parsed = parseAmountInput(text, 'MXN')
      return 'minor' in parsed ? parsed.minor : parsed.problem
    }
    expect(minor('1234')).toBe(123400)
    expect(minor('1234.5')).toBe(123450)
    expect(minor('1,234.56')).toBe(123456)
    expect(minor('1.234,56')).toBe(123456)
    expect(minor('1 234,56')).toBe(123456)
    expect(minor('MX$ 99.90')).toBe(9990)
    expect(minor('12,5')).toBe(1250)
    expect(minor('1,234')).toBe(123400)
    expect(minor('')).toBe('empty')
    expect(minor('1.2.3')).toBe('format')
    expect(minor('12.345,678')).toBe('precision')
    expect(minor('1,23,456')).toBe('format')
    expect(minor('abc')).toBe('format')
    expect(minor('0')).toBe('notPositive')
    expect(minor('-5')).toBe('notPositive')
    expect(minor('0.500')).toBe('precision') // a leading 0 is never a thousands group
    expect(minor('0,50')).toBe(50)
  })

  it('property: 20 000 random amounts formatted in es and en read back to the same minor units', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 20_000; i++) {
      const value = Math.max(1, Math.floor(random() * 10 ** (1 + (i % 9))))
      for (const locale of ['es-VE', 'es-MX', 'en-US']) {
        const text = formatMoney({ minor: value, currency: 'MXN' }, locale)
        const parsed = parseAmountInput(text, 'MXN')
        expect(parsed, `${locale} ${text}`).toEqual({ minor: value })
      }
      const plain = minorToDecimal(value, 2)
      expect(parseAmountInput(plain, 'MXN')).toEqual({ minor: value })
      expect(parseAmountInput(plain.replace('.', ','), 'MXN')).toEqual({ minor: value })
    }
  })
})

describe('money arithmetic (property)', () => {
  it('100 000 random amounts: sums and variances in minor units equal BigInt arithmetic on the decimal texts', () => {
    let seed = 2026
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const currencies = ['USD', 'VES', 'MXN', 'JPY', 'BHD'] as const
    const totals = new Map<string, number>()
    const exact = new Map<string, bigint>()
    for (let i = 0; i < 100_000; i++) {
      const currency = currencies[i % currencies.length]!
      const exponent = currencyExponent(currency)
      const minor = Math.floor(random() * 10 ** 7)
      // what Luka would send (a JSON number) and what a teller types (text) must agree
      const text = minorToDecimal(minor, exponent)
      expect(numberToMinor(Number(text), exponent)).toBe(minor)
      totals.set(currency, (totals.get(currency) ?? 0) + minor)
      const [whole, fraction = ''] = text.split('.')
      exact.set(currency, (exact.get(currency) ?? 0n) + BigInt(whole! + fraction.padEnd(exponent, '0')))
    }
    for (const currency of currencies) {
      expect(BigInt(totals.get(currency)!)).toBe(exact.get(currency))
      expect(Number.isSafeInteger(totals.get(currency)!)).toBe(true)
      const counted = totals.get(currency)! - 103
      expect(minorToDecimal(counted - totals.get(currency)!, currencyExponent(currency))).toBe(
        currencyExponent(currency) === 0 ? '-103' : currencyExponent(currency) === 3 ? '-0.103' : '-1.03'
      )
    }
  })
})

describe('the currency safe range', () => {
  it('is 10 000 000 000 in major units, whatever the exponent, and at most 10^13 minor units', () => {
    expect(maxMinor('USD')).toBe(10 ** 12)
    expect(maxMinor('JPY')).toBe(10 ** 10)
    expect(maxMinor('BHD')).toBe(10 ** 13)
    expect(isSafeAmount(10 ** 12, 'USD')).toBe(true)
    expect(isSafeAmount(10 ** 12 + 1, 'USD')).toBe(false)
    expect(isSafeAmount(-(10 ** 12), 'USD')).toBe(true)
    expect(isSafeAmount(9_007_199_254_740_990, 'USD')).toBe(false)
    expect(isSafeAmount(1.5, 'USD')).toBe(false)
  })

  it('is what a typed amount may reach', () => {
    expect(parseAmountInput('10.000.000.000,00', 'USD')).toEqual({ minor: 10 ** 12 })
    expect(parseAmountInput('10.000.000.000,01', 'USD')).toEqual({ problem: 'tooLarge' })
    expect(parseAmountInput('90071992547409,90', 'USD')).toEqual({ problem: 'tooLarge' })
  })
})
