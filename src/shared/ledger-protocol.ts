import { z } from 'zod'

/**
 * The agency ledger's wire protocol, spoken by the counter (src/main/ledger/) and the agency
 * server (src/server/). Every terminal request is an envelope `{ terminalId, body, signature }`:
 * `body` is a JSON text sent as a string, and the signature is Ed25519 over the exact UTF-8
 * bytes of `signedMessage(path, terminalId, body)`. Signing the bytes as sent (not a re-encoding
 * of parsed JSON) is the canonical encoding: nothing is ever re-serialized to check it, and the
 * path in the message keeps a heartbeat's signature from passing as a batch's.
 *
 * A batch's body carries the journal lines exactly as the counter wrote them (each one JSON with
 * seq, prev and hash among its fields): the server stores those bytes, so a stored entry is
 * byte-for-byte the counter's, and a different line for a stored seq is a fork, not a reformat.
 */

export const LEDGER_PATHS = { enrol: '/api/enrol', batch: '/api/batch', heartbeat: '/api/heartbeat' } as const

export function signedMessage(path: string, terminalId: string, body: string): string {
  return `taquilla-ledger-v1\n${path}\n${terminalId}\n${body}`
}

/** At most this many entries in a batch (≈ 0.5 KiB each: a batch stays well under the 4 MiB body limit). */
export const MAX_BATCH = 500

export const EnvelopeSchema = z.object({
  terminalId: z.uuid(),
  body: z.string().max(4 * 1024 * 1024),
  signature: z.base64().max(200)
})
export type Envelope = z.infer<typeof EnvelopeSchema>

export const EnrolRequestSchema = z.object({
  code: z.string().trim().min(8).max(64),
  /** Ed25519 public key, SPKI DER in base64 */
  publicKey: z.base64().max(200),
  agency: z.string().trim().min(1).max(100),
  counter: z.string().trim().min(1).max(100)
})
export const EnrolReplySchema = z.object({ terminalId: z.uuid() })

/** `entries: []` is a head query: the server answers with its last seq and hash and stores nothing. */
export const BatchBodySchema = z.object({ entries: z.array(z.string().max(64 * 1024)).max(MAX_BATCH) })

export const BatchReplySchema = z.object({
  /** the last entry the server holds in an unbroken chain from seq 1 (0 and null: none) */
  lastSeq: z.number().int(),
  lastHash: z.string().nullable(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  /** entries after a gap: kept aside, applied once the missing ones arrive */
  held: z.number().int(),
  /** a stored seq sent with different content (never overwritten), or a line whose prev is not the stored chain */
  incidents: z.array(z.object({ seq: z.number().int(), kind: z.enum(['fork', 'chain']), storedHash: z.string() }))
})
export type BatchReply = z.infer<typeof BatchReplySchema>

const Backlog = z.object({
  provider: z.string().max(40),
  count: z.number().int().min(0),
  oldestAgeMs: z.number().min(0)
})

export const HeartbeatBodySchema = z.object({
  at: z.iso.datetime(),
  appVersion: z.string().max(40),
  journalHead: z.number().int().min(0),
  openShift: z.string().max(100).nullable(),
  outbox: z.array(Backlog).max(20),
  lastError: z.string().max(500).nullable()
})
export type HeartbeatBody = z.infer<typeof HeartbeatBodySchema>

/** The fields of a journal line the server reads (the rest is stored as written). */
export const LedgerLineSchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  result: z.string(),
  prev: z.string(),
  hash: z.string(),
  refs: z.record(z.string(), z.unknown()).default({}),
  detail: z.record(z.string(), z.unknown()).default({}),
  amount: z.object({ minor: z.number().int(), currency: z.string() }).nullable().default(null),
  amounts: z.array(z.object({ minor: z.number().int(), currency: z.string() })).default([])
})
export type LedgerLine = z.infer<typeof LedgerLineSchema>
