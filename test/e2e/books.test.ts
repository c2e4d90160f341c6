import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { FakeLuka } from '../../src/main/training/fake-luka'
import { harnessEnv, openCounter, startHarness, startLuka, stopAll, useChromium, type RunningHarness } from './support'

/**
 * The counter's books in Debian Chromium through `npm run harness` (real services, real
 * journal, fake Luka), keyboard only: open a shift, approve two payments, reject one, close
 * with a short count, explain it, and read the Z report.
 */
const browser = useChromium()
let luka: FakeLuka
let harness: RunningHarness
let page: Page

beforeEach(async () => {
  luka = await startLuka([
    { id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' },
    { id: 96337, reference: '6567705', amount: 250.5, currency: 'USD' },
    { id: 96338, reference: '6567706', amount: 40, currency: 'USD' }
  ])
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LANG: 'es' }))
  page = await openCounter(browser(), harness, (opened) =>
    expect.poll(() => focusedLabel(opened)).toMatch(/^Buscar pago por/)
  )
})

afterEach(() => stopAll(page, harness, luka))

const focusedLabel = (target = page) => target.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
const focusedName = () =>
  page.evaluate(() => {
    const active = document.activeElement
    if (!active) return ''
    const labels = (active as HTMLInputElement).labels
    return active.getAttribute('aria-label') ?? labels?.[0]?.textContent ?? ''
  })
/** Intl puts no-break spaces in amounts ("USD 16,03"): compare with plain spaces. */
const plain = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ')

async function decide(reference: string, key: 'F8' | 'F9', reason = ''): Promise<void> {
  await page.keyboard.type(reference)
  await page.keyboard.press('Enter')
  const card = page.getByRole('region', { name: 'Pago encontrado' })
  await card.waitFor()
  await page.keyboard.press(key)
  await page.getByRole('dialog').waitFor()
  if (reason) await page.keyboard.type(reason)
  await page.keyboard.press('Enter')
  await card.getByText('Entregado a Luka', { exact: true }).waitFor()
  await expect.poll(() => focusedLabel()).toMatch(/^Buscar pago por/)
}

