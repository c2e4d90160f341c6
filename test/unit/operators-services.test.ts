import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JournalEntry } from '@shared/books'
import type { SupervisorApproval } from '@shared/schemas/approval'
import type { Services } from '../../src/main/services'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

/**
 * Sign-in as main enforces it, through the real services (the IPC and the harness bridge call
 * exactly these handlers): refusals while signed out or locked, and the supervisor's PIN for
 * every guarded action, with the journal naming who did and who approved.
 */
let luka: FakeLuka
let under: ServicesUnderTest
let services: Services
// real time moves on (the outbox schedules by it); the test moves it further to pass idle minutes
const clock = { t: 0, now: () => Date.now() + clock.t }
let ana: string // supervisor, PIN 2468
let tomas: string // teller, PIN 1357

const ok = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> => {
  const settled = await result
  if (!settled.ok) throw new Error(`expected ok, got ${JSON.stringify(settled.error)}`)
  return settled.value
}
const journal = (): JournalEntry[] =>
  readFileSync(join(under.dataDir, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEntry)
const signIn = (operatorId: string, pin: string) => services.handlers['operators.signIn']({ operatorId, pin })
const supervisor = (pin = '2468'): SupervisorApproval => ({ operatorId: ana, pin })

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
  luka.addTransaction({ id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' })
  luka.addTransaction({ id: 8, reference: 'R8', amount: 5, currency: 'USD' })
  under = servicesFor(luka.url, { clock, env: { TAQUILLA_IDLE_LOCK_MINUTES: '1' } })
  services = under.services
  // sign-in off: the first account needs nobody's approval, and must be a supervisor
  const first = await ok(services.handlers['operators.add']({ name: 'Ana', role: 'supervisor', pin: '2468' }))
  ana = first.accounts[0]!.id
  expect(first.signIn).toBe('on')
  // from now on managing operators needs a signed-in counter and a supervisor
  expect(await services.handlers['operators.add']({ name: 'Tomás', role: 'teller', pin: '1357' })).toMatchObject({
    ok: false,
    error: { code: 'SIGN_IN_REQUIRED' }
  })
  await ok(signIn(ana, '2468'))
  const added = await ok(
    services.handlers['operators.add']({ name: 'Tomás', role: 'teller', pin: '1357', approval: supervisor() })
  )
  tomas = added.accounts.find((account) => account.name === 'Tomás')!.id
  await ok(signIn(tomas, '1357'))
})

afterEach(async () => {
  await services.dispose()
  await luka.stop()
})

describe('main refuses customer data and actions while nobody is signed in or the counter is locked', () => {
  it('signed out, locked by hand and idle: lookups, decisions, the journal and the shift are refused', async () => {
    const lookup = () => services.handlers['luka.lookup']({ by: 'reference', value: '6567704' })
    expect((await lookup()).ok).toBe(true)

    await ok(services.handlers['operators.signOut'](undefined))
    const signedOut = { ok: false, error: { code: 'SIGN_IN_REQUIRED', detail: { state: 'signedOut' } } }
    expect(await lookup()).toEqual(signedOut)
    expect(await services.handlers['journal.query']({ text: '', offset: 0, limit: 10 })).toEqual(signedOut)
    expect(await services.handlers['shift.open']({ float: [] })).toEqual(signedOut)
    expect(await services.handlers['outbox.list'](undefined)).toEqual(signedOut)
    const decide = { transactionId: 96336, decision: 'approve' as const, note: '', authorizationCode: '' }
    expect(await services.handlers['luka.decide'](decide)).toEqual(signedOut)
    expect(luka.notifiesFor(96336)).toHaveLength(0)
    // what the status bar and the sign-in screen need still answers
    expect((await services.handlers['outbox.summary'](undefined)).ok).toBe(true)
    expect((await services.handlers['operators.state'](undefined)).ok).toBe(true)

    await ok(signIn(tomas, '1357'))
    await ok(services.handlers['operators.lock'](undefined))
    expect(await lookup()).toEqual({ ok: false, error: { code: 'SIGN_IN_REQUIRED', detail: { state: 'locked' } } })

    await ok(signIn(tomas, '1357'))
    clock.t += 59_000
    expect((await services.handlers['operators.activity'](undefined)).ok).toBe(true)
    clock.t += 59_000
    expect((await lookup()).ok).toBe(true)
    clock.t += 60_000 // a minute without input (the lookup above is not input at the counter)
    expect(await lookup()).toEqual({ ok: false, error: { code: 'SIGN_IN_REQUIRED', detail: { state: 'locked' } } })
  })

  it('deliveries keep going while the counter is locked', async () => {
    await ok(services.handlers['luka.lookup']({ by: 'reference', value: 'R8' }))
    await luka.stop()
    const queued = await ok(
      services.handlers['luka.decide']({ transactionId: 8, decision: 'approve', note: '', authorizationCode: '' })
    )
    expect(queued.state).not.toBe('delivered')
    await ok(services.handlers['operators.lock'](undefined))
    await luka.start()
    await expect.poll(() => luka.notifiesFor(8).length, { timeout: 10_000, interval: 50 }).toBe(1)
    expect((await ok(services.handlers['operators.state'](undefined))).session.locked).toBe(true)
  })

  it('every journal entry names the signed-in operator: account id and name', async () => {
    await ok(services.handlers['luka.lookup']({ by: 'reference', value: '6567704' }))
    await ok(
      services.handlers['luka.decide']({ transactionId: 96336, decision: 'approve', note: '', authorizationCode: '' })
    )
    const decision = journal().find((entry) => entry.action === 'decision')
    expect(decision).toMatchObject({ operator: 'Tomás', operatorId: tomas })
    const signedIn = journal().filter((entry) => entry.action === 'operatorSignIn')
    expect(signedIn.map((entry) => entry.operatorId)).toEqual([ana, tomas])
  })
})

describe('supervisor approval for each guarded action', () => {
  async function expectGuarded(
    run: (approval: SupervisorApproval | undefined) => Promise<{ ok: boolean; error?: unknown }>,
    action: string
  ): Promise<void> {
    expect(await run(undefined)).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', detail: { action } } })
    expect(await run(supervisor('0000'))).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_REFUSED', reason: 'wrongPin' }
    })
    // the signed-in teller's own, right PIN is not a supervisor's
    expect(await run({ operatorId: tomas, pin: '1357' })).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_REFUSED', reason: 'notSupervisor' }
    })
    const start = journal().length - 2
    const before = journal().length
    expect(await run(supervisor())).toMatchObject({ ok: true })
    const [approved, ...after] = journal().slice(before)
    expect(approved).toMatchObject({
      action: 'supervisorApproval',
      result: 'approved',
      operator: 'Tomás',
      refs: { accountId: ana },
      detail: { action, supervisor: 'Ana' }
    })
    expect(after.length).toBeGreaterThan(0)
    const refused = journal()
      .slice(start, before)
      .filter((e) => e.action === 'supervisorApproval' && e.result === 'refused')
    expect(refused.filter((e) => e.detail['action'] === action).map((e) => e.detail['reason'])).toEqual([
      'wrongPin',
      'notSupervisor'
    ])
  }

  it('discarding an outbox item', async () => {
    await ok(services.handlers['luka.lookup']({ by: 'reference', value: 'R8' }))
    await luka.stop()
    const queued = await ok(
      services.handlers['luka.decide']({ transactionId: 8, decision: 'approve', note: '', authorizationCode: '' })
    )
    // Luka is down and the retry is quick: an attempt may be under way at the moment of the discard,
    // which is refused then (DECISION_IN_FLIGHT), as a teller would see; they press again
    const discard = async (approval: SupervisorApproval | undefined) => {
      for (;;) {
        const result = await services.handlers['outbox.discard']({
          id: queued.outboxId!,
          reason: 'cliente se fue',
          approval
        })
        const code = (result as { error?: { code?: string } }).error?.code
        if (code !== 'DECISION_IN_FLIGHT') return result
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    }
    await expectGuarded(discard, 'outboxDiscard')
    await expect.poll(() => journal().some((entry) => entry.action === 'outboxDiscarded')).toBe(true)
  })

  it('closing a shift with a variance beyond TAQUILLA_VARIANCE_LIMIT (default 0: any variance); a balanced drawer needs nobody', async () => {
    await ok(services.handlers['shift.open']({ float: [{ minor: 100_00, currency: 'USD' }] }))
    await expectGuarded(
      (approval) =>
        services.handlers['shift.close']({
          counted: [{ minor: 99_99, currency: 'USD' }],
          note: 'falta 1 cent',
          approval
        }),
      'shiftCloseVariance'
    )
    expect(journal().at(-1)).toMatchObject({ action: 'shiftClosed', detail: { approvedBy: 'Ana', approvedById: ana } })
    await ok(services.handlers['shift.open']({ float: [{ minor: 50_00, currency: 'USD' }] }))
    expect(
      await services.handlers['shift.close']({ counted: [{ minor: 50_00, currency: 'USD' }], note: '' })
    ).toMatchObject({
      ok: true
    })
  })

  it('a variance within TAQUILLA_VARIANCE_LIMIT closes without a supervisor', async () => {
    await services.dispose()
    under = servicesFor(luka.url, { clock, dataDir: under.dataDir, env: { TAQUILLA_VARIANCE_LIMIT: '2' } })
    services = under.services
    await ok(signIn(tomas, '1357'))
    await ok(services.handlers['shift.open']({ float: [{ minor: 100_00, currency: 'USD' }] }))
    const over = { counted: [{ minor: 97_99, currency: 'USD' }], note: 'faltan' }
    expect(await services.handlers['shift.close'](over)).toMatchObject({ error: { code: 'APPROVAL_REQUIRED' } })
    expect(
      await services.handlers['shift.close']({ ...over, counted: [{ minor: 98_00, currency: 'USD' }] })
    ).toMatchObject({
      ok: true
    })
  })

  it('changing settings', async () => {
    await expectGuarded(
      (approval) => services.handlers['settings.update']({ lox24Sender: 'Taquilla', approval }),
      'settingsChange'
    )
    expect(journal().at(-1)).toMatchObject({
      action: 'settingsChanged',
      detail: { lox24Sender: 'Taquilla', approvedBy: 'Ana' }
    })
  })

  it('managing operators: add, disable, reset a PIN (and the idle-lock setting)', async () => {
    await expectGuarded(
      (approval) => services.handlers['operators.add']({ name: 'Luis', role: 'teller', pin: '8642', approval }),
      'operatorsManage'
    )
    const luis = (await ok(services.handlers['operators.state'](undefined))).accounts.find((a) => a.name === 'Luis')!
    await expectGuarded(
      (approval) => services.handlers['operators.resetPin']({ operatorId: luis.id, pin: '9753', approval }),
      'operatorsManage'
    )
    await ok(signIn(luis.id, '9753'))
    await ok(signIn(tomas, '1357'))
    await expectGuarded(
      (approval) => services.handlers['operators.setDisabled']({ operatorId: luis.id, disabled: true, approval }),
      'operatorsManage'
    )
    expect(await signIn(luis.id, '9753')).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
    expect(await services.handlers['operators.setIdleLock']({ minutes: 3, approval: supervisor() })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', reason: 'fixed' }
    })
  })
})
