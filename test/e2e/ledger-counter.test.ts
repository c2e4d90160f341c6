import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { FakeLuka } from '../../src/main/training/fake-luka'
import { startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { startPostgres, type TestPostgres } from '../helpers/postgres'
import { harnessEnv, openCounter, startHarness, startLuka, stopAll, useChromium, type RunningHarness } from './support'

/**
 * The counter app (the harness: real services) enrolled at a real agency server on a real
 * PostgreSQL from its own settings panel, in Chromium; a payment approved at the counter reaches
 * the agency's copy, and the status bar says so.
 */
const browser = useChromium()
let postgres: TestPostgres
let ledger: LedgerUnderTest
let luka: FakeLuka
let harness: RunningHarness
let page: Page

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres)
  luka = await startLuka([{ id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' }])
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LANG: 'es' }))
  page = await openCounter(browser(), harness)
}, 120_000)
afterAll(async () => {
  await stopAll(page, harness, luka)
  await ledger?.close()
  postgres?.stop()
})

const ledgerStatus = () => page.getByRole('status', { name: 'Libro de la agencia' })
const journalLines = () => readFileSync(join(harness.dataDir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean)

describe('the agency ledger at the counter, in Chromium', () => {
  it('enrols from the settings, ships an approved payment, and the status bar reaches "al día"', async () => {
    const code = await ledger.code()
    await page.getByRole('textbox', { name: /^Buscar pago por/ }).waitFor()
    await page.keyboard.press('Control+Comma')
    const section = page.getByRole('region', { name: 'Libro de la agencia' })
    await section.getByLabel('URL del servidor de la agencia').fill(ledger.url)
    await section.getByLabel('Código de alta (un solo uso)').fill(code)
    await section.getByLabel('Agencia', { exact: true }).fill('Agencia Centro')
    await section.getByLabel('Nombre de esta taquilla').fill('Taquilla 1')
    await section.getByRole('button', { name: 'Dar de alta' }).click()
    await section.getByText(`Dada de alta en ${ledger.url}: Agencia Centro · Taquilla 1`).waitFor()
    await expect.poll(() => ledgerStatus().textContent(), { timeout: 15_000 }).toBe('libro: al día')
    await page.keyboard.press('Escape')

    // a payment approved at the counter
    await page.keyboard.type('6567704')
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Pago encontrado' }).waitFor()
    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Enter')
    await page.getByText('Entregado a Luka').first().waitFor()

    // the agency's PostgreSQL holds this counter's journal, the approval among it, byte for byte
    const { rows: terminals } = await ledger.context.pool.query('SELECT id FROM terminals WHERE counter = $1', [
      'Taquilla 1'
    ])
    expect(terminals).toHaveLength(1)
    const stored = async () =>
      (
        await ledger.context.pool.query('SELECT body FROM entries WHERE terminal_id = $1 ORDER BY seq', [
          terminals[0]!.id
        ])
      ).rows.map((row: { body: string }) => row.body)
    await expect.poll(async () => (await stored()).length, { timeout: 15_000 }).toBe(journalLines().length)
    expect(await stored()).toEqual(journalLines())
    const actions = (await stored()).map((body) => (JSON.parse(body) as { action: string }).action)
    expect(actions).toContain('decision')
    await expect.poll(() => ledgerStatus().textContent(), { timeout: 15_000 }).toBe('libro: al día')
  }, 120_000)
})
