import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { FakeLox24 } from '../../src/main/training/fake-lox24'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { FakeLuxcore } from '../../src/main/training/fake-luxcore'
import { harnessEnv, startHarness, useChromium, type RunningHarness } from './support'

/**
 * Every screen, panel and dialog of a build, as PNGs, for a before/after comparison of a change
 * that must not be visible (`node scripts/screens.mjs`, which runs this file; not part of `npm test`).
 * TAQUILLA_SCREENS_DIR is where the PNGs go; TAQUILLA_HARNESS_OUT picks the build (default out/).
 *
 * Deterministic on purpose: a fixed page clock, the same fakes with the same data, the caret
 * hidden and animations stopped. What still differs run to run (times written by main, random
 * deposit ids, the barcode and QR that encode them) is masked — `volatile` lists it.
 */
const browser = useChromium()
const dir = resolve(process.env['TAQUILLA_SCREENS_DIR'] ?? 'test-results/screens')
// The page's clock stands still, 3 h after the run's start: main's times are real, so "hace 2 h"
// and a lapsed countdown read the same in every run (a clock at the start would show seconds).
const CLOCK = new Date(Date.now() + 3 * 3600_000)
const volatile = [
  '.countdown',
  '.deposit-title',
  '.barcode',
  '.qr-code',
  '.qr-large',
  '.customer-qr',
  '.link-url',
  '.shift-state',
  '.journal-at',
  '.journal-refs',
  '.deposit-row',
  'input[value*="127.0.0.1"]'
]

/** times of day, the fakes' ports, ids made of time or chance (LuxCore references, transactions,
 * OXXO references), and retry counts */
const VOLATILE_TEXT = /\d:\d\d|127\.0\.0\.1:\d|AGENCIA-CCCT-[A-Z2-9]{6}|pay_\d|\d{4} \d{4} \d{4}|intento \d|attempt \d/

let luka: FakeLuka
let lux: FakeLuxcore
let lox: FakeLox24
let harness: RunningHarness
let page: Page
let customer: Page

async function open(url: string, size = { width: 1000, height: 800 }): Promise<Page> {
  const next = await browser().newPage({ viewport: size, deviceScaleFactor: 1 })
  await next.clock.setFixedTime(CLOCK)
  await next.goto(url)
  return next
}

async function shot(
  target: Page,
  name: string,
  part?: Locator,
  extra: string[] = [],
  clip?: { x: number; y: number; width: number; height: number }
): Promise<void> {
  const mask = [
    ...[...volatile, ...extra].map((selector) => target.locator(selector)),
    target.locator('p, dd, td, li, .journal-cell, .outbox-row-line').filter({ hasText: VOLATILE_TEXT })
  ]
  const options = { path: join(dir, `${name}.png`), animations: 'disabled', caret: 'hide', mask, clip } as const
  await target.waitForTimeout(250) // late answers (balance, credit, outbox counts) settle first
  await (part ?? target).screenshot(options)
}

/** Lays the page out as the print dialog would for one document (shared/print.ts), and shoots it. */
async function paper(target: Page, name: string, doc: string, height?: number): Promise<void> {
  await target.emulateMedia({ media: 'print' })
  await target.evaluate((d) => (document.documentElement.dataset['print'] = d), doc)
  await shot(target, name, undefined, [], height ? { x: 0, y: 0, width: 1000, height } : undefined)
  await target.evaluate(() => delete document.documentElement.dataset['print'])
  await target.emulateMedia({ media: 'screen' })
}

const search = (target: Page) => target.getByRole('textbox', { name: /^(Buscar pago por|Find payment by)/ })

