import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

let under: ServicesUnderTest | null = null
afterEach(async () => {
  await under?.services.dispose()
  under = null
})

describe('Export diagnostics', () => {
  it('writes one file with versions, settings, outbox and journal summaries and the log — and no secret', async () => {
    under = servicesFor('http://127.0.0.1:9', { env: { LUXCORE_API_KEY: 'qp_test_sk_9f8e7d6c5b4a' } })
    const { services, dataDir } = under
    // a log line that carries a secret by accident (the logger scrubs; this file must too)
    const logFile = join(dataDir, 'logs', 'taquilla.log')
    mkdirSync(dirname(logFile), { recursive: true })
    writeFileSync(logFile, 'info taquilla started\nwarn odd reply "s3creta-clave" and qp_test_sk_9f8e7d6c5b4a\n')

    const result = await services.handlers['app.exportDiagnostics'](undefined)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.path.startsWith(join(dataDir, 'diagnostics'))).toBe(true)
    const text = readFileSync(result.value.path, 'utf8')
    const document = JSON.parse(text) as Record<string, unknown>
    expect(document).toMatchObject({
      app: { version: '0.0.0-test', mode: 'harness' },
      runtime: { node: process.versions.node },
      settings: { terminal: 'Agencia CCCT, Taquilla 2', hasLukaPassword: true, hasLuxcoreApiKey: true },
      outbox: { providers: expect.any(Array) },
      journal: { ok: true }
    })
    expect(typeof (document['journal'] as { entries: unknown }).entries).toBe('number')
    expect((document['log'] as string[]).some((line) => line.includes('taquilla started'))).toBe(true)
    expect(text).not.toContain('s3creta-clave')
    expect(text).not.toContain('qp_test_sk_9f8e7d6c5b4a')
    expect(text).toContain('[redacted]')
  })
})
