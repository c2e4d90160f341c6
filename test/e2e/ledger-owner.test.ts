import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ZReport } from '@shared/books'
import { formatMoney } from '@shared/money'
import { LedgerClient } from '../../src/main/ledger/client'
import { addOwner } from '../../src/server/owner/accounts'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { workShift } from '../helpers/ledger-day'
import { startPostgres, type TestPostgres } from '../helpers/postgres'
import { useChromium } from './support'

const browser = useChromium()
let postgres: TestPostgres
let ledger: LedgerUnderTest
const reports = new Map<string, ZReport>()
const DAY = '2026-03-02'

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres, { TAQUILLA_TIME_ZONE: 'America/Caracas' })
  await addOwner(ledger.context.pool, 'duena@example.com', 'una clave larga y buena')
  const client = new LedgerClient(ledger.url)
  for (const [index, counter] of ['Taquilla 1', 'Taquilla 2'].entries()) {
    const books = counterBooks({ operator: `Operadora ${index + 1}`, terminal: `Agencia Norte, ${counter}` })
    const identity = await client.enrol(await ledger.code(), 'Agencia Norte', counter)
    reports.set(counter, workShift(books, 100 + index, 50))
    await client.sendBatch(identity, books.lines())
    if (index === 0) {
      await client.heartbeat(identity, {
        at: new Date().toISOString(),
        appVersion: '0.1.0',
        journalHead: books.entries().length,
        openShift: null,
        outbox: [],
        lastError: null
      })
    } else {
      // this counter's history was rewritten at entry 3 and sent again: a fork
      const forked = JSON.parse(books.lines()[2]!) as Record<string, unknown>
      await client.sendBatch(identity, [JSON.stringify({ ...forked, result: 'edited' })])
    }
  }
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

type Rows = string[][]
const rowsOf = (label: string) => (table: string) =>
  `[...document.querySelectorAll('table[aria-label="${label}"] tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()))` +
  table

describe("the owner's page", () => {
  it("signs in and shows the day's reconciliation matching each counter's Z report to the cent", async () => {
    const context = await browser().newContext({ locale: 'es-VE' })
    const page = await context.newPage()
    await page.goto(`${ledger.url}/day?date=${DAY}`)
    expect(new URL(page.url()).pathname).toBe('/signin')
    await page.getByLabel('Correo').fill('duena@example.com')
    await page.getByLabel('Contraseña').fill('una clave equivocada')
    await page.getByRole('button', { name: 'Entrar' }).click()
    await expect(page.getByRole('alert').textContent()).resolves.toContain('incorrectos')
    await page.getByLabel('Correo').fill('duena@example.com')
    await page.getByLabel('Contraseña').fill('una clave larga y buena')
    await page.getByRole('button', { name: 'Entrar' }).click()
    await page.waitForURL(/\/day/)
    await page.goto(`${ledger.url}/day?date=${DAY}`)
    const cookie = (await context.cookies()).find((one) => one.name === 'tq_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' })

    const shifts = (await page.evaluate(rowsOf('Turnos y reportes Z')(''))) as Rows
    const es = (minor: number | null, currency: string) =>
      minor === null ? '—' : formatMoney({ minor, currency }, 'es-VE')
    let compared = 0
    for (const [counter, report] of reports) {
      for (const row of report.currencies) {
        const cells = shifts.find((one) => one[1] === counter && one[5] === row.currency)
        expect(cells, `${counter} ${row.currency}`).toBeDefined()
        expect(cells!.slice(6, 15)).toEqual([
          es(row.float, row.currency),
          `${row.approvals.count} · ${es(row.approvals.minor, row.currency)}`,
          `${row.approvalsWaiting.count} · ${es(row.approvalsWaiting.minor, row.currency)}`,
          `${row.rejections.count} · ${es(row.rejections.minor, row.currency)}`,
          `${row.deposits.count} · ${es(row.deposits.minor, row.currency)}`,
          cells![11], // payment links: compared in the unit test
          es(row.expected, row.currency),
          es(row.counted, row.currency),
          es(row.variance, row.currency)
        ])
        compared++
      }
    }
    expect(compared).toBeGreaterThanOrEqual(4)

    const terminals = (await page.evaluate(rowsOf('Taquillas')(''))) as Rows
    expect(terminals.map((row) => [row[1], row[2]])).toEqual([
      ['Taquilla 1', 'al día'],
      ['Taquilla 2', 'en silencio']
    ])
    const incidents = (await page.evaluate(rowsOf('Incidentes')(''))) as Rows
    expect(incidents).toEqual([
      [expect.any(String), 'Agencia Norte', 'Taquilla 2', '3', expect.stringContaining('bifurcación')]
    ])

    // the Z report page, in English, computed by the counter's ShiftBook from the stored entries
    await page.goto(`${ledger.url}/day?date=${DAY}&lang=en`)
    await page
      .getByRole('row', { name: /Taquilla 1/ })
      .first()
      .getByRole('link', { name: 'Z report' })
      .click()
    const z = (await page.evaluate(rowsOf('Z report')(''))) as Rows
    const usd = reports.get('Taquilla 1')!.currencies.find((row) => row.currency === 'USD')!
    expect(z.find((row) => row[0] === 'USD')!.slice(6)).toEqual(
      [usd.expected, usd.counted, usd.variance].map((minor) => formatMoney({ minor: minor!, currency: 'USD' }, 'en-US'))
    )

    // CSV of the day: the same figures as plain decimals (English: comma-separated, decimal point)
    const csv = await (await page.request.get(`${ledger.url}/day.csv?date=${DAY}`)).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toContain('Expected,Counted,Variance')
    const usdLine = lines.find((line) => line.includes('Taquilla 1') && line.includes(',USD,'))!
    expect(usdLine.split(',').slice(-3)).toEqual(
      [usd.expected, usd.counted, usd.variance].map((minor) => (minor! / 100).toFixed(2))
    )
    await context.close()
  })

  it('makes a one-time enrolment code a counter can use, and refuses a form from elsewhere', async () => {
    const context = await browser().newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${ledger.url}/signin?lang=en`)
    await page.getByLabel('Email').fill('duena@example.com')
    await page.getByLabel('Password').fill('una clave larga y buena')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/day/)
    await page.getByRole('button', { name: 'Make an enrolment code' }).click()
    const code = (await page.getByLabel('Enrolment code (one use, 24 h)').textContent())!.trim()
    const identity = await new LedgerClient(ledger.url).enrol(code, 'Agencia Sur', 'Taquilla 1')
    expect(identity.terminalId).toMatch(/-/)
    // a cross-site form post (other Origin, no token) and a same-site one without the token: refused
    const session = (await context.cookies()).find((one) => one.name === 'tq_session')!.value
    for (const origin of ['http://evil.example', ledger.url]) {
      const response = await fetch(`${ledger.url}/codes`, {
        method: 'POST',
        headers: { origin, cookie: `tq_session=${session}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'csrf=forged'
      })
      expect(response.status).toBe(403)
    }
    // signing out: the page wants a sign-in again
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/signin/)
    await page.goto(`${ledger.url}/day`)
    expect(new URL(page.url()).pathname).toBe('/signin')
    await context.close()
  })
})
