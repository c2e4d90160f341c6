import { mkdtempSync, readFileSync } from 'node:fs'
import { createHmac } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NewJournalEntry } from '@shared/books'
import { AppFailure } from '@shared/errors'
import { hashPin, pinMatches } from '../../src/main/operators/pin'
import { OperatorsService } from '../../src/main/operators/service'
import { MemoryKeyValueStore } from '../../src/main/settings/storage'
import { StorageHealth } from '../../src/main/storage/health'
import { createLogger } from '../../src/main/support/log'

const mac = (text: string) => createHmac('sha256', 'test-key').update(text).digest('hex')

function counter(options: { dir?: string; store?: MemoryKeyValueStore; env?: Record<string, string> } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'taquilla-operators-'))
  const store = options.store ?? new MemoryKeyValueStore()
  const clock = { t: Date.parse('2026-03-02T10:00:00Z'), now: () => clock.t }
  const journal: NewJournalEntry[] = []
  const health = new StorageHealth(createLogger(() => undefined))
  const service = new OperatorsService({
    dataDir: dir,
    mac,
    store,
    env: options.env ?? {},
    clock,
    health,
    record: (entry) => journal.push(entry)
  })
  return { dir, store, clock, journal, health, service }
}

async function failure(promise: Promise<unknown>): Promise<AppFailure['error']> {
  try {
    await promise
  } catch (cause) {
    if (cause instanceof AppFailure) return cause.error
    throw cause
  }
  throw new Error('expected a failure')
}

describe('PIN hashing', () => {
  it('keeps a salted scrypt hash only: same PIN, different salt and hash; only the right PIN matches', async () => {
    const one = await hashPin('4321')
    const two = await hashPin('4321')
    expect(one.salt).not.toBe(two.salt)
    expect(one.hash).not.toBe(two.hash)
    expect(Buffer.from(one.hash, 'base64')).toHaveLength(32)
    expect(await pinMatches('4321', one)).toBe(true)
    expect(await pinMatches('4322', one)).toBe(false)
    expect(await pinMatches('43210', two)).toBe(false)
  })

  it('the accounts file holds no PIN, and the state sent to the window neither PIN, hash nor salt', async () => {
    const { dir, service } = counter()
    await service.book.add('Ana Supervisora', 'supervisor', '97531')
    const file = readFileSync(join(dir, 'operators.json'), 'utf8')
    expect(file).not.toContain('97531')
    const state = JSON.stringify(service.state())
    const stored = service.book.find(service.state().accounts[0]!.id)!
    expect(state).not.toContain(stored.hash)
    expect(state).not.toContain(stored.salt)
    expect(state).not.toContain('97531')
  })

  it('the first account must be a supervisor; names are unique', async () => {
    const { service } = counter()
    expect(await failure(service.book.add('Tomás', 'teller', '1111'))).toMatchObject({ reason: 'firstSupervisor' })
    await service.book.add('Ana', 'supervisor', '2222')
    expect(await failure(service.book.add('ana', 'teller', '3333'))).toMatchObject({ reason: 'nameTaken' })
  })
})

describe('lockout', () => {
  it('5 wrong PINs in a row lock the account for 5 minutes (journaled), across a restart', async () => {
    const { dir, store, clock, journal, service } = counter()
    const ana = await service.book.add('Ana', 'supervisor', '2468')
    for (let i = 4; i >= 1; i--) {
      expect(await failure(service.signIn(ana.id, '0000'))).toEqual({ code: 'WRONG_PIN', detail: { left: String(i) } })
    }
    // a right PIN clears the count
    await service.signIn(ana.id, '2468')
    service.session.signOut()
    for (let i = 0; i < 4; i++) await failure(service.signIn(ana.id, '0000'))
    expect(await failure(service.signIn(ana.id, '0000'))).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      retryAfterMs: 300_000
    })
    expect(journal.filter((e) => e.action === 'operatorLockout')).toHaveLength(1)
    // even the right PIN is refused now, also after a restart
    expect(await failure(service.signIn(ana.id, '2468'))).toMatchObject({ code: 'ACCOUNT_LOCKED' })
    const again = counter({ dir, store })
    again.clock.t = clock.t + 60_000
    expect(await failure(again.service.signIn(ana.id, '2468'))).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      retryAfterMs: 240_000
    })
    expect(again.service.state().accounts[0]?.lockedUntil).not.toBeNull()
    again.clock.t = clock.t + 300_000
    await again.service.signIn(ana.id, '2468')
    expect(again.service.state().session.operator?.name).toBe('Ana')
  })
})

describe('idle lock with an injected clock', () => {
  it('locks after TAQUILLA_IDLE_LOCK_MINUTES without input (decimals: 0.1 = 6 s); input resets it', async () => {
    const { clock, journal, service } = counter({ env: { TAQUILLA_IDLE_LOCK_MINUTES: '0.1' } })
    const ana = await service.book.add('Ana', 'supervisor', '2468')
    await service.signIn(ana.id, '2468')
    clock.t += 5_000
    service.session.activity()
    clock.t += 5_999
    expect(service.state().session.locked).toBe(false)
    clock.t += 1
    const heard: boolean[] = []
    service.onChange((state) => heard.push(state.session.locked))
    service.tick()
    expect(heard).toEqual([true])
    expect(service.state()).toMatchObject({ session: { operator: { name: 'Ana' }, locked: true }, idleLockFixed: true })
    expect(journal.at(-1)).toMatchObject({ action: 'counterLocked', detail: { reason: 'idle' } })
    // input while locked does not unlock; the PIN does
    service.session.activity()
    expect(service.state().session.locked).toBe(true)
    expect(await failure(service.signIn(ana.id, '1111'))).toMatchObject({ code: 'WRONG_PIN' })
    await service.signIn(ana.id, '2468')
    expect(service.state().session.locked).toBe(false)
    expect(journal.at(-1)).toMatchObject({ action: 'operatorSignIn', result: 'unlocked' })
  })

  it('default 5 minutes, a setting when no variable fixes it, 0 = never', async () => {
    const { clock, service } = counter()
    const ana = await service.book.add('Ana', 'supervisor', '2468')
    await service.signIn(ana.id, '2468')
    expect(service.idleLockMinutes()).toBe(5)
    clock.t += 5 * 60_000 - 1
    expect(service.session.isLocked()).toBe(false)
    service.setIdleLockMinutes(0)
    clock.t += 10 * 60 * 60_000
    expect(service.session.isLocked()).toBe(false)
    service.setIdleLockMinutes(2.5)
    expect(service.session.isLocked()).toBe(true)
  })

  it('another operator may sign in on a locked counter; the journal says whom they replaced', async () => {
    const { journal, service } = counter()
    const ana = await service.book.add('Ana', 'supervisor', '2468')
    const tomas = await service.book.add('Tomás', 'teller', '1357')
    await service.signIn(tomas.id, '1357')
    service.session.lock('manual')
    await service.signIn(ana.id, '2468')
    expect(service.state().session).toEqual({
      operator: { id: ana.id, name: 'Ana', role: 'supervisor' },
      locked: false
    })
    expect(journal.at(-1)).toMatchObject({
      action: 'operatorSignIn',
      result: 'signedIn',
      detail: { replaced: 'Tomás' }
    })
  })
})
