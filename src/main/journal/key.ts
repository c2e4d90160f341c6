import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretStore } from '../settings/storage'

/**
 * The journal's HMAC key: 32 random bytes made at first start. In the app it is kept only
 * through the OS (safeStorage, like the Luka password); where the OS cannot keep it (browser
 * mode, or no keyring) it is a file in the data directory — weaker: whoever can write the
 * folder can read it, and the UI says so. The operators file (issue 11) reuses macWith.
 */
export interface JournalKey {
  key: Buffer
  /** os: sealed by safeStorage; file: a key file beside the journal */
  protection: 'os' | 'file'
  /** made at this start: an existing journal without a key is migrated, not damaged */
  created: boolean
}

/** The origin the key is bound to in the secret store (secrets are bound to where they are used). */
const ORIGIN = 'taquilla:journal'
export const KEY_FILE = 'journal.key'

/**
 * A keyed MAC of a text, as hex: HMAC-SHA256 (RFC 2104), with the padded key hashed once and
 * copied for each text — a year of entries is checked without setting the key up 365 000 times.
 */
export function macWith(key: Buffer): (text: string) => string {
  const block = Buffer.alloc(64)
  ;(key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block)
  const pad = (byte: number) => createHash('sha256').update(block.map((value) => value ^ byte))
  const inner = pad(0x36)
  const outer = pad(0x5c)
  return (text) => outer.copy().update(inner.copy().update(text).digest()).digest('hex')
}

/**
 * Loads the key, or makes one. `secrets` is the OS store (null in browser mode); a key
 * already sealed there is always the one used, so a keyring that is down does not quietly
 * move the key into a file.
 */
export function loadJournalKey(secrets: SecretStore | null, dataDir: string): JournalKey {
  const sealed = secrets?.get('journalKey', ORIGIN) ?? null
  if (sealed && /^[0-9a-f]{64}$/.test(sealed))
    return { key: Buffer.from(sealed, 'hex'), protection: 'os', created: false }
  const file = join(dataDir, KEY_FILE)
  const kept = readKeyFile(file)
  if (secrets?.available && !kept) {
    const key = randomBytes(32)
    secrets.set('journalKey', key.toString('hex'), ORIGIN)
    return { key, protection: 'os', created: true }
  }
  if (kept) return { key: kept, protection: 'file', created: false }
  const key = randomBytes(32)
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 })
  return { key, protection: 'file', created: true }
}

function readKeyFile(file: string): Buffer | null {
  try {
    const text = readFileSync(file, 'utf8').trim()
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : null
  } catch {
    return null
  }
}
