import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { FakeLuka } from '../src/main/training/fake-luka'
import { launchChromium, startHarness, type RunningHarness } from '../test/e2e/support'

/**
 * Issue 2 figures: lookup overhead through the harness in Chromium vs a raw fetch to the
 * same fake Luka; keystrokes per decision; renderer JS size (gzip); first paint.
 */
const ROUNDS = 300
const WARMUP = 30
const TRANSACTIONS = 400

let luka: FakeLuka
let harness: RunningHarness
let browser: Browser
const figures: Record<string, unknown> = {}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const stats = (values: number[]) => ({
  p50: Number(percentile(values, 50).toFixed(3)),
  p95: Number(percentile(values, 95).toFixed(3))
})

beforeAll(async () => {
  luka = new FakeLuka()
  await luka.start()
  for (let id = 1; id <= TRANSACTIONS; id++) luka.addTransaction({ id, reference: `R${id}`, amount: 10 + id / 100 })
  harness = await startHarness({
    LUKA_BASE_URL: luka.url,
    LUKA_USERNAME: luka.options.username,
    LUKA_PASSWORD: luka.options.password,
    TAQUILLA_TERMINAL: 'Bench, Taquilla 1',
    TAQUILLA_OPERATOR: 'Bench'
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await harness?.stop()
  await luka?.stop()
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/counter.json', JSON.stringify(figures, null, 2))
  console.log('\nBENCH counter\n' + JSON.stringify(figures, null, 2))
})

it('lookup: harness bridge in Chromium vs raw fetch to the fake Luka', async () => {
  // raw: Node fetch straight to the fake server with a valid token
  const login = await fetch(luka.url + '/api/v1/servicio/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Username: luka.options.username, Password: luka.options.password })
  })
  const token = login.headers.get('token')!
  const raw: number[] = []
  for (let i = 0; i < ROUNDS + WARMUP; i++) {
    const started = performance.now()
    const response = await fetch(
      `${luka.url}/api/v1/transaccion/pagodiferido?referenciaPago=R${(i % TRANSACTIONS) + 1}`,
      {
        headers: { authorization: `Bearer ${token}` }
      }
    )
    await response.json()
    if (i >= WARMUP) raw.push(performance.now() - started)
  }

  // through the harness: Chromium -> bridge -> contract validation -> services -> Luka client -> fake
  const page = await browser.newPage()
  await page.goto(harness.url)
  const bridged = await page.evaluate(
    async ({ rounds, warmup, token, count }) => {
      const times: number[] = []
      for (let i = 0; i < rounds + warmup; i++) {
        const started = performance.now()
        const response = await fetch('/api/op/luka.lookup', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-taquilla-token': token },
          body: JSON.stringify({ input: { by: 'reference', value: `R${(i % count) + 1}` } })
        })
        const result = (await response.json()) as { ok: boolean }
        if (!result.ok) throw new Error('lookup failed')
        if (i >= warmup) times.push(performance.now() - started)
      }
      return times
    },
    { rounds: ROUNDS, warmup: WARMUP, token: harness.token, count: TRANSACTIONS }
  )
  await page.close()
  const rawStats = stats(raw)
  const bridgedStats = stats(bridged)
  figures.lookup = {
    rounds: ROUNDS,
    rawFetchMs: rawStats,
    harnessInChromiumMs: bridgedStats,
    ratioP50: Number((bridgedStats.p50 / rawStats.p50).toFixed(2)),
    ratioP95: Number((bridgedStats.p95 / rawStats.p95).toFixed(2)),
    overheadP50Ms: Number((bridgedStats.p50 - rawStats.p50).toFixed(3))
  }
})

it('renderer JS size (gzip)', () => {
  const dir = 'out/renderer/assets'
  let raw = 0
  let gzip = 0
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.js')) continue
    const content = readFileSync(join(dir, file))
    raw += content.length
    gzip += gzipSync(content, { level: 9 }).length
  }
  figures.rendererJs = { rawKiB: Number((raw / 1024).toFixed(1)), gzipKiB: Number((gzip / 1024).toFixed(1)) }
})

it('first paint of the counter screen', async () => {
  const paints: number[] = []
  const contentful: number[] = []
  for (let i = 0; i < 15; i++) {
    const context = await browser.newContext()
    const page: Page = await context.newPage()
    await page.goto(harness.url, { waitUntil: 'load' })
    await page.waitForFunction(() => window.performance.getEntriesByName('first-contentful-paint').length > 0)
    const entries = await page.evaluate(() =>
      Object.fromEntries(window.performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]))
    )
    paints.push(entries['first-paint'] ?? Number.NaN)
    contentful.push(entries['first-contentful-paint'] ?? Number.NaN)
    await context.close()
  }
  figures.firstPaint = { loads: paints.length, firstPaintMs: stats(paints), firstContentfulPaintMs: stats(contentful) }
})

it('keystrokes per decision, counted by the page itself', async () => {
  const page = await browser.newPage()
  await page.goto(harness.url)
  await page.getByRole('search').waitFor()
  // every keydown the page receives, counted in the capture phase
  await page.evaluate(() => {
    const w = window as unknown as { keys: number }
    w.keys = 0
    window.addEventListener('keydown', () => (w.keys += 1), true)
  })
  const counts: { approve: number; reject: number } = { approve: 0, reject: 0 }
  const uiLookupMs: number[] = []
  for (const [decision, id] of [
    ['approve', 1],
    ['reject', 2]
  ] as const) {
    const started = performance.now()
    await page.keyboard.type(`R${id}`)
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    uiLookupMs.push(performance.now() - started)
    await page.evaluate(() => ((window as unknown as { keys: number }).keys = 0))
    await page.keyboard.press(decision === 'approve' ? 'F8' : 'F9')
    await page.getByRole('dialog').waitFor()
    if (decision === 'reject') await page.keyboard.type('X') // a one-letter reason
    await page.keyboard.press('Enter')
    await page.getByText('Entregado a Luka', { exact: true }).first().waitFor()
    counts[decision] = await page.evaluate(() => (window as unknown as { keys: number }).keys)
  }
  await page.close()
  figures.keystrokesFromCardToConfirmedDecision = {
    approve: counts.approve,
    rejectWithOneLetterReason: counts.reject,
    note: 'reject = F9 + the reason typed + Enter'
  }
  figures.uiLookupTypeEnterToCardMs = uiLookupMs.map((ms) => Number(ms.toFixed(1)))
})
