import { timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EVENTS_PATH, TOKEN_HEADER, TOKEN_QUERY } from '@shared/bridge-protocol'
import { eventNames, operationNames, parseInput, type EventName, type OperationName } from '@shared/contract'
import { CONTENT_SECURITY_POLICY } from '@shared/csp'
import type { AppError } from '@shared/errors'
import type { Services } from '../main/services'
import type { Logger } from '../main/support/log'
import { contentType, fileInside } from '../main/support/static-files'

export interface HarnessOptions {
  services: Services
  token: string
  rendererDir: string
  port: number
  log: Logger
}

/** Bytes, not characters: the largest real request (settings) is a few KB. */
const MAX_BODY = 256 * 1024
/** Decodes the whole body at once and refuses bytes that are not UTF-8, instead of guessing. */
const UTF8 = new TextDecoder('utf-8', { fatal: true })
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS
  })
  res.end(JSON.stringify(body))
}

/** Every refusal on the API path is a contract error, so the page's bridge reads it like any other. */
function refuse(res: ServerResponse, status: number, error: AppError): void {
  send(res, status, { ok: false, error })
}

/**
 * The request body as one string, decoded as a whole (a character split across two chunks
 * stays whole). A body over the limit is drained, not cut off, so the 413 reaches the caller.
 */
function readBody(req: IncomingMessage): Promise<string | 'size' | 'encoding'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('error', reject)
    req.on('end', () => {
      if (size > MAX_BODY) return resolve('size')
      try {
        resolve(UTF8.decode(Buffer.concat(chunks)))
      } catch {
        resolve('encoding')
      }
    })
  })
}

/** `{"input": …}`, or an empty body; anything else (null, an array, a number, bad JSON) is refused. */
function parseBody(raw: string): Record<string, unknown> | null {
  if (raw.trim() === '') return {}
  try {
    const body: unknown = JSON.parse(raw)
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * The browser-mode bridge. Loopback only; every API call needs the per-start token, and a
 * request from another web page is refused by its Origin (and a DNS-rebinding attempt by
 * its Host) before the token is even looked at.
 */
export function createHarnessServer(options: HarnessOptions): Server {
  const { services, token, log } = options
  // The port is read from the bound socket, so port 0 (any free port) works too.
  let boundPort = options.port
  const allowedHost = (host: string) => host === `127.0.0.1:${boundPort}` || host === `localhost:${boundPort}`
  const allowedOrigin = (origin: string) => origin.startsWith('http://') && allowedHost(origin.slice('http://'.length))
  const isOperation = (name: string): name is OperationName => (operationNames as readonly string[]).includes(name)

  async function operation(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, { code: 'VALIDATION', reason: 'method' })
    if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return refuse(res, 401, { code: 'FORBIDDEN', reason: 'token' })
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, { code: 'VALIDATION', reason: 'type' })
    }
    if (!isOperation(name)) return refuse(res, 404, { code: 'VALIDATION', reason: 'operation' })
    const raw = await readBody(req)
    if (raw === 'size') return refuse(res, 413, { code: 'VALIDATION', reason: 'size' })
    if (raw === 'encoding') return refuse(res, 400, { code: 'VALIDATION', reason: 'encoding' })
    const body = parseBody(raw)
    if (body === null) return refuse(res, 400, { code: 'VALIDATION', reason: 'json' })
    const input = parseInput(name, body['input'])
    if (!input.ok) return send(res, 200, input)
    const handler = services.handlers[name] as (input: unknown) => Promise<unknown>
    send(res, 200, await handler(input.value))
  }

  function events(url: URL, res: ServerResponse): void {
    if (!sameSecret(url.searchParams.get(TOKEN_QUERY), token)) return send(res, 401, { error: 'token' })
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      ...SECURITY_HEADERS
    })
    res.write(': connected\n\n')
    const unsubscribe = services.bus.subscribe((name: EventName, payload) => {
      if (eventNames.includes(name)) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000)
    res.on('close', () => {
      clearInterval(keepAlive)
      unsubscribe()
    })
  }

  async function asset(url: URL, res: ServerResponse): Promise<void> {
    // `/customer` is the customer display's page (same token as the counter's)
    const page = url.pathname === '/' ? 'index.html' : url.pathname === '/customer' ? 'customer.html' : null
    const relative = page ?? decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const path = fileInside(options.rendererDir, relative)
    if (!path) return send(res, 404, { error: 'not found' })
    try {
      const content = await readFile(path)
      res.writeHead(200, {
        'Content-Type': contentType(path),
        'Cache-Control': page ? 'no-store' : 'max-age=3600',
        ...SECURITY_HEADERS
      })
      res.end(content)
    } catch {
      send(res, 404, { error: 'not found' })
    }
  }

  const server = createServer((req, res) => {
    const host = req.headers.host ?? ''
    const origin = req.headers.origin
    if (!allowedHost(host)) return send(res, 421, { error: 'host' })
    if (origin !== undefined && !allowedOrigin(origin)) {
      log.warn('harness refused a foreign origin', { origin })
      return send(res, 403, { error: 'origin' })
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    const task = url.pathname.startsWith('/api/op/')
      ? operation(url.pathname.slice('/api/op/'.length), req, res)
      : url.pathname === EVENTS_PATH
        ? Promise.resolve(events(url, res))
        : req.method === 'GET'
          ? asset(url, res)
          : Promise.resolve(send(res, 405, { error: 'method' }))
    task.catch((cause: unknown) => {
      log.error('harness request failed', { error: String(cause) })
      if (!res.headersSent) refuse(res, 500, { code: 'INTERNAL' })
    })
  })
  server.on('listening', () => {
    boundPort = (server.address() as AddressInfo).port
  })
  return server
}
