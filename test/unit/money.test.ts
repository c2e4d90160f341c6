import { describe, expect, it } from 'vitest'
import { currencyExponent, decimalToMinor, formatMoney, minorToDecimal, normalizeCurrency, numberToMinor } from '@shared/money'

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
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
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
