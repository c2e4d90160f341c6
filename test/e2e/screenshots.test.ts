import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { FakeLuxcore } from '../../src/main/training/fake-luxcore'
import { harnessEnv, startHarness, useChromium, type RunningHarness } from './support'

/**
 * The README's screenshots, taken from the real app in Chromium (browser mode, fake providers).
 * Every e2e run takes them and checks they are small PNGs; with TAQUILLA_SCREENSHOTS=docs/screenshots
 * they replace the committed ones (`TAQUILLA_SCREENSHOTS=docs/screenshots npx vitest run test/e2e/screenshots.test.ts`).
 */
const browser = useChromium()
const target = process.env['TAQUILLA_SCREENSHOTS']
const dir = target ? resolve(target) : mkdtempSync(join(tmpdir(), 'taquilla-screenshots-'))
let luka: FakeLuka
let lux: FakeLuxcore
let harness: RunningHarness
let page: Page

beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  luka = new FakeLuka()
  await luka.start()
  luka.addTransaction({ id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' })
  lux = new FakeLuxcore()
  await lux.start()
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LANG: 'es' }, lux))
  // 1000×760 CSS pixels at 0.8: readable, and each PNG stays well under 100 KB
  page = await browser().newPage({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 0.8 })
  await page.goto(harness.url)
  await page.getByRole('textbox', { name: /^Buscar pago por/ }).waitFor()
})

afterAll(async () => {
  await page?.close()
  await harness?.stop()
  await lux?.stop()
  await luka?.stop()
  if (!target) rmSync(dir, { recursive: true, force: true })
})

/** A PNG of the whole window, small enough to commit (README: docs/screenshots/). */
async function shot(name: string, part?: Locator): Promise<void> {
  const file = join(dir, `${name}.png`)
  await (part ?? page).screenshot({ path: file })
  const png = readFileSync(file)
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  expect(png.length, `${name}.png is ${png.length} bytes`).toBeLessThan(100 * 1024)
}

describe('README screenshots (Chromium)', () => {
  it('the counter with a payment found', async () => {
    await page.keyboard.type('6567704')
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    await shot('counter')
  })

  it('settings (Ctrl+,) on a first run: nothing configured yet', async () => {
    const fresh = await startHarness({})
    const first = await browser().newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 0.8 })
    try {
      await first.goto(fresh.url)
      await first.getByRole('textbox', { name: /^Buscar pago por/ }).waitFor()
      await first.keyboard.press('Control+Comma')
      const dialog = first.getByRole('dialog')
      await dialog.getByRole('textbox', { name: 'Usuario de Luka' }).waitFor()
      await shot('settings', dialog)
    } finally {
      await first.close()
      await fresh.stop()
    }
  })

  it('the shift (F3)', async () => {
    await page.keyboard.press('Escape')
    await page.keyboard.press('F3')
    await page.getByRole('dialog').waitFor()
    await shot('shift', page.getByRole('dialog'))
    await page.keyboard.press('Escape')
  })

  it('LuxCore deposits (F2)', async () => {
    await page.keyboard.press('F2')
    await page.getByRole('dialog').waitFor()
    await page.waitForTimeout(300) // the balance and today's payments arrive just after the panel
    await shot('luxcore', page.getByRole('dialog'))
    await page.keyboard.press('Escape')
  })
})
