/**
 * The rules of a new Luka payment link, zod-free: the renderer checks them before sending and
 * the contract's CreateLinkSchema is built on them, so the two cannot drift.
 */
export { EMAIL_PATTERN } from './deposit-rules'

/** Nombre and Email have no documented limit (luka-payment-link.txt); these keep them sane. */
export const LINK_MAX_LENGTH = { name: 100, email: 254 } as const
/** A payment-method key as configured for the merchant (luka-payment-link.txt, MetodosPago: "zelle"). */
export const METHOD_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/
export const CURRENCY_PATTERN = /^[A-Z]{3}$/

/** "USD, ves,,EUR" -> ["USD", "VES", "EUR"] (upper case, no empties, no repeats). */
export function parseCurrencyList(text: string): string[] {
  const codes = text
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => CURRENCY_PATTERN.test(code))
  return [...new Set(codes)]
}

/** "zelle, card" -> ["zelle", "card"] (keys kept as typed: they are Luka's, case and all). */
export function parseMethodList(text: string): string[] {
  const keys = text
    .split(',')
    .map((key) => key.trim())
    .filter((key) => METHOD_KEY_PATTERN.test(key))
  return [...new Set(keys)]
}
