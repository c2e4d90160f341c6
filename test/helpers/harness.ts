import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TOKEN_HEADER } from '@shared/bridge-protocol'
import { createHarnessServer } from '../../src/harness/server'
import { silentLogger } from '../../src/main/support/log'
import { servicesFor, type ServicesUnderTest } from './services'

export const HARNESS_TOKEN = 'a'.repeat(48)

export interface HarnessUnderTest {
  origin: string
  under: ServicesUnderTest
  close(): Promise<void>
}

/** The real harness bridge on 127.0.0.1:0 over real services pointed at a fake Luka (and LuxCore). */
export async function startHarness(lukaUrl: string, env: Record<string, string> = {}): Promise<HarnessUnderTest> {
  const under = servicesFor(lukaUrl, { env })
  const rendererDir = mkdtempSync(join(tmpdir(), 'taquilla-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Taquilla</title>')
  const server = createHarnessServer({
    services: under.services,
    token: HARNESS_TOKEN,
    rendererDir,
    port: 0,
    log: silentLogger
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    under,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await under.services.dispose()
    }
  }
}

export interface RawReply {
  status: number
  body: unknown
}

/**
 * POSTs raw bytes to an operation, written in the given pieces with a pause between them
 * (so the server really receives several chunks); the reply's JSON, or the text if not JSON.
 */
export function postRaw(
  origin: string,
  path: string,
  pieces: Buffer[],
  headers: Record<string, string> = {}
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      origin + path,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: HARNESS_TOKEN, ...headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: unknown = text
          try {
            body = JSON.parse(text)
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, body })
        })
      }
    )
    req.on('error', reject)
    const writeFrom = (index: number): void => {
      if (index >= pieces.length) return void req.end()
      req.write(pieces[index])
      setTimeout(() => writeFrom(index + 1), index + 1 < pieces.length ? 15 : 0)
    }
    writeFrom(0)
  })
}
