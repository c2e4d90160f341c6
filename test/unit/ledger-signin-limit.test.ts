import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLedgerServer } from '../../src/server/http'
import { addOwner } from '../../src/server/owner/accounts'
import { SIGNIN_LIMIT } from '../../src/server/owner/signin-limit'
import { startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

let postgres: TestPostgres
let ledger: LedgerUnderTest
// a second server over the same database: the count lives in PostgreSQL, not in a process
let second: ReturnType<typeof createLedgerServer>
let secondUrl: string
const PASSWORD = 'una clave larga y buena'

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres, { TAQUILLA_TRUST_PROXY: '1', TAQUILLA_TIME_ZONE: 'America/Caracas' })
  second = createLedgerServer(ledger.context)
  await new Promise<void>((resolve) => second.listen(0, '127.0.0.1', resolve))
  secondUrl = `http://127.0.0.1:${(second.address() as AddressInfo).port}`
  for (const email of ['ana@example.com', 'beto@example.com', 'carla@example.com', 'dora@example.com'])
    await addOwner(ledger.context.pool, email, PASSWORD)
}, 120_000)
afterAll(async () => {
  second?.closeAllConnections()
  second?.close()
  await ledger?.close()
  postgres?.stop()
})

/** A sign-in form post as a browser at `address` sends it (behind our proxy). */
async function signIn(email: string, password: string, address: string, base = ledger.url, lang = 'es') {
  const response = await fetch(`${base}/signin?lang=${lang}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: base,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': `198.51.100.9, ${address}`
    },
    body: new URLSearchParams({ email, password }).toString()
  })
  return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') }
}

const alertOf = (text: string) => /role="alert"[^>]*>([^<]*)</.exec(text)?.[1] ?? ''

describe('the sign-in limit', () => {
  it('refuses an account after 5 failures for 15 minutes, saying when, the same for an unknown email', async () => {
    for (const email of ['ana@example.com', 'nadie@example.com']) {
      for (let i = 0; i < SIGNIN_LIMIT.account; i++)
        expect((await signIn(email, 'una clave equivocada', `203.0.113.${i + 1}`)).status).toBe(401)
      // the right password now changes nothing (on the other server too), from yet another address
      const refused = await signIn(email, PASSWORD, '203.0.113.77', secondUrl)
      expect(refused.status).toBe(429)
      expect(alertOf(refused.text)).toMatch(
        /^Demasiados intentos fallidos\. Por seguridad, espere hasta las \d{1,2}:\d\d .*para volver a intentarlo\.$/
      )
      expect(Number(refused.retryAfter)).toBeGreaterThan(14 * 60)
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60)
    }
    // a known and an unknown account are refused with the same words (their times may fall in
    // different minutes: they were locked a few seconds apart)
    const words = (text: string) => alertOf(text).replace(/\d{1,2}:\d\d/, 'HH:MM')
    const known = words((await signIn('ana@example.com', 'x', '203.0.113.78')).text)
    const unknown = words((await signIn('nadie@example.com', 'x', '203.0.113.78')).text)
    expect(known).toBe(unknown)
    // English too
    expect(alertOf((await signIn('ana@example.com', 'x', '203.0.113.78', ledger.url, 'en')).text)).toMatch(
      /^Too many failed attempts\. For safety, wait until \d{1,2}:\d\d [AP]M to try again\.$/
    )
    // another owner is not affected
    expect((await signIn('beto@example.com', PASSWORD, '203.0.113.79')).status).toBe(303)
    // 15 minutes later (the failures moved back in time) the account signs in again
    await ledger.context.pool.query(
      `UPDATE signin_failures SET at = at - interval '16 minutes' WHERE key = 'account:ana@example.com'`
    )
    expect((await signIn('ana@example.com', PASSWORD, '203.0.113.80')).status).toBe(303)
  })

  it('a burst of tries sent at once, over both servers, gets no more guesses than the limit', async () => {
    const burst = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        signIn('dora@example.com', 'una clave equivocada', `198.18.0.${i + 1}`, i % 2 ? secondUrl : ledger.url)
      )
    )
    const checked = burst.filter((reply) => reply.status === 401).length
    expect(checked).toBeLessThanOrEqual(SIGNIN_LIMIT.account)
    expect(burst.filter((reply) => reply.status !== 401).every((reply) => reply.status === 429)).toBe(true)
    // a try made after the burst is refused once the burst's failures reach the limit
    if (checked === SIGNIN_LIMIT.account)
      expect((await signIn('dora@example.com', PASSWORD, '198.18.1.1')).status).toBe(429)
  })

  it('refuses a client address after 10 failures over any accounts, and only that address', async () => {
    for (let i = 0; i < SIGNIN_LIMIT.address; i++)
      expect((await signIn(`prueba${i}@example.com`, 'una clave equivocada', '192.0.2.50')).status).toBe(401)
    expect((await signIn('carla@example.com', PASSWORD, '192.0.2.50')).status).toBe(429)
    expect((await signIn('carla@example.com', PASSWORD, '192.0.2.51')).status).toBe(303)
  })

  it("a good sign-in clears its account's failures, not its address's", async () => {
    for (let i = 0; i < SIGNIN_LIMIT.account - 1; i++)
      expect((await signIn('beto@example.com', 'mal', '192.0.2.60')).status).toBe(401)
    expect((await signIn('beto@example.com', PASSWORD, '192.0.2.60')).status).toBe(303)
    const { rows } = await ledger.context.pool.query(
      `SELECT key, count(*)::int AS n FROM signin_failures WHERE key LIKE '%beto%' OR key LIKE '%192.0.2.60' GROUP BY key`
    )
    expect(rows).toEqual([{ key: 'address:192.0.2.60', n: SIGNIN_LIMIT.account - 1 }])
  })
})