describe('the books, keyboard only, in Chromium', () => {
  it('open a shift, approve two, reject one, close short with a note, and read the Z report', async () => {
    const bar = page.getByRole('contentinfo', { name: 'Barra de estado' })
    await bar.getByText('Sin turno abierto').waitFor()

    // F3: open the shift with USD 100,00
    await page.keyboard.press('F3')
    await page.getByRole('dialog', { name: 'Abrir turno' }).waitFor()
    await expect.poll(() => focusedName()).toBe('Fondo inicial en USD')
    await page.keyboard.type('100,00')
    await page.keyboard.press('Enter')
    await bar.getByText(/Turno abierto desde \d\d:\d\d/).waitFor()
    await expect.poll(() => focusedLabel()).toMatch(/^Buscar pago por/)

    await decide('6567704', 'F8')
    await decide('6567705', 'F8')
    await decide('6567706', 'F9', 'Billete dañado')
    expect(luka.ledger).toHaveLength(3)

    // F3 again: the count. Expected 100,00 + 16,03 + 250,50 = 366,53; 360,00 is counted.
    await page.keyboard.press('F3')
    const closing = page.getByRole('dialog', { name: 'Cerrar turno' })
    await closing.waitFor()
    const usd = closing.getByRole('row', { name: /^USD/ })
    await expect.poll(async () => plain(await usd.textContent())).toContain('USD 366,53')
    await expect.poll(() => focusedName()).toBe('Contado en USD')
    await page.keyboard.type('360')
    await expect.poll(async () => plain(await usd.textContent())).toContain('Faltante USD 6,53')

    // Enter without a note: refused beside the note, which takes the focus
    await page.keyboard.press('Enter')
    await closing
      .getByRole('alert')
      .getByText(/escriba una nota/)
      .waitFor()
    await expect.poll(() => focusedName()).toMatch(/^Nota del cierre/)
    await page.keyboard.type('Faltan 6,53 en billetes')
    await page.keyboard.press('Enter')

    const report = page.getByRole('dialog', { name: 'Reporte Z' })
    await report.waitFor()
    const row = plain(await report.getByRole('row', { name: /^USD/ }).first().textContent())
    expect(row).toContain('USD 100,00') // float
    expect(row).toContain('2 · USD 266,53') // approvals
    expect(row).toContain('1 · USD 40,00') // rejections
    expect(row).toContain('USD 366,53') // expected
    expect(row).toContain('USD 360,00') // counted
    expect(row).toContain('Faltante USD 6,53') // variance
    const text = plain(await report.textContent())
    expect(text).toContain('Faltan 6,53 en billetes')
    expect(text).toContain('María Pérez')
    expect(text).toContain('Agencia CCCT, Taquilla 2')
    expect(text).toMatch(/Diario íntegro\s*sí/)
    await bar.getByText('Sin turno abierto').waitFor()

    // the journal has it all, newest first
    await page.keyboard.press('Escape')
    await page.keyboard.press('F4')
    const list = page.getByRole('listbox', { name: 'Entradas del diario' })
    await list.getByRole('option').first().getByText('Cierre de turno').waitFor()
    expect(await list.getByRole('option').filter({ hasText: 'Apertura de turno' }).count()).toBe(1)
  })

  it('mid-shift Alt+X: an X report, printed, journaled, the shift still open; the Z has the operator rows', async () => {
    // what the print dialog would print: the document named on <html data-print> at that moment
    await page.evaluate(() => {
      const printed: string[] = []
      Object.assign(window, { __printed: printed })
      window.print = () => void printed.push(document.documentElement.dataset['print'] ?? '(whole window)')
    })
    const bar = page.getByRole('contentinfo', { name: 'Barra de estado' })
    await page.keyboard.press('F3')
    await page.getByRole('dialog', { name: 'Abrir turno' }).waitFor()
    await page.keyboard.type('100,00')
    await page.keyboard.press('Enter')
    await bar.getByText(/Turno abierto desde/).waitFor()
    await decide('6567704', 'F8')
    await decide('6567706', 'F9', 'Billete dañado')

    await page.keyboard.press('F3')
    await page.getByRole('dialog', { name: 'Cerrar turno' }).waitFor()
    await expect.poll(() => focusedName()).toBe('Contado en USD')
    await page.keyboard.press('Alt+X')
    const x = page.getByRole('dialog', { name: 'Reporte X — no cierra el turno' })
    await x.waitFor()
    // the dialog opens at once and fills in when main has journaled the X report
    await x.getByText(/^REPORTE X — NO ES UN CIERRE/).waitFor()
    const text = plain(await x.textContent())
    expect(text).toContain('REPORTE X — NO ES UN CIERRE: el turno sigue abierto')
    expect(text).toContain('Reporte X n.º1')
    const usd = plain(await x.getByRole('row', { name: /^USD/ }).first().textContent())
    expect(usd).toContain('1 · USD 16,03')
    expect(usd).toContain('USD 116,03') // expected so far
    const operator = plain(await x.getByRole('row', { name: /^María Pérez/ }).textContent())
    expect(operator).toContain('1 · USD 16,03') // approvals
    expect(operator).toContain('1 · USD 40,00') // rejections
    await page.keyboard.press('Control+P')
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed: string[] }).__printed))
      .toEqual(['xreport'])
    await page.keyboard.press('Escape')
    await bar.getByText(/Turno abierto desde/).waitFor()

    // the journal has the X report; the shift closes as if it had not been taken
    await page.keyboard.press('F4')
    const list = page.getByRole('listbox', { name: 'Entradas del diario' })
    await list.getByRole('option').first().getByText('Reporte X (sin cierre)').waitFor()
    await page.keyboard.press('Escape')
    await page.keyboard.press('F3')
    await page.getByRole('dialog', { name: 'Cerrar turno' }).waitFor()
    await page.keyboard.type('116,03')
    await page.keyboard.press('Enter')
    const z = page.getByRole('dialog', { name: 'Reporte Z' })
    await z.waitFor()
    expect(plain(await z.getByRole('row', { name: /^USD/ }).first().textContent())).toContain('Cuadra')
    expect(plain(await z.getByRole('row', { name: /^María Pérez/ }).textContent())).toContain('1 · USD 16,03')
  })
})
