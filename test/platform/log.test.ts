import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ScrubList, catchMainErrors, createAppLogger, logFilePath } from '../../src/main/platform/log'
import { createLogger } from '../../src/main/support/log'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'taquilla-log-'))
})
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

async function readLog(): Promise<string> {
  const file = logFilePath(dataDir)
  // electron-log writes asynchronously
  await vi.waitFor(() => expect(existsSync(file)).toBe(true))
  await new Promise((resolve) => setTimeout(resolve, 50))
  return readFileSync(file, 'utf8')
}

describe('app logger (electron-log)', () => {
  it('writes to <dataDir>/logs/taquilla.log', async () => {
    const log = createAppLogger({ dataDir, dev: false, secrets: () => [] })
    log.info('taquilla started', { terminal: 'T-01' })
    expect(logFilePath(dataDir)).toBe(join(dataDir, 'logs', 'taquilla.log'))
    expect(await readLog()).toContain('taquilla started {"terminal":"T-01"}')
  })

  it('scrubs the current secrets from every line', async () => {
    const log = createAppLogger({ dataDir, dev: false, secrets: () => ['s3cret-pass'] })
    log.warn('luka said: bad user s3cret-pass')
    const text = await readLog()
    expect(text).toContain('luka said: bad user [redacted]')
    expect(text).not.toContain('s3cret-pass')
  })
})

describe('ScrubList', () => {
  it('follows the effective Luka password as settings change', () => {
    let password = 'first-pass'
    const listeners: (() => void)[] = []
    const settings = {
      secretValues: () => [password].filter((value) => value !== ''),
      onChange: (listener: () => void) => {
        listeners.push(listener)
        return () => undefined
      }
    }
    const scrub = new ScrubList()
    expect(scrub.current()).toEqual([])
    scrub.track(settings)
    expect(scrub.current()).toEqual(['first-pass'])
    password = 'second-pass'
    for (const listener of listeners) listener()
    expect(scrub.current()).toEqual(['second-pass'])
    password = ''
    for (const listener of listeners) listener()
    expect(scrub.current()).toEqual([])
  })
})

describe('main process errors', () => {
  it("go through electron-log's error handler into the scrubbing logger, without a dialog", async () => {
    const electronLog = (await import('electron-log/node')).default
    const lines: string[] = []
    const log = createLogger(
      (level, line) => lines.push(`${level} ${line}`),
      () => ['pw-123456']
    )
    const stop = catchMainErrors(log)
    try {
      expect(process.listenerCount('uncaughtException')).toBeGreaterThan(0)
      electronLog.errorHandler.handle(new Error('boom with pw-123456'), { errorName: 'Unhandled' } as never)
    } finally {
      stop()
    }
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^error main process error .*"kind":"Unhandled".*boom with \[redacted\]/)
    expect(lines[0]).not.toContain('pw-123456')
  })
})