/** Esc until no dialog is left (a panel may first clear what it shows). */
async function closeDialogs(target: Page): Promise<void> {
  for (let i = 0; i < 4 && (await target.getByRole('dialog').count()) > 0; i++) {
    // a dialog hears its own keys: give it the focus back if a shot took it away
    const inside = await target.evaluate(() => Boolean(document.activeElement?.closest('[role=dialog]')))
    if (!inside) await target.getByRole('dialog').last().focus()
    await target.keyboard.press('Escape')
    await target.waitForTimeout(150)
  }
  await target.getByRole('dialog').first().waitFor({ state: 'detached' })
}

async function find(reference: string): Promise<void> {
  await search(page).fill(reference)
  await page.keyboard.press('Enter')
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  luka = new FakeLuka()
  await luka.start()
  luka.addTransaction({ id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' })
  luka.addTransaction({ id: 96337, reference: '6567705', amount: 250.5, currency: 'USD' })
  luka.addTransaction({ id: 96338, reference: '6567706', amount: 1250.5, currency: 'VES' })
  lux = new FakeLuxcore()
  await lux.start()
  lox = new FakeLox24()
  await lox.start()
  const lox24 = { LOX24_BASE_URL: lox.url, LOX24_TOKEN: lox.token, LOX24_SENDER: 'Taquilla' }
  // a failed delivery waits (up to 10 min) instead of retrying while the shots are taken
  const slow = { TAQUILLA_OUTBOX_RETRY_BASE_MS: '600000', TAQUILLA_OUTBOX_RETRY_CAP_MS: '600000' }
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LANG: 'es', ...lox24, ...slow }, lux))
  page = await open(harness.url)
  await search(page).waitFor()
})

afterAll(async () => {
  await customer?.close()
  await page?.close()
  await harness?.stop()
  await lox?.stop()
  await lux?.stop()
  await luka?.stop()
})

