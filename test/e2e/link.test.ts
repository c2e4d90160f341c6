import jsQR from 'jsqr'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { FakeLuka } from '../../src/main/training/fake-luka'
import { harnessEnv, openCounter, startHarness, startLuka, stopAll, useChromium, type RunningHarness } from './support'

/** The payment link through `npm run harness` in Chromium, keyboard only, with the customer display's page. */
const browser = useChromium()
let luka: FakeLuka
let harness: RunningHarness
let page: Page
let customer: Page

beforeEach(async () => {
  luka = await startLuka()
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LANG: 'en', TAQUILLA_CUSTOMER_DISPLAY: '1' }))
  page = await openCounter(browser(), harness, undefined, (opening) =>
    // what the print dialog would print: the document named on <html data-print> at that moment
    opening.addInitScript(() => {
      const printed: string[] = []
      Object.assign(window, { __printed: printed })
      window.print = () => void printed.push(document.documentElement.dataset['print'] ?? '(whole window)')
    })
  )
  customer = await browser().newPage()
  await customer.goto(`${harness.origin}/customer?token=${harness.token}`)
})

afterEach(() => stopAll(customer, page, harness, luka))

const focused = (target: Page) =>
  target.evaluate(() => {
    const active = document.activeElement as HTMLElement | null
    const label = active?.id ? document.querySelector(`label[for="${active.id}"]`)?.textContent : null
    return { tag: active?.tagName ?? '', label: active?.getAttribute('aria-label') ?? label ?? '' }
  })

/** Draws the on-screen SVG into a canvas in Chromium and decodes the pixels with jsQR. */
async function decodeQr(target: Page, name: RegExp): Promise<string | null> {
  const svg = target.getByRole('img', { name })
  const { width, pixels } = await svg.evaluate(async (element) => {
    const size = 400
    const image = new Image(size, size)
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(element))}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = size
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0, size, size)
    return { width: size, pixels: Array.from(context.getImageData(0, 0, size, size).data) }
  })
  return jsQR(Uint8ClampedArray.from(pixels), width, width)?.data ?? null
}

describe('payment link in Chromium, keyboard only', () => {
  it('opens the panel, creates 12.20 USD, shows QR and URL, prints the slip, Esc goes back to the search field', async () => {
    await customer.getByRole('heading', { name: 'Agencia CCCT' }).waitFor()
    await customer.getByText('Welcome').waitFor()

    await page.keyboard.press('Control+k')
    const panel = page.getByRole('dialog', { name: 'Payment link' })
    await panel.waitFor()
    await expect.poll(async () => (await focused(page)).label).toBe('Amount')
    await page.keyboard.type('12.20')
    await page.keyboard.press('Enter')

    const qr = /^QR code https:\/\/qa\.lukapay\.me\/payco\/[0-9a-f-]{36}$/
    await panel.getByRole('img', { name: qr }).waitFor()
    expect(luka.links).toHaveLength(1)
    const link = luka.links[0]!
    expect(link.raw).toContain('"Monto":12.20,')
    expect(link.body).toMatchObject({ MonedaCodigo: 'USD', IdTraza: expect.stringMatching(/^AGENCIA-CCCT-/) })
    await panel.getByText(link.url, { exact: true }).waitFor()
    await panel.getByText(String(link.orderNumber), { exact: true }).waitFor()
    expect(await decodeQr(page, qr)).toBe(link.url)

    // the customer's screen shows the same link's QR
    await customer.getByRole('img', { name: `QR code ${link.url}` }).waitFor()
    expect(await decodeQr(customer, qr)).toBe(link.url)

    await page.keyboard.press('Control+p')
    // printing asks main first (a chosen receipt printer) and falls back to the browser's print
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed: string[] }).__printed))
      .toEqual(['link'])
    await expect.poll(() => page.locator('.print-doc-link svg[role="img"]').count()).toBe(1)

    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', label: expect.stringMatching(/^Find payment by/) })
    await customer.getByText('Welcome').waitFor()
    expect(await customer.getByRole('img').count()).toBe(0)
  })
})
