import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { FakeLuka } from '../../src/main/training/fake-luka'
import { FakeLuxcore } from '../../src/main/training/fake-luxcore'
import { harnessEnv, openCounter, startHarness, startLuka, stopAll, useChromium, type RunningHarness } from './support'

/** The LuxCore panel through `npm run harness` in Chromium, keyboard only. */
const browser = useChromium()
let luka: FakeLuka
let lux: FakeLuxcore
let harness: RunningHarness
let page: Page

beforeEach(async () => {
  luka = await startLuka()
  lux = new FakeLuxcore()
  await lux.start()
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LUXCORE_POLL_MS: '150' }, lux))
  page = await openCounter(browser(), harness)
})

afterEach(() => stopAll(page, harness, lux, luka))

const focusedLabel = () =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null
    return (
      active?.getAttribute('aria-label') ??
      (active?.id ? (document.querySelector(`label[for="${active.id}"]`)?.textContent ?? '') : '')
    )
  })

async function openPanelAndType(amount: string): Promise<void> {
  await page.keyboard.press('F2')
  await page.getByRole('dialog', { name: 'Depósitos LuxCore' }).waitFor()
  await expect.poll(focusedLabel).toContain('Monto (MXN)')
  await page.keyboard.type(amount)
  await page
    .getByText('= MX$1,234.50')
    .or(page.getByText(/=\s*MXN\s*1\.234,50/))
    .first()
    .waitFor()
  await page.keyboard.press('Enter')
}

describe('LuxCore deposits in Chromium, keyboard only', () => {
  it('creates an OXXO deposit, shows its instructions and barcode, and follows it to completed', async () => {
    await openPanelAndType('1.234,50')
    await page
      .getByRole('dialog', { name: 'Depósitos LuxCore' })
      .getByText('MODO PRUEBA — llave de prueba')
      .first()
      .waitFor()
    const deposit = page.getByRole('region', { name: /^Depósito AGENCIA-CCCT-[A-Z2-9]{6}-\d{8}-0001$/ })
    await deposit.waitFor()
    const payment = [...lux.payments.values()][0]!
    expect(payment).toMatchObject({ amount: 123450, currency: 'MXN', method: 'oxxo', type: 'deposit' })
    const text = (await deposit.textContent()) ?? ''
    expect(text).toContain(payment.transaction_id)
    expect(text).toContain((payment['oxxo_details'] as { reference: string }).reference)
    await page.getByRole('img', { name: /Código de barras 9300\d{14}/ }).waitFor()

    lux.advance(payment.transaction_id, 'completed')
    await deposit.getByText('Completado').first().waitFor({ timeout: 10_000 })
  })

  it('with LuxCore down the deposit is queued, then created exactly once when it is back', async () => {
    await lux.stop()
    await openPanelAndType('1234.50')
    await page.getByText('En cola — se creará en LuxCore automáticamente').first().waitFor()
    expect(lux.payments.size).toBe(0)
    await lux.start()
    await expect.poll(() => lux.payments.size, { timeout: 15_000, interval: 100 }).toBe(1)
    const payment = [...lux.payments.values()][0]!
    await page.getByText(payment.transaction_id).first().waitFor({ timeout: 10_000 })
    expect(lux.byReference(payment.merchant_reference)).toHaveLength(1)
  })
})