describe('screens of one build (Spanish, fake Luka, LuxCore and LOX24)', () => {
  it('the counter: empty, not found, found, approve, approved, receipt, reject, queued', async () => {
    await page.getByText(/12,50/).first().waitFor()
    await shot(page, 'es-counter-start')
    customer = await open(`${harness.origin}/customer?token=${harness.token}`)
    await customer.getByRole('heading').first().waitFor()
    await shot(customer, 'es-customer-welcome')

    await find('6567999')
    await page.getByRole('alert').first().waitFor()
    await shot(page, 'es-counter-not-found')

    await find('6567704')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    await shot(page, 'es-counter-found')
    await shot(customer, 'es-customer-payment')
    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await shot(page, 'es-approve-dialog')
    await page.getByRole('textbox', { name: /^Efectivo recibido/ }).fill('20')
    await page
      .getByText(/^Vuelto/)
      .first()
      .waitFor()
    await shot(page, 'es-approve-dialog-change')
    await page.keyboard.press('Enter')
    await page.getByText('Entregado a Luka', { exact: true }).first().waitFor()
    await shot(page, 'es-counter-approved')
    await shot(customer, 'es-customer-approved')
    await paper(page, 'es-print-receipt', 'receipt')

    await page.keyboard.press('Control+M')
    await page.getByRole('dialog').waitFor()
    await shot(page, 'es-sms-dialog', undefined, ['.dialog textarea']) // the message has the decision's time
    await closeDialogs(page)

    await find('6567705')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    await page.keyboard.press('F9')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.type('Billete dañado')
    await shot(page, 'es-reject-dialog')
    await closeDialogs(page)

    luka.inject('notify', 'refuse', 1000)
    await find('6567706')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Enter')
    await page.locator('.outcome-queued, .outcome-sending').first().waitFor()
    await page.waitForTimeout(1000)
    await shot(page, 'es-counter-queued')
  })

  it('the panels, each by its shortcut', async () => {
    await page.keyboard.press('F6')
    await page.getByRole('dialog').waitFor()
    await shot(page, 'es-outbox')
    luka.clearFaults()
    await page.keyboard.press('r') // retry now: delivered, so nothing changes later by itself
    await page.getByRole('dialog').getByText('entregado').nth(1).waitFor()
    await closeDialogs(page)

    await page.keyboard.press('F2')
    await page.getByRole('dialog', { name: 'Depósitos LuxCore' }).waitFor()
    await shot(page, 'es-luxcore')
    await page.keyboard.type('1.234,50')
    await page.keyboard.press('Enter')
    await page.getByRole('img', { name: /Código de barras/ }).waitFor()
    await shot(page, 'es-luxcore-deposit')
    await paper(page, 'es-print-voucher', 'voucher')
    await closeDialogs(page)

    await page.keyboard.press('F3')
    await page.getByRole('dialog').waitFor()
    await shot(page, 'es-shift-open')
    await page.keyboard.type('100,00')
    await page.keyboard.press('Enter')
    await page.getByText(/Turno abierto desde/).waitFor()
    await page.keyboard.press('F3')
    await page.getByRole('dialog', { name: 'Cerrar turno' }).waitFor()
    await page.keyboard.type('90')
    await page
      .getByText(/Faltante/)
      .first()
      .waitFor()
    await shot(page, 'es-shift-close')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Faltan 10,00')
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'Reporte Z' }).waitFor()
    await shot(page, 'es-zreport')
    await paper(page, 'es-print-zreport', 'zreport')
    await closeDialogs(page)

    await page.keyboard.press('F4')
    await page.getByRole('listbox', { name: 'Entradas del diario' }).getByRole('option').first().waitFor()
    await shot(page, 'es-journal')
    await closeDialogs(page)

    await page.keyboard.press('Control+k')
    await page.getByRole('dialog').waitFor()
    await shot(page, 'es-link')
    await page.keyboard.type('12,20')
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').getByRole('img').first().waitFor()
    await shot(page, 'es-link-created')
    await customer.getByRole('img').waitFor()
    await shot(customer, 'es-customer-link')
    await paper(page, 'es-print-link', 'link', 470) // down to the trace id, random and of any length
    await closeDialogs(page)

    await page.keyboard.press('Control+Comma')
    await page.getByRole('dialog').getByRole('textbox').first().waitFor()
    await shot(page, 'es-settings', page.getByRole('dialog'))
    await closeDialogs(page)

    await page.keyboard.press('Alt+T')
    await page.getByRole('dialog').getByRole('combobox').first().waitFor()
    await shot(page, 'es-topup')
    await closeDialogs(page)
  })

  it('a first run with nothing configured, and training mode in both languages', async () => {
    const fresh = await startHarness({ TAQUILLA_LANG: 'es' })
    const first = await open(fresh.url)
    await first.getByRole('region', { name: 'Luka no está configurado todavía' }).waitFor()
    await shot(first, 'es-first-run')
    await first.close()
    await fresh.stop()

    for (const lang of ['es', 'en']) {
      const training = await startHarness({ TAQUILLA_LANG: lang }, undefined, ['--training'])
      const trainee = await open(training.url)
      await trainee.getByRole('note').waitFor()
      await search(trainee).waitFor()
      await shot(trainee, `${lang}-training-start`)
      await search(trainee).fill('6567704')
      await trainee.keyboard.press('Enter')
      await trainee.getByRole('region', { name: /^(Pago encontrado|Payment found)$/ }).waitFor()
      await shot(trainee, `${lang}-training-found`)
      if (lang === 'en') {
        for (const [key, name] of [
          ['F6', 'outbox'],
          ['F2', 'luxcore'],
          ['F3', 'shift'],
          ['F4', 'journal'],
          ['Control+k', 'link'],
          ['Control+Comma', 'settings']
        ] as const) {
          await trainee.keyboard.press(key)
          await trainee.getByRole('dialog').getByRole('heading').first().waitFor()
          await trainee.waitForTimeout(300)
          await shot(trainee, `en-training-${name}`)
          await closeDialogs(trainee)
        }
      }
      await trainee.close()
      await training.stop()
    }
  })
})
