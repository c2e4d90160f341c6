import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LoopbackServer } from '../../src/main/training/loopback-server'

type Route = 'feed' | 'file'
/** corrupt: the file's bytes differ from the sha512 the feed announces; error: HTTP 500 */
type Fault = 'corrupt' | 'error'

/**
 * An update feed as electron-builder publishes it for the generic provider: a folder with
 * latest.yml (latest-linux.yml, latest-mac.yml: the same document here) and the file it names,
 * with its sha512 (base64) and size. The file is sent in chunks with a pause between them, so
 * electron-updater reports progress along the way.
 */
export class FakeUpdateFeed extends LoopbackServer<Route, Fault> {
  private release: { version: string; name: string; bytes: Buffer } | null = null
  readonly requests: string[] = []
  chunks = 6
  chunkPauseMs = 300

  get url(): string {
    return `${this.origin}/taquilla/`
  }

  /** what the feed offers from now on */
  publish(version: string, bytes: Buffer): void {
    this.release = { version, name: `Taquilla-${version}.AppImage`, bytes }
  }

  private latestYml(): string {
    const { version, name, bytes } = this.release!
    const sha512 = createHash('sha512').update(bytes).digest('base64')
    return [
      `version: ${version}`,
      'files:',
      `  - url: ${name}`,
      `    sha512: ${sha512}`,
      `    size: ${bytes.length}`,
      `path: ${name}`,
      `sha512: ${sha512}`,
      `releaseDate: '2026-12-01T10:00:00.000Z'`,
      ''
    ].join('\n')
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.origin).pathname
    this.requests.push(path)
    const route: Route | null = /^\/taquilla\/latest(-linux|-mac)?\.yml$/.test(path)
      ? 'feed'
      : this.release && path === `/taquilla/${this.release.name}`
        ? 'file'
        : null
    if (!route || !this.release) return void res.writeHead(404).end('not found')
    const fault = this.nextFault(route)
    if (fault === 'error') return void res.writeHead(500).end('<html>upstream error</html>')
    if (route === 'feed') return void res.writeHead(200, { 'content-type': 'text/yaml' }).end(this.latestYml())

    const bytes = Buffer.from(this.release.bytes)
    if (fault === 'corrupt') bytes[bytes.length >> 1]! ^= 0xff // same size, one byte off
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length })
    const size = Math.ceil(bytes.length / this.chunks)
    for (let at = 0; at < bytes.length; at += size) {
      if (at > 0) await new Promise((resume) => setTimeout(resume, this.chunkPauseMs))
      res.write(bytes.subarray(at, at + size))
    }
    res.end()
  }
}
