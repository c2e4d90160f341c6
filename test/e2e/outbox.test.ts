import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { FakeLuka } from '../../src/main/training/fake-luka'
import { harnessEnv, openCounter, startHarness, startLuka, stopAll, useChromium, type RunningHarness } from './support'

/**
 * The outbox through `npm run harness` in Chromium, keyboard only: a decision taken while
 * Luka is down is queued, and delivered by itself when Luka comes back — also across a
 * restart of the harness on the same data directory.
 */
const browser = useChromium()
let luka: FakeLuka
let harness: RunningHarness
let page: Page

const env = () => harnessEnv(luka)

beforeEach(async () => {
  luka = await startLuka([{ id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' }])
  harness = await startHarness(env())
  page = await openCounter(browser(), harness)
})

afterEach(() => stopAll(page, harness, luka))

async function approveWhileLukaIsDown(): Promise<void> {
  await page.keyboard.type('6567704')
  await page.keyboard.press('Enter')
  await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
  await luka.stop()
  await page.keyboard.press('F8')
  await page.getByRole('dialog').waitFor()
  await page.keyboard.press('Enter')
  await page.getByText('En cola — se entregará a Luka automáticamente').first().waitFor()
  expect(await page.getByText('Entregado a Luka', { exact: true }).count()).toBe(0)
  await page.getByText('en cola: 1').first().waitFor()
}

describe('outbox in Chromium, keyboard only', () => {
  it('decide with Luka down: queued, then delivered when Luka is back, without touching anything', async () => {
    await approveWhileLukaIsDown()

    // the queue panel lists it (F6), Esc closes
    await page.keyboard.press('F6')
    const panel = page.getByRole('dialog', { name: 'Cola de envíos' })
    await panel.getByText('Aprobación · Luka 96336').first().waitFor()
    await page.keyboard.press('Escape')

    await luka.start()
    await page.getByText('Entregado a Luka', { exact: true }).first().waitFor({ timeout: 15_000 })
    await page.getByText('en cola: 0').first().waitFor()
    expect(luka.notifiesFor(96336)).toHaveLength(1)
  })

  it('a restarted harness resumes the outbox from the same data directory', async () => {
    await approveWhileLukaIsDown()
    await page.close()
    await harness.stop()

    await luka.start()
    harness = await startHarness(env(), harness.dataDir)
    await expect.poll(() => luka.notifiesFor(96336).length, { timeout: 15_000, interval: 100 }).toBe(1)

    page = await browser().newPage()
    await page.goto(harness.url)
    await page.getByRole('search').waitFor()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toMatch(/^Buscar pago por/)
    await page.keyboard.type('6567704')
    await page.keyboard.press('Enter')
    await page.getByText('Entregado a Luka', { exact: true }).first().waitFor()
    expect(luka.ledger).toHaveLength(1)
  })
})
