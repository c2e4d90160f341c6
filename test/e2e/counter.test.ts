import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { FakeLuka } from '../../src/main/training/fake-luka'
import { harnessEnv, openCounter, startHarness, startLuka, stopAll, useChromium, type RunningHarness } from './support'

/**
 * The whole app in Debian Chromium through `npm run harness` (real services, fake Luka),
 * driven by the keyboard only: no click anywhere in this file.
 */
const browser = useChromium()
let luka: FakeLuka
let harness: RunningHarness
let page: Page

beforeEach(async () => {
  luka = await startLuka([
    { id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' },
    { id: 96337, reference: '6567705', amount: 250.5, currency: 'USD' }
  ])
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LANG: 'es' }))
  page = await openCounter(browser(), harness, (opened) =>
    expect.poll(() => focusedLabel(opened)).toMatch(/^Buscar pago por/)
  )
})

afterEach(() => stopAll(page, harness, luka))

const focusedLabel = (target: Page) => target.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')

async function search(value: string): Promise<void> {
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
}

describe('counter, keyboard only, in Chromium', () => {
  it('approves a payment with F8 + Enter and shows Luka reply', async () => {
    await search('6567704')
    const card = page.getByRole('region', { name: 'Pago encontrado' })
    await card.waitFor()
    expect((await card.textContent())?.replace(/\s/g, ' ')).toContain('USD 16,03') // es-VE, Intl's no-break space

    await page.keyboard.press('F8')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toMatch(/APROBAR.*16,03/)
    await page.keyboard.press('Enter')

    await page.getByText('Entregado a Luka').first().waitFor()
    await page
      .getByText(/Tx Exitosa/)
      .first()
      .waitFor()
    expect(luka.notifiesFor(96336)).toHaveLength(1)
    expect(luka.notifiesFor(96336)[0]?.body).toMatchObject({
      IdTx: 96336,
      IdEstatus: 6,
      Terminal: 'Agencia CCCT, Taquilla 2'
    })
    await expect.poll(() => focusedLabel(page)).toMatch(/^Buscar pago por/)

    // the same transaction cannot be decided again from this terminal
    await search('6567704')
    await page.getByText('Esta taquilla aprobó este pago').first().waitFor()
    await page.keyboard.press('F9')
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(luka.ledger).toHaveLength(1)
  })

  it('rejects with a reason (F9, type, Enter)', async () => {
    await search('6567705')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    await page.keyboard.press('F9')
    await page.getByRole('dialog').waitFor()
    await expect
      .poll(() =>
        focusedLabel(page).then(
          async (label) =>
            label || (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id ?? ''))
        )
      )
      .toBeTruthy()

    // Enter without a reason does not send anything
    await page.keyboard.press('Enter')
    await page.getByText('Escriba el motivo del rechazo.').first().waitFor()
    expect(luka.ledger).toHaveLength(0)

    await page.keyboard.type('Billete dañado')
    await page.keyboard.press('Enter')
    await page.getByText('Entregado a Luka').first().waitFor()
    expect(luka.notifiesFor(96337)[0]?.body).toMatchObject({ IdEstatus: 7, Observaciones: 'Billete dañado' })
    await expect.poll(() => focusedLabel(page)).toMatch(/^Buscar pago por/)
  })

  it('Esc cancels a confirmation without sending', async () => {
    await search('6567704')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    expect(luka.ledger).toHaveLength(0)
  })

  it('not found shows the teller message with Luka own words', async () => {
    await search('NOEXISTE')
    const alert = page.getByText('No se encontró el pago en Luka.').first()
    await alert.waitFor()
    await page
      .getByText(/Transacción no encontrada/)
      .first()
      .waitFor()
  })

  it('a validation error is shown before any request', async () => {
    await page.keyboard.press('Alt+2')
    await search('12ab')
    await page.getByText('El ID de transacción Luka lleva solo números (hasta 15 dígitos).').first().waitFor()
    expect(luka.requests.filter((r) => r.path.endsWith('/pagodiferido'))).toHaveLength(0)
  })

  it('with Luka down: status offline, the decision is queued (never shown as success), F7 retries it now', async () => {
    await search('6567704')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    await luka.stop()

    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Enter')
    await page.getByText('En cola — se entregará a Luka automáticamente').first().waitFor()
    expect(await page.getByText('Entregado a Luka', { exact: true }).count()).toBe(0)
    await page
      .getByText(/Luka: sin conexión/)
      .first()
      .waitFor()

    // Luka comes back; F7 sends it now, and it is delivered exactly once
    await luka.start()
    await page.keyboard.press('F7')
    await page.getByText('Entregado a Luka', { exact: true }).first().waitFor()
    expect(luka.notifiesFor(96336)).toHaveLength(1)
  })

  it('lookup with Luka down says Luka does not answer', async () => {
    await luka.stop()
    await search('6567704')
    await page
      .getByText(/Luka no responde/)
      .first()
      .waitFor()
  })
})
