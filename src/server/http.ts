import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttps } from 'node:https'
import { readFileSync } from 'node:fs'
import type pg from 'pg'
import { handleApi } from './api'
import type { ServerConfig } from './config'
import { Refusal } from './ledger/refusal'
import { handleOwner } from './owner/routes'

const MAX_BODY = 5 * 1024 * 1024

export async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) throw new Refusal(413, 'tooLarge')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  response.end(JSON.stringify(value))
}

export interface ServerContext {
  pool: pg.Pool
  config: ServerConfig
  /** signs owners' cookies and CSRF tokens (kept in the database: the same on every server) */
  secret: string
}

/**
 * The agency server: the counters' JSON API under /api/, the owner's pages elsewhere. It keeps
 * nothing in memory that matters (sessions are signed cookies, the rest is in PostgreSQL), so
 * several can run behind a load balancer. HTTPS itself with TAQUILLA_TLS_CERT/KEY, or behind a proxy.
 */
export function createLedgerServer(context: ServerContext): Server {
  const { config } = context
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    void route(context, request, response).catch((cause: unknown) => {
      if (cause instanceof Refusal) return sendJson(response, cause.status, { error: cause.code })
      console.error('agency server: request failed', cause instanceof Error ? cause.message : cause)
      if (!response.headersSent) sendJson(response, 500, { error: 'internal' })
      else response.destroy()
    })
  }
  if (config.tlsCert && config.tlsKey)
    return createHttps({ cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) }, handler)
  return createHttp(handler)
}

async function route(context: ServerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://server')
  if (url.pathname === '/healthz') {
    await context.pool.query('SELECT 1')
    return sendJson(response, 200, { ok: true })
  }
  if (url.pathname.startsWith('/api/')) {
    if (request.method !== 'POST') throw new Refusal(405, 'method')
    let body: unknown
    try {
      body = JSON.parse((await readRaw(request)).toString('utf8'))
    } catch (cause) {
      if (cause instanceof Refusal) throw cause
      throw new Refusal(400, 'malformed')
    }
    return sendJson(response, 200, await handleApi(context.pool, context.config.timeZone, url.pathname, body))
  }
  await handleOwner(context, request, response, url)
}
