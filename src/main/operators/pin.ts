import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * PINs are kept only as scrypt hashes with a salt of their own (node:crypto, off the main
 * thread). A 4–8 digit PIN is weak by itself: the cost parameters slow a guesser who has the
 * file, and the lockout (accounts.ts) stops one at the counter.
 */
const KEY_LENGTH = 32
const COST = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

export interface PinHash {
  /** base64 */
  salt: string
  /** base64 */
  hash: string
}

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, COST, (error, key) => (error ? reject(error) : resolve(key)))
  )
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16)
  const hash = await derive(pin, salt)
  return { salt: salt.toString('base64'), hash: hash.toString('base64') }
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64')
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'))
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
