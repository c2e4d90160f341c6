import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { E164, maskPhone, normalizePhone, type PhoneCountry } from '@shared/phone'
import { isGsmText, SMS_LIMITS, smsLength, splitSegments } from '@shared/sms-segments'

// Property tests (fast-check): the rules hold for generated inputs, not only for the examples we thought of.

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((list) => list.join(''))
const separator = fc.constantFrom('', ' ', '-', '.', ' - ', '(', ')', '/')
/** digits with separators sprinkled between them, the way people type numbers */
const typed = (text: string) =>
  fc
    .array(separator, { minLength: text.length, maxLength: text.length })
    .map((seps) => [...text].map((ch, i) => (i === 0 ? ch : seps[i] + ch)).join(''))
const country = fc.constantFrom<PhoneCountry>('VE', 'MX')

describe('phone numbers to E.164', () => {
  it('anything at all: never throws, and an accepted number is E.164', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), country, (input, where) => {
        const result = normalizePhone(input, where)
        if (result.ok) expect(result.e164).toMatch(E164)
      })
    )
  })

  it('is idempotent: an E.164 result normalizes to itself, in either country', () => {
    fc.assert(
      fc.property(digits(4, 20), country, country, (raw, first, second) => {
        const once = normalizePhone(raw, first)
        if (!once.ok) return
        expect(normalizePhone(once.e164, second)).toEqual(once)
      })
    )
  })

  it('a Venezuelan national number (trunk 0, any separators) becomes +58 and its 10 digits', () => {
    const nsn = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(9, 9)).map(([first, rest]) => `${first}${rest}`)
    fc.assert(
      fc.property(
        nsn.chain((n) => fc.tuple(fc.constant(n), typed(`0${n}`))),
        ([n, input]) => {
          expect(normalizePhone(input, 'VE')).toEqual({ ok: true, e164: `+58${n}` })
        }
      )
    )
  })

  it('a Mexican 10-digit number, with or without 044/045/01, +52 or 0052, or the old mobile 1, is the same number', () => {
    const nsn = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(9, 9)).map(([first, rest]) => `${first}${rest}`)
    const prefix = fc.constantFrom('', '044', '045', '01', '+52', '0052', '+521', '52')
    fc.assert(
      fc.property(nsn, prefix, (n, before) => {
        expect(normalizePhone(before + n, 'MX')).toEqual({ ok: true, e164: `+52${n}` })
      })
    )
  })

  it('letters, too few or too many digits are refused with a reason', () => {
    expect(normalizePhone('', 'VE')).toEqual({ ok: false, problem: 'empty' })
    expect(normalizePhone('0412-ABC-4567', 'VE')).toEqual({ ok: false, problem: 'characters' })
    expect(normalizePhone('0412123', 'VE')).toEqual({ ok: false, problem: 'national' })
    expect(normalizePhone('+1234567890123456', 'MX')).toEqual({ ok: false, problem: 'length' })
    expect(normalizePhone('+0412', 'MX')).toEqual({ ok: false, problem: 'length' })
  })

  it('masking keeps the last 4 digits only', () => {
    fc.assert(
      fc.property(digits(5, 15), (raw) => {
        const masked = maskPhone(`+${raw}`)
        expect(masked.slice(-4)).toBe(raw.slice(-4))
        expect(masked.replace(/\D/g, '')).toBe(raw.slice(-4))
      })
    )
    expect(maskPhone('+584121234567')).toBe('+••••••••4567')
  })
})

const GSM_SAMPLE = 'ABCabc0123 @£$¥èé.,;:!?¿¡ÄÖÑÜäöñüà\n'
const gsmText = (max: number) =>
  fc.array(fc.constantFrom(...GSM_SAMPLE), { maxLength: max }).map((chars) => chars.join(''))
const withExtension = (max: number) =>
  fc
    .array(fc.constantFrom(...GSM_SAMPLE, '€', '[', ']', '{', '}', '^', '~', '|', '\\'), { maxLength: max })
    .map((c) => c.join(''))
const anyText = (max: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...GSM_SAMPLE, '€', 'á', 'ó', 'í', '😀', '中'), fc.string({ maxLength: 1 })), {
      maxLength: max
    })
    .map((c) => c.join(''))

describe('SMS segments (GSM-7 160/153, UCS-2 70/67)', () => {
  it('plain GSM text: one segment up to 160, then ceil(n / 153)', () => {
    fc.assert(
      fc.property(gsmText(700), (text) => {
        const length = smsLength(text)
        expect(length.unicode).toBe(false)
        expect(length.units).toBe(text.length)
        const expected = text.length === 0 ? 0 : text.length <= 160 ? 1 : Math.ceil(text.length / 153)
        expect(length.segments).toBe(expected)
      })
    )
  })

  it('one character outside GSM-7 makes the whole text Unicode, counted in UTF-16 units', () => {
    fc.assert(
      fc.property(gsmText(200), fc.constantFrom('á', 'ó', '😀', '中', 'ç'), gsmText(200), (a, odd, b) => {
        const text = a + odd + b
        const length = smsLength(text)
        expect(length.unicode).toBe(true)
        expect(length.units).toBe(text.length)
        if (text.length <= 70) expect(length.segments).toBe(1)
      })
    )
  })

  it('the parts put back together are the text, each within its limit, no pair split, and as many as counted', () => {
    fc.assert(
      fc.property(fc.oneof(withExtension(500), anyText(400)), (text) => {
        const parts = splitSegments(text)
        expect(parts.join('')).toBe(text)
        const length = smsLength(text)
        expect(parts.length).toBe(length.segments)
        const limits = length.unicode ? SMS_LIMITS.unicode : SMS_LIMITS.gsm
        const cap = parts.length > 1 ? limits.part : limits.single
        for (const part of parts) {
          const units = length.unicode
            ? part.length
            : [...part].reduce((n, ch) => n + ('^{}\\[~]|€\f'.includes(ch) ? 2 : 1), 0)
          expect(units).toBeLessThanOrEqual(cap)
          expect(part.length).toBeGreaterThan(0)
        }
        expect(isGsmText(text)).toBe(!length.unicode)
      })
    )
  })

  it('adding a character never makes a text take fewer segments', () => {
    fc.assert(
      fc.property(anyText(300), fc.constantFrom('a', '€', 'á', '😀'), (text, more) => {
        expect(smsLength(text + more).segments).toBeGreaterThanOrEqual(smsLength(text).segments)
      })
    )
  })

  it('extension characters count 2 septets; the limits are LOX24 own: 1530 / 670', () => {
    expect(smsLength('€'.repeat(80))).toMatchObject({ unicode: false, units: 160, segments: 1 })
    expect(smsLength('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 })
    expect(smsLength('a'.repeat(1530))).toMatchObject({ segments: 10, tooLong: false })
    expect(smsLength('a'.repeat(1531)).tooLong).toBe(true)
    expect(smsLength('á'.repeat(670))).toMatchObject({ unicode: true, segments: 10, tooLong: false })
    expect(smsLength('á'.repeat(671)).tooLong).toBe(true)
  })
})
