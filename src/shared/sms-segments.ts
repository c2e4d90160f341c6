/**
 * How long an SMS is, in the units the network bills: GSM 03.38 (7-bit) when every
 * character is in its alphabet, else UCS-2 (`is_unicode` for LOX24's `POST /sms`).
 * One segment holds 160 septets / 70 UTF-16 units; a concatenated one 153 / 67 (the UDH
 * takes the rest). LOX24 accepts at most 1 530 / 670 (api-notes.md) = 10 segments.
 */

// 3GPP TS 23.038 §6.2.1: the default alphabet, and the extension table (ESC + char = 2 septets)
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const GSM_EXTENSION = '\f^{}\\[~]|€'

const BASIC = new Set(GSM_BASIC)
const EXTENSION = new Set(GSM_EXTENSION)

export const SMS_LIMITS = {
  gsm: { single: 160, part: 153, max: 1530 },
  unicode: { single: 70, part: 67, max: 670 }
} as const

export interface SmsLength {
  unicode: boolean
  /** characters as a person counts them (code points) */
  characters: number
  /** septets (GSM) or UTF-16 code units (UCS-2) */
  units: number
  segments: number
  /** units still free in the last segment */
  remaining: number
  tooLong: boolean
}

export const isGsmText = (text: string): boolean => [...text].every((ch) => BASIC.has(ch) || EXTENSION.has(ch))

/** Units one character takes: an extension character 2 septets, an astral one 2 UTF-16 units. */
const unitsOf = (ch: string, unicode: boolean): number => (unicode ? ch.length : EXTENSION.has(ch) ? 2 : 1)

/**
 * The text cut the way a phone cuts it: never an escape pair or a surrogate pair across two
 * segments (so a part may hold one unit less than the limit).
 */
export function splitSegments(text: string): string[] {
  const unicode = !isGsmText(text)
  const limits = unicode ? SMS_LIMITS.unicode : SMS_LIMITS.gsm
  const chars = [...text]
  const total = chars.reduce((sum, ch) => sum + unitsOf(ch, unicode), 0)
  if (total <= limits.single) return text === '' ? [] : [text]
  const parts: string[] = []
  let current = ''
  let used = 0
  for (const ch of chars) {
    const units = unitsOf(ch, unicode)
    if (used + units > limits.part) {
      parts.push(current)
      current = ''
      used = 0
    }
    current += ch
    used += units
  }
  if (current !== '') parts.push(current)
  return parts
}

export function smsLength(text: string): SmsLength {
  const unicode = !isGsmText(text)
  const limits = unicode ? SMS_LIMITS.unicode : SMS_LIMITS.gsm
  const chars = [...text]
  const units = chars.reduce((sum, ch) => sum + unitsOf(ch, unicode), 0)
  const parts = splitSegments(text)
  const segments = parts.length
  const capacity = segments <= 1 ? limits.single : limits.part
  const last = parts.length === 0 ? 0 : [...parts[parts.length - 1]!].reduce((sum, ch) => sum + unitsOf(ch, unicode), 0)
  return {
    unicode,
    characters: chars.length,
    units,
    segments,
    remaining: capacity - last,
    tooLong: units > limits.max
  }
}
