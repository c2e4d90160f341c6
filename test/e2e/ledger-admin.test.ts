import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { LedgerClient } from '../../src/main/ledger/client'
import { addOwner } from '../../src/server/owner/accounts'
import { counterBooks, startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { startPostgres, type TestPostgres } from '../helpers/postgres'
import { useChromium } from './support'

const browser = useChromium()
let postgres: TestPostgres
let ledger: LedgerUnderTest
const PASSWORD = 'una clave larga y buena'

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres)
  await addOwner(ledger.context.pool, 'duena@example.com', PASSWORD)
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

const contexts: BrowserContext[] = []
afterAll(async () => {
  for (const context of contexts) await context.close()
})

/** A browser of its own, signed in as `email` (Spanish unless `lang`). */
async function signedIn(email: string, password = PASSWORD, lang = 'es'): Promise<Page> {
  const context = await browser().newContext({ locale: lang === 'es' ? 'es-VE' : 'en-US' })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${ledger.url}/signin?lang=${lang}`)
  await page.getByLabel(lang === 'es' ? 'Correo' : 'Email').fill(email)
  await page.getByLabel(lang === 'es' ? 'Contraseña' : 'Password').fill(password)
  await page.getByRole('button', { name: lang === 'es' ? 'Entrar' : 'Sign in' }).click()
  await page.waitForURL(/\/(day|signin)/)
  return page
}

const cells = (page: Page, label: string) =>
  page.evaluate(
    (name) =>
      [...document.querySelectorAll(`table[aria-label="${name}"] tbody tr`)].map((row) =>
        [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent!.trim())
      ),
    label
  )

/** Still signed in: /day shows the day, not the sign-in form. */
async function stillIn(page: Page): Promise<boolean> {
  await page.goto(`${ledger.url}/day`)
  return new URL(page.url()).pathname === '/day'
}

describe("the owner's page: owners", () => {
  it('adds an owner, who signs in; disabling them (after confirming) ends their session at once', async () => {
    const page = await signedIn('duena@example.com')
    await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Dueños' }).click()
    await page.getByLabel('Correo').fill('socio@example.com')
    await page.getByLabel('Contraseña inicial (12 caracteres o más)').fill('la clave del socio')
    await page.getByRole('button', { name: 'Agregar' }).click()
    await expect(page.getByRole('status').textContent()).resolves.toBe('socio@example.com ya puede entrar.')
    expect((await cells(page, 'Dueños')).map((row) => row.slice(0, 2))).toEqual([
      ['duena@example.com (usted)', 'activo'],
      ['socio@example.com', 'activo']
    ])
    // no button to disable oneself
    await expect(page.getByRole('button', { name: 'Desactivar a duena@example.com' }).count()).resolves.toBe(0)

    const partner = await signedIn('socio@example.com', 'la clave del socio')
    expect(await stillIn(partner)).toBe(true)
    await page.getByRole('button', { name: 'Desactivar a socio@example.com' }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Confirmar')
    expect(await stillIn(partner)).toBe(true) // nothing happens before confirming
    await page.getByRole('button', { name: 'Sí, confirmar' }).click()
    await expect(page.getByRole('status').textContent()).resolves.toContain('socio@example.com ya no puede entrar')
    expect(await stillIn(partner)).toBe(false)
    const again = await signedIn('socio@example.com', 'la clave del socio')
    await expect(again.getByRole('alert').textContent()).resolves.toBe('Correo o contraseña incorrectos.')
  })

  it('changes its own password with the current one (in English): its other sessions end, this one goes on', async () => {
    const page = await signedIn('duena@example.com', PASSWORD, 'en')
    const other = await signedIn('duena@example.com', PASSWORD, 'en')
    await page.goto(`${ledger.url}/owners`)
    await page.getByLabel('Current password').fill('not the password')
    await page.getByLabel('New password (12 characters or more)').fill('a newer long passphrase')
    await page.getByRole('button', { name: 'Change' }).click()
    await expect(page.getByRole('alert').textContent()).resolves.toBe('The current password is not right.')
    await page.getByLabel('Current password').fill(PASSWORD)
    await page.getByLabel('New password (12 characters or more)').fill('a newer long passphrase')
    await page.getByRole('button', { name: 'Change' }).click()
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      'Password changed. Your other sessions were ended.'
    )
    expect(await stillIn(other)).toBe(false)
    expect(await stillIn(page)).toBe(true)
    await addOwner(ledger.context.pool, 'duena@example.com', PASSWORD) // back to the shared password
  })
})

describe("the owner's page: counters and codes", () => {
  it('revokes a counter after confirming (its batches are refused "revoked") and an open code', async () => {
    const client = new LedgerClient(ledger.url)
    const stolen = await client.enrol(await ledger.code(), 'Agencia Oeste', 'Taquilla 2')
    const books = counterBooks()
    books.journal.append({ action: 'lookup', refs: { reference: 'R1' }, result: 'found' })
    await client.sendBatch(stolen, books.lines())
    const spare = await ledger.code()

    const page = await signedIn('duena@example.com')
    await page.getByRole('link', { name: 'Taquillas y códigos' }).click()
    expect(await cells(page, 'Taquillas')).toEqual([
      ['Agencia Oeste', 'Taquilla 2', expect.any(String), '1', 'en servicio', 'Revocar']
    ])
    expect((await cells(page, 'Códigos de alta abiertos')).map((row) => row[0])).toEqual([
      `····-····-${spare.slice(-4)}`
    ])
    await page.getByRole('button', { name: 'Revocar Agencia Oeste, Taquilla 2' }).click()
    await expect(page.locator('main p').first().textContent()).resolves.toContain('¿Revocar Agencia Oeste, Taquilla 2?')
    await page.getByRole('button', { name: 'Sí, confirmar' }).click()
    await expect(page.getByRole('status').textContent()).resolves.toContain('Agencia Oeste, Taquilla 2 queda revocada')
    expect((await cells(page, 'Taquillas'))[0]![4]).toMatch(/^revocada por duena@example\.com/)
    await expect(client.sendBatch(stolen, books.lines())).rejects.toMatchObject({ status: 403, code: 'revoked' })
    // the day's page says so instead of "silent"
    await page.getByRole('link', { name: 'Día' }).click()
    expect((await cells(page, 'Taquillas')).map((row) => row.slice(1, 3))).toEqual([['Taquilla 2', 'revocada']])
    await page.getByRole('link', { name: 'Taquillas y códigos' }).click()

    await page.getByRole('button', { name: `Revocar el código que termina en ${spare.slice(-4)}` }).click()
    await page.getByRole('button', { name: 'Sí, confirmar' }).click()
    await expect(page.getByRole('status').textContent()).resolves.toContain('Código revocado')
    await expect(page.getByRole('table', { name: 'Códigos de alta abiertos' }).count()).resolves.toBe(0)
    await expect(client.enrol(spare, 'Agencia Oeste', 'Taquilla 3')).rejects.toMatchObject({ code: 'badCode' })
  })

  it('refuses a revoke posted from another site or without the form token', async () => {
    const client = new LedgerClient(ledger.url)
    const terminal = await client.enrol(await ledger.code(), 'Agencia Este', 'Taquilla 1')
    const page = await signedIn('duena@example.com')
    const session = (await page.context().cookies()).find((one) => one.name === 'tq_session')!.value
    for (const [origin, csrf] of [
      ['http://evil.example', 'forged'],
      [ledger.url, 'forged']
    ]) {
      const response = await fetch(`${ledger.url}/counters/revoke`, {
        method: 'POST',
        headers: {
          origin: origin!,
          cookie: `tq_session=${session}`,
          'content-type': 'application/x-www-form-urlencoded'
        },
        body: new URLSearchParams({ csrf: csrf!, terminal: terminal.terminalId, confirm: '1' }).toString()
      })
      expect(response.status).toBe(403)
    }
    expect((await client.sendBatch(terminal, [])).lastSeq).toBe(0)
  })
})
