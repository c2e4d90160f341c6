import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import {
  BatchReplySchema,
  EnrolReplySchema,
  LEDGER_PATHS,
  signedMessage,
  type BatchReply,
  type HeartbeatBody
} from '@shared/ledger-protocol'

/**
 * The terminal's identity at the agency server. The private key (PKCS#8 DER, base64) is a secret:
 * it is kept only through the secret store (safeStorage), never in settings or logs.
 */
export interface LedgerIdentity {
  terminalId: string
  privateKey: string
}

/** The server refused (status + its word: badSignature, unknownTerminal, badCode…) or could not be reached (status 0). */
export class LedgerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string
  ) {
    super(`ledger ${status} ${code}`)
  }
}

type Fetch = typeof fetch

/** The counter's side of src/shared/ledger-protocol.ts, over HTTP(S). */
export class LedgerClient {
  private readonly keys = new Map<string, KeyObject>()

  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: Fetch = fetch,
    private readonly timeoutMs = 15_000
  ) {}

  /** Makes a key pair and registers its public half with a one-time code. */
  async enrol(code: string, agency: string, counter: string): Promise<LedgerIdentity> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const reply = await this.post(LEDGER_PATHS.enrol, {
      code,
      agency,
      counter,
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
    })
    const { terminalId } = EnrolReplySchema.parse(reply)
    return { terminalId, privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') }
  }

  /** Ships journal lines exactly as written, in order (an empty list asks for the server's head). */
  async sendBatch(identity: LedgerIdentity, lines: readonly string[]): Promise<BatchReply> {
    return BatchReplySchema.parse(await this.signed(identity, LEDGER_PATHS.batch, JSON.stringify({ entries: lines })))
  }

  async heartbeat(identity: LedgerIdentity, body: HeartbeatBody): Promise<void> {
    await this.signed(identity, LEDGER_PATHS.heartbeat, JSON.stringify(body))
  }

  private async signed(identity: LedgerIdentity, path: string, body: string): Promise<unknown> {
    let key = this.keys.get(identity.privateKey)
    if (!key) {
      key = createPrivateKey({ key: Buffer.from(identity.privateKey, 'base64'), format: 'der', type: 'pkcs8' })
      this.keys.set(identity.privateKey, key)
    }
    const signature = sign(null, Buffer.from(signedMessage(path, identity.terminalId, body), 'utf8'), key)
    return this.post(path, { terminalId: identity.terminalId, body, signature: signature.toString('base64') })
  }

  private async post(path: string, value: unknown): Promise<unknown> {
    let response: Response
    try {
      response = await this.fetchImpl(new URL(path, this.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(value),
        signal: AbortSignal.timeout(this.timeoutMs)
      })
    } catch {
      throw new LedgerError(0, 'unreachable')
    }
    const reply = (await response.json().catch(() => ({}))) as { error?: string }
    if (!response.ok) throw new LedgerError(response.status, reply.error ?? 'http')
    return reply
  }
}
