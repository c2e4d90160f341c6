import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { FakeLuka } from '../../src/main/training/fake-luka'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

/** One Debian Chromium for a test file: launched before its tests, closed after. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('Chromium is not running (useChromium must be called at the top of the file)')
    return browser
  }
}

export interface RunningHarness {
  /** the page URL with its token */
  url: string
  origin: string
  token: string
  dataDir: string
  process: ChildProcess
  output: () => string
  stop(): Promise<void>
}

/** Starts `node out/harness/index.mjs` (built by `npm run build`) and waits for its ready line. */
export async function startHarness(
  env: Record<string, string>,
  dataDir?: string,
  args: string[] = []
): Promise<RunningHarness> {
  // TAQUILLA_HARNESS_OUT: another build's out/ folder (scripts/screens.mjs compares two builds)
  const entry = join(process.env['TAQUILLA_HARNESS_OUT'] ?? join(process.cwd(), 'out'), 'harness/index.mjs')
  if (!existsSync(entry)) throw new Error(`${entry} missing: run \`npm run build\` first`)
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'taquilla-e2e-'))
  const child = spawn(process.execPath, [entry, ...args], {
    env: { ...process.env, TAQUILLA_HARNESS_PORT: '0', TAQUILLA_DATA_DIR: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 20_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /harness ready at (\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`harness exited (${code}):\n${output}`)))
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir: dir,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

/** The harness environment for a fake Luka (and optionally a fake LuxCore), with quick retry timings. */
export function harnessEnv(
  luka: { url: string; options: { username: string; password: string } },
  extra: Record<string, string> = {},
  lux?: { url: string; apiKey: string }
): Record<string, string> {
  return {
    LUKA_BASE_URL: luka.url,
    LUKA_USERNAME: luka.options.username,
    LUKA_PASSWORD: luka.options.password,
    TAQUILLA_TERMINAL: 'Agencia CCCT, Taquilla 2',
    TAQUILLA_OPERATOR: 'María Pérez',
    TAQUILLA_LUKA_TIMEOUT_MS: '1000',
    TAQUILLA_OUTBOX_RETRY_BASE_MS: '100',
    TAQUILLA_OUTBOX_RETRY_CAP_MS: '400',
    ...(lux ? { LUXCORE_BASE_URL: lux.url, LUXCORE_API_KEY: lux.apiKey } : {}),
    ...extra
  }
}

/** A fake Luka, started, holding these transactions. */
export async function startLuka(transactions: Parameters<FakeLuka['addTransaction']>[0][] = []): Promise<FakeLuka> {
  const luka = new FakeLuka()
  await luka.start()
  for (const transaction of transactions) luka.addTransaction(transaction)
  return luka
}

/**
 * The harness's counter in a new Chromium page, once `ready` says it is (by default: the search
 * field is there). `prepare` runs before the page loads (e.g. an init script).
 */
export async function openCounter(
  browser: Browser,
  harness: RunningHarness,
  ready: (page: Page) => Promise<unknown> = (page) => page.getByRole('search').waitFor(),
  prepare?: (page: Page) => Promise<unknown>
): Promise<Page> {
  const page = await browser.newPage()
  await prepare?.(page)
  await page.goto(harness.url)
  await ready(page)
  return page
}

/** After a test: closes the pages and stops the harness and the fakes that were started, in this order. */
export async function stopAll(...running: (Page | { stop(): Promise<void> } | undefined)[]): Promise<void> {
  for (const one of running) {
    if (!one) continue
    if ('stop' in one) await one.stop()
    else await one.close()
  }
}
