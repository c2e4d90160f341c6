import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@shared/csp'
import { registerAppScheme, serveAppRequest } from '../../src/main/platform/app-protocol'
import { FakeProtocol } from './fake-electron'

let root: string
let outside: string

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'taquilla-app-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Taquilla</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  outside = join(base, 'secret.txt')
  writeFileSync(outside, 'not for the renderer')
})

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }))

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root)

describe('app://taquilla/', () => {
  it('is registered as a standard, secure scheme, without a CSP bypass', () => {
    const protocol = new FakeProtocol()
    registerAppScheme(protocol as never)
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }
    ])
    expect(protocol.privileged[0]!.privileges).not.toHaveProperty('bypassCSP')
  })

  it('serves index.html (also for /) with our CSP as a header', async () => {
    for (const url of ['app://taquilla/index.html', 'app://taquilla/']) {
      const response = await get(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(await response.text()).toContain('<title>Taquilla</title>')
    }
  })

  it('serves the bundles with their type', async () => {
    const response = await get('app://taquilla/assets/index-abc.js')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('console.log(1)')
  })

  it.each([
    'app://taquilla/../secret.txt',
    'app://taquilla/%2e%2e/secret.txt',
    'app://taquilla/assets/..%2f..%2fsecret.txt',
    'app://taquilla/missing.js',
    'app://other/index.html'
  ])('refuses %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('not for the renderer')
  })

  it('answers only GET and HEAD', async () => {
    expect((await get('app://taquilla/index.html', 'POST')).status).toBe(405)
    const head = await get('app://taquilla/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
