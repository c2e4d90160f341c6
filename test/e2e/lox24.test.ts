import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { FakeLox24 } from '../../src/main/training/fake-lox24'
import type { FakeLuka } from '../../src/main/training/fake-luka'
import { harnessEnv, openCounter, startHarness, startLuka, stopAll, useChromium, type RunningHarness } from './support'

/**
 * LOX24 in Debian Chromium through the harness (real services, fake Luka and fake LOX24),
 * keyboard only: approve, text the payer the receipt and see it delivered; top up the SMS
 * credit with a stored card and watch the payment reach "done".
 */
const browser = useChromium()
let luka: FakeLuka
let lox: FakeLox24
let harness: RunningHarness
let page: Page

beforeEach(async () => {
  luka = await startLuka([{ id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' }])
  lox = new FakeLox24()
  await lox.start()
  harness = await startHarness(
    harnessEnv(luka, {
      TAQUILLA_LANG: 'en',
      TAQUILLA_LUXCORE_POLL_MS: '200',
      LOX24_BASE_URL: lox.url,
      LOX24_TOKEN: lox.token,
      LOX24_SENDER: 'Taquilla'
    })
  )
  page = await openCounter(browser(), harness, (opened) =>
    expect.poll(() => opened.evaluate(() => document.activeElement?.tagName)).toBe('INPUT')
  )
})

afterEach(() => stopAll(page, harness, lox, luka))

describe('LOX24, keyboard only, in Chromium', () => {
  it('approves, sends the SMS receipt to the payer (Ctrl+M, Enter) and sees it delivered', async () => {
    await page
      .getByRole('status', { name: 'SMS credit' })
      .getByText(/12\.50/)
      .waitFor()
    await page.keyboard.type('6567704')
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Payment found' }).waitFor()
    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Enter')
    await page.getByText('Delivered to Luka', { exact: true }).first().waitFor()

    await page.keyboard.press('Control+M')
    const dialog = page.getByRole('dialog', { name: 'Send SMS' })
    await dialog.waitFor()
    expect(await dialog.getByRole('textbox', { name: 'Phone' }).inputValue()).toBe('+584121234567')
    expect(await dialog.getByRole('button', { name: /^Send/ }).getAttribute('aria-keyshortcuts')).toBe('Enter')
    expect(await dialog.textContent()).toMatch(/\d+ characters · 1 SMS/)
    await page.keyboard.press('Enter')

    await page
      .getByRole('status')
      .getByText(/SMS sent · delivered/)
      .waitFor({ timeout: 15_000 })
    const sent = lox.sent()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ phone: '+584121234567', sender_id: 'Taquilla', callback_data: 'luka:96336' })
    expect(sent[0]!.text).toMatch(/Agencia CCCT, Taquilla 2.*16\.03.*96336/)
  })

  it('texts a payment link: Ctrl+K, amount, Enter; Ctrl+M in the link panel, phone, Enter; back in the panel', async () => {
    await page
      .getByRole('status', { name: 'SMS credit' })
      .getByText(/12\.50/)
      .waitFor()
    await page.keyboard.press('Control+k')
    const panel = page.getByRole('dialog', { name: 'Payment link' })
    await panel.waitFor()
    const amount = panel.getByRole('textbox', { name: 'Amount' })
    await expect.poll(() => amount.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.type('12.20')
    await page.keyboard.press('Enter')
    await panel.getByRole('img', { name: /^QR code / }).waitFor()
    const link = luka.links[0]!

    await page.keyboard.press('Control+M')
    const dialog = page.getByRole('dialog', { name: 'Send SMS' })
    await dialog.waitFor()
    const phone = dialog.getByRole('textbox', { name: 'Phone' })
    expect(await phone.inputValue()).toBe('')
    expect(await dialog.getByRole('textbox', { name: 'Message' }).inputValue()).toContain(link.url)
    await page.keyboard.type('0414 765 43 21')
    await page.keyboard.press('Enter')

    await panel.getByText(/SMS sent/).waitFor({ timeout: 15_000 })
    expect(await page.getByRole('dialog', { name: 'Send SMS' }).count()).toBe(0)
    const focusedDialog = () =>
      page.evaluate(() => document.activeElement?.closest('[role="dialog"]')?.querySelector('h2')?.textContent)
    await expect.poll(focusedDialog).toBe('Payment link')
    const sent = lox.sent()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ phone: '+584147654321', callback_data: `link:${link.body['IdTraza']}` })
    expect(sent[0]!.text).toContain(link.url)
  })

  it('tops up 25.00 EUR with a stored card (Alt+T) and watches the payment reach done', async () => {
    await page
      .getByRole('status', { name: 'SMS credit' })
      .getByText(/12\.50/)
      .waitFor()
    await page.keyboard.press('Alt+T')
    const dialog = page.getByRole('dialog', { name: 'Top up SMS credit' })
    await dialog.waitFor()
    const method = dialog.getByRole('combobox', { name: 'Payment method' })
    await expect.poll(() => method.inputValue()).toBe('stored_card:94')
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT')
    await page.keyboard.press('Tab')
    await page.keyboard.type('25.00')
    await page.keyboard.press('Enter')

    await dialog.getByText('done').waitFor({ timeout: 15_000 })
    expect(await dialog.textContent()).toMatch(/VAT.*4\.75/)
    expect([...lox.payments.values()]).toMatchObject([{ net: 2500, status: 100, method_id: 94 }])
    expect(lox.requests.find((r) => r.method === 'POST')?.body).toBe(
      '{"net_val":25.00,"type":"stored_card","method_id":94}'
    )
    await page
      .getByRole('status', { name: 'SMS credit' })
      .getByText(/37\.50/)
      .waitFor({ timeout: 10_000 })
  })
})
