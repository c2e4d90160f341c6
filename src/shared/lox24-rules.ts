/**
 * LOX24's sender ID rule (api-notes.md; doc.lox24.eu "any sender ID of up to 15 digits or
 * 11 characters"): a number of at most 15 digits, or at most 11 letters, digits, spaces and
 * the few signs phones show. Zod-free: the settings form checks it as the supervisor types.
 */
export function validSender(value: string): boolean {
  const sender = value.trim()
  if (/^\+?\d{1,15}$/.test(sender)) return true
  return sender.length >= 1 && sender.length <= 11 && /^[A-Za-z0-9 .\-_&+]+$/.test(sender)
}

/** api-notes.md: LOX24's API host. */
export const LOX24_URL = 'https://api.lox24.eu'

/** The credit below which the status bar warns, minor units, unless the settings say otherwise. */
export const DEFAULT_LOW_CREDIT_MINOR = 500
