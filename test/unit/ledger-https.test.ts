import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LedgerClient } from '../../src/main/ledger/client'
import { addOwner } from '../../src/server/owner/accounts'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

let postgres: TestPostgres
let ledger: LedgerUnderTest
let ca: string

// the openssl command line (Debian's, /usr/bin/openssl), or the one TAQUILLA_OPENSSL names
const OPENSSL = process.env.TAQUILLA_OPENSSL ?? 'openssl'

/** A throwaway self-signed certificate for 127.0.0.1, made by the openssl command line. */
function selfSigned(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'taquilla-tls-'))
  const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')]
  execFileSync(OPENSSL, [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
    ...['-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']
  ])
  return { cert, key }
}

/**
 * fetch over node:https trusting `ca` — how a counter would trust an agency's own certificate
 * without touching the client (it takes any fetch).
 */
function fetchTrusting(authority: string): typeof fetch {
  return (input, init) =>
    new Promise((resolve, reject) => {
      const sent = request(
        new URL(String(input)),
        { method: init?.method ?? 'GET', headers: init?.headers as Record<string, string>, ca: authority },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => {
            const headers = new Headers()
            for (const [name, value] of Object.entries(response.headers))
              for (const one of [value ?? []].flat()) headers.append(name, one)
            resolve(new Response(Buffer.concat(chunks), { status: response.statusCode, headers }))
          })
          response.on('error', reject)
        }
      )
      sent.on('error', reject)
      sent.end(init?.body as string | undefined)
    })
}

beforeAll(async () => {
  postgres = await startPostgres()
  const { cert, key } = selfSigned()
  ca = readFileSync(cert, 'utf8')
  ledger = await startLedger(postgres, { TAQUILLA_TLS_CERT: cert, TAQUILLA_TLS_KEY: key })
  await addOwner(ledger.context.pool, 'duena@example.com', 'una clave larga y buena')
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

describe('the agency server over HTTPS with its own certificate', () => {
  it('enrols a counter and stores its batch when the counter trusts that certificate, and not otherwise', async () => {
    expect(ledger.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const code = await ledger.code()
    // an unknown certificate is not trusted: nothing reaches the server
    await expect(new LedgerClient(ledger.url).enrol(code, 'Agencia Centro', 'Taquilla 1')).rejects.toMatchObject({
      status: 0,
      code: 'unreachable'
    })
    const client = new LedgerClient(ledger.url, fetchTrusting(ca))
    const identity = await client.enrol(code, 'Agencia Centro', 'Taquilla 1')
    const counter = counterBooks()
    for (let i = 0; i < 5; i++)
      counter.journal.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
    const reply = await client.sendBatch(identity, counter.lines())
    expect(reply).toMatchObject({ accepted: 5, lastSeq: 5 })
    const { rows } = await ledger.context.pool.query('SELECT body FROM entries WHERE terminal_id = $1 ORDER BY seq', [
      identity.terminalId
    ])
    expect(rows.map((row) => row.body)).toEqual(counter.lines())
  })

  it("marks the owner's session cookie Secure", async () => {
    const response = await fetchTrusting(ca)(`${ledger.url}/signin`, {
      method: 'POST',
      headers: { origin: ledger.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=duena%40example.com&password=una+clave+larga+y+buena'
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('set-cookie')).toMatch(/^tq_session=[^;]+; .*HttpOnly; SameSite=Strict; .*Secure$/)
  })
})
