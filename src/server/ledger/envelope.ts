import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import type pg from 'pg'
import { EnvelopeSchema, signedMessage, type Envelope } from '@shared/ledger-protocol'
import { Refusal } from './refusal'

// enrolled keys never change, so a parsed key can be kept (per process; nothing to keep in step)
const keys = new Map<string, KeyObject>()

export function parseEd25519(publicKey: string): KeyObject {
  let key: KeyObject
  try {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
  } catch {
    throw new Refusal(400, 'badKey')
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Refusal(400, 'badKey')
  return key
}

/**
 * Checks a terminal's signed request: the terminal must be enrolled and the signature must be
 * its key's over `signedMessage(path, terminalId, body)`. Nothing is read from the body before.
 */
export async function openEnvelope(pool: pg.Pool, path: string, raw: unknown): Promise<Envelope> {
  const parsed = EnvelopeSchema.safeParse(raw)
  if (!parsed.success) throw new Refusal(400, 'malformed')
  const envelope = parsed.data
  let key = keys.get(envelope.terminalId)
  if (!key) {
    const { rows } = await pool.query('SELECT public_key FROM terminals WHERE id = $1', [envelope.terminalId])
    if (!rows[0]) throw new Refusal(401, 'unknownTerminal')
    key = parseEd25519(rows[0].public_key as string)
    keys.set(envelope.terminalId, key)
  }
  const message = Buffer.from(signedMessage(path, envelope.terminalId, envelope.body), 'utf8')
  if (!verify(null, message, key, Buffer.from(envelope.signature, 'base64'))) throw new Refusal(401, 'badSignature')
  return envelope
}

/** The body's JSON, checked against its schema (after the signature is known good). */
export function readBody<T>(
  envelope: Envelope,
  schema: { safeParse(value: unknown): { success: boolean; data?: T } }
): T {
  let value: unknown
  try {
    value = JSON.parse(envelope.body)
  } catch {
    throw new Refusal(400, 'malformed')
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new Refusal(400, 'malformed')
  return parsed.data as T
}
