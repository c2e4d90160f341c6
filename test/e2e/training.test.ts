import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startHarness, useChromium, type RunningHarness } from './support'

/**
 * What someone new sees in the first minute: `npm run harness -- --training`, no credentials at
 * all, a seeded payment approved with the keyboard only, its SMS receipt texted to the LOX24
 * simulator, and its receipt marked as training.
 */
const browser = useChromium()
let harness: RunningHarness
let page: Page
const MARK = 'ENTRENAMIENTO — sin pagos reales'

beforeEach(async () => {
  // nothing of Luka's or LuxCore's in the environment: the simulators are the providers
  harness = await startHarness({ TAQUILLA_LANG: 'es', TAQUILLA_LUKA_TIMEOUT_MS: '2000' }, undefined, ['--training'])
  page = await browser().newPage()
  // the system print dialog cannot be driven headless: note which document was asked for
  await page.addInitScript(() => {
    const printed: string[] = []
    ;(window as unknown as { printed: string[] }).printed = printed
    window.print = () => void printed.push(document.documentElement.dataset['print'] ?? '')
  })
  await page.goto(harness.url)
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
    .toMatch(/^Buscar pago por/)
})

afterEach(async () => {
  await page?.close()
  await harness?.stop()
})

describe('training mode in Chromium, keyboard only', () => {
  it('starts on the simulators, approves the documented 6567704, texts the SMS receipt and prints a receipt marked as training', async () => {
    expect(harness.output()).toContain('training mode: simulators on 127.0.0.1')
    await expect.poll(() => page.getByRole('note').textContent()).toBe(MARK)
    const guide = page.getByRole('region', { name: 'Para empezar: pruebe estas referencias' })
    expect(await guide.textContent()).toContain('6567704')

    await page.keyboard.type('6567704')
    await page.keyboard.press('Enter')
    const card = page.getByRole('region', { name: 'Pago encontrado' })
    await card.waitFor()
    expect((await card.textContent())?.replace(/\s/g, ' ')).toContain('USD 25,00')
    expect(await card.textContent()).toContain('María González')

    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toContain('Entregado a Luka')

    // the SMS receipt, on the LOX24 simulator: practice credit, the payer's phone, delivered
    await page.getByRole('status', { name: 'Crédito SMS' }).getByText(/12,50/).waitFor()
    await page.keyboard.press('Control+M')
    const sms = page.getByRole('dialog', { name: 'Enviar SMS' })
    await sms.waitFor()
    expect(await sms.getByRole('textbox', { name: 'Teléfono' }).inputValue()).toBe('+584141234567')
    await page.keyboard.press('Enter')
    await page
      .getByRole('status')
      .getByText(/SMS enviado · entregado/)
      .waitFor({ timeout: 15_000 })

    await page.keyboard.press('Control+P')
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed))
      .toEqual(['receipt'])
    // lay the page out as the print dialog did: only the receipt, and the mark on it
    await page.emulateMedia({ media: 'print' })
    await page.evaluate(() => (document.documentElement.dataset['print'] = 'receipt'))
    const mark = page.locator('.print-doc-receipt .training-mark')
    expect(await mark.isVisible()).toBe(true)
    expect(await mark.textContent()).toBe(MARK)
    expect(await page.locator('.print-doc-receipt').textContent()).toContain('6567704')
    expect(await page.getByRole('note').isVisible()).toBe(false) // the screen is not on the paper
  })

  it('a first start with nothing configured: "Practicar" restarts into training mode and the page follows', async () => {
    await page.close()
    await harness.stop()
    harness = await startHarness({ TAQUILLA_LANG: 'es' })
    page = await browser().newPage()
    await page.goto(harness.url)
    const firstRun = page.getByRole('region', { name: 'Luka no está configurado todavía' })
    await firstRun.waitFor()
    expect(await page.getByRole('note').count()).toBe(0)

    await firstRun.getByRole('button', { name: 'Practicar (modo de entrenamiento)' }).focus()
    await page.keyboard.press('Enter')
    // main builds the training services in place; the page reloads once they answer
    await expect.poll(() => page.getByRole('note').count(), { timeout: 15_000 }).toBe(1)
    expect(await page.getByRole('note').textContent()).toBe(MARK)
    await page.getByRole('region', { name: 'Para empezar: pruebe estas referencias' }).waitFor()
  })
})
