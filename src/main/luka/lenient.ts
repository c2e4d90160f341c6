// Lenient reading of Luka JSON. Every spelling quirk from ../shared/reference is handled
// here and only here:
//  - `Descripción` (table) vs `Descripcion` (example), `Código` vs `Codigo` (payment-link page)
//  - `IdTx` vs `Idtx` (.NET binds case-insensitively)            — luka-cash-payments.txt
//  - `Canal` documented as Number, returned as a string          — api-notes.md
//  - `FechaOperacion` "2023-09-29 19:25:11.767791+00:00" and
//    `FechaCreacion` "2022-02-23T18:27:47.1959116Z"               — luka-cash-payments.txt

type Json = Record<string, unknown>

const foldKey = (key: string): string =>
  key
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Looks a field up ignoring case and accents. */
export function field(obj: unknown, name: string): unknown {
  if (!isObject(obj)) return undefined
  if (name in obj) return obj[name]
  const wanted = foldKey(name)
  for (const key of Object.keys(obj)) {
    if (foldKey(key) === wanted) return obj[key]
  }
  return undefined
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? null : trimmed
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

export function integer(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) return Number(value.trim())
  return null
}

export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value === 'string') {
    const lowered = value.trim().toLowerCase()
    if (lowered === 'true') return true
    if (lowered === 'false') return false
  }
  return null
}

/**
 * Amount as exact decimal text: 7.99 -> "7.99", "7,99" -> "7.99", "1.234,56" -> "1234.56",
 * "1.234.567" -> "1234567". Luka documents `Monto` as a Number; a string is read only when it
 * has one meaning. A lone separator followed by exactly three digits ("1,234", "1.234") may
 * group thousands or mark decimals: refused (null), never guessed. So are groups not of three.
 */
export function decimalText(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value !== 'string') return null
  const match = /^(-?)(\d+(?:[.,]\d+)*)$/.exec(value.replace(/[\s\u00a0\u202f]/g, ''))
  if (!match) return null
  const [, sign, body = ''] = match
  const kinds = new Set(body.match(/[.,]/g) ?? [])
  const parts = body.split(/[.,]/)
  const grouped = (groups: string[]) => groups.slice(1).every((group) => group.length === 3)
  if (kinds.size === 0) return sign + body
  if (kinds.size === 2) {
    // both kinds: the last separator is the decimal one, and it comes once
    const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','))
    const head = body.slice(0, last)
    if (head.includes(body[last]!) || !grouped(head.split(/[.,]/))) return null
    return `${sign}${head.replace(/[.,]/g, '')}.${body.slice(last + 1)}`
  }
  if (parts.length > 2) return grouped(parts) ? sign + parts.join('') : null
  const [whole = '', fraction = ''] = parts
  // "0.500": a leading zero is never a thousands group
  if (fraction.length === 3 && !/^0+$/.test(whole)) return null
  return `${sign}${whole}.${fraction}`
}

// Luka's IdCanal codes (api-notes.md: bank method pages)
const CHANNELS: Record<number, string> = {
  1: 'Pasarela de pago',
  2: 'API',
  3: 'Link de Pago',
  4: 'Android',
  5: 'iOS'
}

export function channelName(value: unknown): string | null {
  const code = integer(value)
  if (code !== null) return CHANNELS[code] ?? String(code)
  return text(value)
}

/**
 * Luka dates -> ISO 8601 instant. Accepts a space or `T`, 0-9 fractional digits, `Z`,
 * `+00:00` or no zone (Luka's servers report UTC; a zoneless date is read as UTC).
 */
export function lukaDate(value: unknown): string | null {
  const raw = text(value)
  if (!raw) return null
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(raw)
  if (!match) return null
  const [, date, time, fraction = '', zone = 'Z'] = match
  const millis = (fraction + '000').slice(0, 3)
  const normalizedZone = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  const seconds = time!.length === 5 ? `${time}:00` : time
  const parsed = Date.parse(`${date}T${seconds}.${millis}${normalizedZone}`)
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString()
}

/** JSON text -> value, or undefined if it is not JSON (HTML error pages, truncated bodies). */
export function parseJson(body: unknown): unknown {
  if (typeof body !== 'string') return body
  const trimmed = body.replace(/^\uFEFF/, '').trim()
  if (trimmed === '') return null
  try {
    return JSON.parse(trimmed)
  } catch {
    return undefined
  }
}

/** Luka's own error words: `Mensaje`, else `Descripcion`, else an HTML page's title. */
export function providerMessage(body: unknown): string | undefined {
  const json = parseJson(body)
  const message = text(field(json, 'Mensaje')) ?? text(field(json, 'Descripcion')) ?? text(field(json, 'message'))
  if (message) return message.slice(0, 300)
  if (typeof body === 'string') {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(body)?.[1]
    if (title?.trim()) return title.trim().slice(0, 300)
  }
  return undefined
}

export function providerCode(body: unknown): string | undefined {
  const code = field(parseJson(body), 'Codigo')
  return text(code) ?? undefined
}
