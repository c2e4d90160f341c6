import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addOwner, checkOwner } from '../../src/server/owner/accounts'
import { changePassword, createOwner, disableOwner, listOwners, sessionActive } from '../../src/server/owner/owners'
import { startLedger, type LedgerUnderTest } from '../helpers/ledger'
import { startPostgres, type TestPostgres } from '../helpers/postgres'

let postgres: TestPostgres
let ledger: LedgerUnderTest
const PASSWORD = 'una clave larga y buena'

beforeAll(async () => {
  postgres = await startPostgres()
  ledger = await startLedger(postgres)
}, 120_000)
afterAll(async () => {
  await ledger?.close()
  postgres?.stop()
})

const signIn = (email: string, password = PASSWORD) => checkOwner(ledger.context.pool, email, password)

describe('owner accounts', () => {
  it('adds an owner once, with a real email and a password of 12 characters or more', async () => {
    const pool = ledger.context.pool
    await addOwner(pool, 'ana@example.com', PASSWORD)
    const ana = (await signIn('ana@example.com'))!
    expect(await createOwner(pool, ana.ownerId, 'Beto@Example.com ', 'corta12345')).toBe('short')
    expect(await createOwner(pool, ana.ownerId, 'beto', PASSWORD)).toBe('badEmail')
    expect(await createOwner(pool, ana.ownerId, 'beto@example.com', 'x'.repeat(1025))).toBe('long')
    expect(await createOwner(pool, ana.ownerId, 'Beto@Example.com ', 'doce letras!')).toBe('added')
    expect(await createOwner(pool, ana.ownerId, 'beto@example.com', PASSWORD)).toBe('exists')
    expect(await signIn('beto@example.com', 'doce letras!')).not.toBeNull()
    expect((await listOwners(pool)).map((row) => [row.email, row.createdBy])).toEqual([
      ['ana@example.com', null],
      ['beto@example.com', 'ana@example.com']
    ])
  })

  it("changes one's own password only with the current one, ending the other sessions", async () => {
    const pool = ledger.context.pool
    await addOwner(pool, 'carla@example.com', PASSWORD)
    const elsewhere = (await signIn('carla@example.com'))!
    expect(await changePassword(pool, elsewhere.ownerId, 'no es la clave', 'otra clave larga')).toEqual({
      result: 'wrongCurrent'
    })
    expect(await changePassword(pool, elsewhere.ownerId, PASSWORD, 'corta')).toEqual({ result: 'short' })
    expect(await sessionActive(pool, elsewhere)).toBe(true)
    const changed = await changePassword(pool, elsewhere.ownerId, PASSWORD, 'otra clave larga')
    expect(changed).toEqual({ result: 'changed', epoch: elsewhere.epoch + 1 })
    expect(await sessionActive(pool, elsewhere)).toBe(false)
    expect(await sessionActive(pool, { ownerId: elsewhere.ownerId, epoch: elsewhere.epoch + 1 })).toBe(true)
    expect(await signIn('carla@example.com')).toBeNull()
    expect(await signIn('carla@example.com', 'otra clave larga')).not.toBeNull()
  })

  it('disables another owner (never oneself): no sign-in, sessions end; two owners disabling each other leave one', async () => {
    const pool = ledger.context.pool
    await addOwner(pool, 'dora@example.com', PASSWORD)
    await addOwner(pool, 'eva@example.com', PASSWORD)
    const dora = (await signIn('dora@example.com'))!
    const eva = (await signIn('eva@example.com'))!
    expect(await disableOwner(pool, dora.ownerId, dora.ownerId)).toBe('self')
    // every other owner off, the same moment from both sides
    await pool.query(`UPDATE owners SET disabled_at = now() WHERE email NOT IN ('dora@example.com', 'eva@example.com')`)
    const results = await Promise.all([
      disableOwner(pool, dora.ownerId, eva.ownerId),
      disableOwner(pool, eva.ownerId, dora.ownerId)
    ])
    expect(results.sort()).toEqual(['disabled', 'unknown'])
    const active = (await listOwners(pool)).filter((row) => row.disabledAt === null)
    expect(active).toHaveLength(1)
    const [kept, gone] = active[0]!.email === 'dora@example.com' ? [dora, eva] : [eva, dora]
    expect(await sessionActive(pool, gone)).toBe(false)
    expect(await sessionActive(pool, kept)).toBe(true)
    expect(await signIn(active[0]!.email === 'dora@example.com' ? 'eva@example.com' : 'dora@example.com')).toBeNull()
    // the command line's reset is the way back: enabled again, old sessions still ended
    await addOwner(pool, 'dora@example.com', PASSWORD)
    await addOwner(pool, 'eva@example.com', PASSWORD)
    expect(await signIn('dora@example.com')).not.toBeNull()
    expect(await sessionActive(pool, gone)).toBe(false)
  })
})
