import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TOKEN_HEADER, operationPath } from '@shared/bridge-protocol'
import { CONTENT_SECURITY_POLICY } from '@shared/csp'
import { createHarnessServer } from '../../src/harness/server'
import { silentLogger } from '../../src/main/support/log'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

const TOKEN = 'a'.repeat(48)
let luka: FakeLuka
let under: ServicesUnderTest
let server: Server
let origin: string

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
  luka.addTransaction({ id: 7, reference: 'R7' })
  under = servicesFor(luka.url)
  const rendererDir = mkdtempSync(join(tmpdir(), 'taquilla-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Taquilla</title>')
  server = createHarnessServer({ services: under.services, token: TOKEN, rendererDir, port: 0, log: silentLogger })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await under.services.dispose()
  await luka.stop()
})

const call = (name: Parameters<typeof operationPath>[0], input: unknown, headers: Record<string, string> = {}) =>
  fetch(origin + operationPath(name), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
    body: JSON.stringify({ input })
  })

describe('harness bridge', () => {
  it('serves an operation with the token, answering a contract Result', async () => {
    const response = await call('luka.lookup', { by: 'reference', value: ' R7 ' })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, value: { payment: { transactionId: 7 } } })
  })

  it('refuses a call without the token or with a wrong one', async () => {
    expect((await call('app.info', undefined, { [TOKEN_HEADER]: '' })).status).toBe(401)
    expect((await call('app.info', undefined, { [TOKEN_HEADER]: 'b'.repeat(48) })).status).toBe(401)
  })

  it("serves the renderer's files and nothing outside its folder", async () => {
    const page = await fetch(origin + '/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<title>Taquilla</title>')
    writeFileSync(join(tmpdir(), 'taquilla-outside.txt'), 'secret')
    // sent as written (fetch's URL parser would fold '/%2e%2e/' away before sending)
    const { request } = await import('node:http')
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(origin)
        request({ hostname, port, path }, (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
          .on('error', reject)
          .end()
      })
    for (const path of [
      '/%2e%2e/taquilla-outside.txt',
      '/..%2ftaquilla-outside.txt',
      '/../taquilla-outside.txt',
      '/index.html%00.js'
    ])
      expect(await raw(path), path).toBe(404)
    rmSync(join(tmpdir(), 'taquilla-outside.txt'))
  })

  it('refuses another web page by its Origin, even with the token', async () => {
    const response = await call('app.info', undefined, { origin: 'http://evil.example' })
    expect(response.status).toBe(403)
  })

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve) => {
      const req = request(origin + '/', { headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0))
      req.end()
    })
    expect(status).toBe(421)
  })

  it('validates input with the contract before calling the service', async () => {
    const response = await call('luka.lookup', { by: 'transactionId', value: '12ab' })
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'value', reason: 'notNumeric' }
    })
    expect(luka.requests.filter((r) => r.path.endsWith('/pagodiferido'))).toHaveLength(0)
  })

  it('serves the page with the CSP header and blocks path traversal', async () => {
    const page = await fetch(origin + '/')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    const traversal = await fetch(origin + '/..%2f..%2fetc%2fpasswd')
    expect(traversal.status).toBe(404)
  })

  it('streams events over SSE only with the token', async () => {
    expect((await fetch(origin + '/api/events?token=nope')).status).toBe(401)
    const controller = new AbortController()
    const stream = await fetch(origin + '/api/events?token=' + TOKEN, { signal: controller.signal })
    const reader = stream.body!.getReader()
    await reader.read() // ": connected"
    await call('luka.lookup', { by: 'reference', value: 'R7' })
    await call('luka.decide', { transactionId: 7, decision: 'approve' })
    let text = ''
    while (!text.includes('"state":"delivered"')) {
      const { value, done } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    controller.abort()
    expect(text).toContain('event: decision.updated')
    expect(text).toContain('"state":"delivered"')
  })
})
