import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * What the fake providers share: an HTTP server on 127.0.0.1 that can be stopped (so
 * connections are refused) and started again on the same port, a queue of injected faults
 * per route, and reading request bodies.
 */
/** A reply as a hostile or confused provider might send it. */
export interface FakeReply {
  status: number
  /** sent as JSON; `raw` wins when given */
  body?: unknown
  raw?: string
  headers?: Record<string, string>
}

/** A reply to send instead of handling the request, or a rewrite of the reply the fake would send. */
export type ReplyInjection = FakeReply | ((reply: FakeReply) => FakeReply)

const rewrites = new WeakMap<ServerResponse, (reply: FakeReply) => FakeReply>()

export abstract class LoopbackServer<Route extends string, Fault extends string> {
  protected port = 0
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  private readonly faults: Partial<Record<Route, Fault[]>> = {}
  private readonly replies: Partial<Record<Route, ReplyInjection[]>> = {}

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>

  /** http://127.0.0.1:<port> */
  protected get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(port = this.port): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res))
    server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
    this.server = server
    this.port = (server.address() as AddressInfo).port
    return this.origin
  }

  /** Whether it is listening (the training simulator control shows it). */
  get running(): boolean {
    return this.server !== null
  }

  /** Stops listening (connections are then refused); `start()` brings it back on the same port. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    this.server = null
  }

  /** The next `count` requests to `route` get this fault. */
  inject(route: Route, fault: Fault, count = 1): void {
    const queue = (this.faults[route] ??= [])
    for (let i = 0; i < count; i++) queue.push(fault)
  }

  /**
   * The next `count` requests to `route` get this reply: an object is sent instead of handling
   * the request (nothing changes on the fake); a function rewrites the JSON reply the fake
   * would have sent after handling it (a notify is applied, then answered wrongly).
   */
  injectReply(route: Route, reply: ReplyInjection, count = 1): void {
    const queue = (this.replies[route] ??= [])
    for (let i = 0; i < count; i++) queue.push(reply)
  }

  clearFaults(): void {
    for (const key of Object.keys(this.faults)) delete this.faults[key as Route]
    for (const key of Object.keys(this.replies)) delete this.replies[key as Route]
  }

  protected nextFault(route: Route): Fault | undefined {
    return this.faults[route]?.shift()
  }

  /** Applies an injected reply: true when it was sent here and the request must not be handled. */
  protected injectedReply(route: Route, res: ServerResponse): boolean {
    const injection = this.replies[route]?.shift()
    if (injection === undefined) return false
    if (typeof injection !== 'function') {
      sendReply(res, injection)
      return true
    }
    rewrites.set(res, injection)
    return false
  }
}

export function sendReply(res: ServerResponse, reply: FakeReply): void {
  res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers })
  res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)))
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(''))
  })
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const rewrite = rewrites.get(res)
  sendReply(res, rewrite ? rewrite({ status, body }) : { status, body })
}
