import { createHmac } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NewJournalEntry } from '@shared/books'
import { AppFailure } from '@shared/errors'
import type { IncidentJournal } from '../../src/main/operators/integrity'
import { recoverOperators } from '../../src/main/operators/integrity'
import { OperatorsService } from '../../src/main/operators/service'
import { startRuntime } from '../../src/main/runtime'
import { MemoryKeyValueStore, MemorySecretStore } from '../../src/main/settings/storage'
import { StorageHealth } from '../../src/main/storage/health'
import { createLogger } from '../../src/main/support/log'

/**
 * A damaged, deleted or rolled-back operators.json never gives an unsigned counter: the newer
 * valid save (the file, or its copy in the settings store) wins, whatever was found is a journal
 * incident, and with no valid save the counter stays locked until --recover-operators.
 */

const mac = (text: string) => createHmac('sha256', 'test-key').update(text).digest('hex')

/** The journal as the operators service sees it: lines in memory, the fingerprints incidents recorded. */
class FakeJournal implements IncidentJournal {
  readonly lines: string[] = []
  readonly entries: NewJournalEntry[] = []
  get count(): number {
    return this.lines.length
  }
  bytes(from: number, to: number): Buffer {
    return Buffer.from(this.lines.slice(from, to).join('\n'))
  }
  knownDamage(fingerprint: string): boolean {
    return this.entries.some((entry) => String(entry.detail?.['found']).split(' ').includes(fingerprint))
  }
  append(entry: NewJournalEntry): unknown {
    this.entries.push(entry)
    this.lines.push(JSON.stringify(entry))
    return entry
  }
  incidents(): NewJournalEntry[] {
    return this.entries.filter((entry) => entry.action === 'journalIncident')
  }
}

function start(options: { dir?: string; store?: MemoryKeyValueStore; recover?: boolean; journal?: FakeJournal } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'taquilla-operators-integrity-'))
  const store = options.store ?? new MemoryKeyValueStore()
  const journal = options.journal ?? new FakeJournal()
  const health = new StorageHealth(createLogger(() => undefined))
  const clock = { now: () => Date.parse('2026-03-02T10:00:00Z') }
  const service = new OperatorsService({
    dataDir: dir,
    mac,
    store,
    env: {},
    clock,
    health,
    record: (entry) => journal.append(entry),
    recover: options.recover ?? false
  })
  return { dir, store, journal, health, service, path: join(dir, 'operators.json') }
}

/** Starts again on the same folder and settings, then records what it found, as services.ts does. */
function restart(from: { dir: string; store: MemoryKeyValueStore; journal: FakeJournal }, recover = false) {
  const again = start({ dir: from.dir, store: from.store, journal: from.journal, recover })
  again.service.recordIncidents(again.journal)
  return again
}

async function withTwo() {
  const first = start()
  const ana = await first.service.book.add('Ana', 'supervisor', '2468')
  const tomas = await first.service.book.add('Tomás', 'teller', '1357')
  return { ...first, ana, tomas }
}

function refusal(run: () => unknown): AppFailure['error'] {
  try {
    run()
  } catch (cause) {
    if (cause instanceof AppFailure) return cause.error
    throw cause
  }
  throw new Error('expected a refusal')
}

describe('operators.json damaged, deleted or rolled back, with the copy in the settings', () => {
  it('deleted: restored from the copy, sign-in still required, one incident "missing" until acknowledged', async () => {
    const counter = await withTwo()
    rmSync(counter.path)
    const again = restart(counter)
    expect(again.service.state()).toMatchObject({ signIn: 'on', lost: null, damaged: true })
    expect(again.service.state().accounts.map((a) => a.name)).toEqual(['Ana', 'Tomás'])
    expect(refusal(() => again.service.assertSignedIn())).toMatchObject({ code: 'SIGN_IN_REQUIRED' })
    await again.service.signIn(counter.tomas.id, '1357')
    expect(() => again.service.assertSignedIn()).not.toThrow()
    expect(existsSync(counter.path)).toBe(true)
    expect(again.journal.incidents()).toMatchObject([
      { result: 'operatorsMissing', detail: { file: 'operators.json', damage: 'missing', outcome: 'restored' } }
    ])
    expect(again.health.status().damages).toMatchObject([{ file: counter.path, kind: 'missing' }])
    // the file is whole again: the next start finds nothing and records nothing more
    const third = restart(counter)
    expect(third.service.state().damaged).toBe(false)
    expect(third.journal.incidents()).toHaveLength(1)
  })

  it('edited (a teller made supervisor): kept aside, the copy wins, the edit is not trusted', async () => {
    const counter = await withTwo()
    const edited = readFileSync(counter.path, 'utf8').replace('"teller"', '"supervisor"')
    writeFileSync(counter.path, edited)
    const again = restart(counter)
    expect(again.service.book.find(counter.tomas.id)?.role).toBe('teller')
    const [damage] = again.health.status().damages
    expect(damage).toMatchObject({ file: counter.path, kind: 'damaged' })
    expect(readFileSync(damage!.keptAs!, 'utf8')).toBe(edited)
    expect(again.journal.incidents()).toMatchObject([
      { result: 'operatorsDamaged', detail: { keptAs: damage!.keptAs } }
    ])
  })

  it('recomputed with a guessed key, zero-filled, a directory: each damaged, each restored', async () => {
    for (const harm of ['forged', 'zeros', 'directory'] as const) {
      const counter = await withTwo()
      if (harm === 'forged') {
        const forged = JSON.parse(readFileSync(counter.path, 'utf8')) as {
          generation: number
          accounts: { role: string }[]
          mac: string
        }
        forged.accounts[1]!.role = 'supervisor'
        const body = JSON.stringify({ generation: forged.generation, accounts: forged.accounts })
        forged.mac = createHmac('sha256', 'guessed-key').update(body).digest('hex')
        writeFileSync(counter.path, JSON.stringify(forged))
      } else if (harm === 'zeros') writeFileSync(counter.path, Buffer.alloc(statSync(counter.path).size))
      else {
        rmSync(counter.path)
        mkdirSync(counter.path)
      }
      const again = restart(counter)
      expect(
        again.service.state().accounts.map((a) => `${a.name}:${a.role}`),
        harm
      ).toEqual(['Ana:supervisor', 'Tomás:teller'])
      expect(statSync(counter.path).isFile()).toBe(true)
      expect(again.journal.incidents().map((e) => e.result)).toEqual(['operatorsDamaged'])
    }
  })

  it('an older valid file put back is a rollback: the newer copy wins (a re-enabled account stays disabled)', async () => {
    const counter = await withTwo()
    const older = readFileSync(counter.path, 'utf8')
    counter.service.book.setDisabled(counter.tomas.id, true)
    writeFileSync(counter.path, older)
    const again = restart(counter)
    expect(again.service.book.find(counter.tomas.id)?.disabled).toBe(true)
    expect(again.journal.incidents()).toMatchObject([
      { result: 'operatorsRolledBack', detail: { outcome: 'restored' } }
    ])
  })

  it('an older copy in the settings (settings rolled back): the newer file wins, and that is an incident too', async () => {
    const counter = await withTwo()
    const olderCopy = structuredClone(counter.store.get('operatorsCopy'))
    counter.service.book.setDisabled(counter.tomas.id, true)
    counter.store.set('operatorsCopy', olderCopy)
    const again = restart(counter)
    expect(again.service.book.find(counter.tomas.id)?.disabled).toBe(true)
    expect(again.journal.incidents()).toMatchObject([{ result: 'operatorsCopy', detail: { outcome: 'fileKept' } }])
    expect(again.health.status().damages).toEqual([]) // the file itself was fine
    expect(restart(counter).service.state().damaged).toBe(false) // the copy was written again
  })

  it('a file from before the copy (no generation, the anchor is its MAC) is taken as it is and gets its copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taquilla-operators-integrity-'))
    const store = new MemoryKeyValueStore()
    const accounts = [
      {
        id: 'a1',
        name: 'Ana',
        role: 'supervisor',
        disabled: false,
        salt: 's',
        hash: 'h',
        failures: 0,
        lockedUntil: null
      }
    ]
    const legacyMac = mac(JSON.stringify(accounts))
    writeFileSync(join(dir, 'operators.json'), JSON.stringify({ accounts, mac: legacyMac }))
    store.set('operatorsAnchor', legacyMac)
    const journal = new FakeJournal()
    const first = restart({ dir, store, journal })
    expect(first.service.state()).toMatchObject({ signIn: 'on', damaged: false, lost: null })
    expect(journal.incidents()).toEqual([])
    expect(store.get('operatorsCopy')).toMatchObject({ generation: 0, accounts })
    rmSync(join(dir, 'operators.json'))
    expect(restart({ dir, store, journal }).service.state().accounts).toHaveLength(1)
  })
})

describe('no valid save at all: the counter stays locked until --recover-operators', () => {
  it('file deleted and the copy damaged: locked, nobody signs in, nothing opens, the first account is refused', async () => {
    const counter = await withTwo()
    rmSync(counter.path)
    counter.store.set('operatorsCopy', { generation: 9, accounts: [], mac: 'forged' })
    const again = restart(counter)
    expect(again.service.state()).toMatchObject({ signIn: 'on', lost: 'locked', accounts: [] })
    expect(refusal(() => again.service.assertSignedIn())).toEqual({
      code: 'SIGN_IN_REQUIRED',
      detail: { state: 'operatorsLost' }
    })
    expect(refusal(() => again.service.assertMayCreateFirst())).toMatchObject({ code: 'SIGN_IN_REQUIRED' })
    await expect(again.service.authorize('settingsChange', undefined)).rejects.toThrow(AppFailure)
    expect(again.journal.incidents()).toMatchObject([
      { result: 'operatorsLost', detail: { damage: 'missing', outcome: 'lost' } }
    ])
    // the next start is locked too, and the same loss is not recorded twice
    expect(restart(counter).service.state().lost).toBe('locked')
    expect(again.journal.incidents()).toHaveLength(1)
  })

  it('with --recover-operators: an incident says so, a new first supervisor is created, then sign-in is required', async () => {
    const counter = await withTwo()
    rmSync(counter.path)
    counter.store.set('operatorsCopy', 'not a save')
    restart(counter)
    const recovering = restart(counter, true)
    expect(recovering.service.state()).toMatchObject({ signIn: 'on', lost: 'recovery' })
    expect(refusal(() => recovering.service.assertSignedIn())).toMatchObject({ detail: { state: 'operatorsLost' } })
    expect(recovering.journal.incidents().map((e) => e.result)).toEqual(['operatorsLost', 'operatorsRecovery'])
    expect(() => recovering.service.assertMayCreateFirst()).not.toThrow()
    const eva = await recovering.service.book.add('Eva', 'supervisor', '8642')
    recovering.service.accountsCreated()
    expect(recovering.service.state()).toMatchObject({ signIn: 'on', lost: null })
    expect(refusal(() => recovering.service.assertSignedIn())).toMatchObject({ detail: { state: 'signedOut' } })
    await recovering.service.signIn(eva.id, '8642')
    expect(() => recovering.service.assertSignedIn()).not.toThrow()
    // and a plain start afterwards is an ordinary counter with one account
    expect(restart(counter).service.state()).toMatchObject({ lost: null, damaged: false, signIn: 'on' })
  })

  it('file and settings both deleted: the journal shows accounts existed, so the counter is locked, also at the next start', async () => {
    const counter = await withTwo()
    await counter.service.signIn(counter.ana.id, '2468')
    counter.journal.append({ action: 'shiftOpened', result: 'opened' }) // fake journal: no operatorId here
    counter.journal.lines.push(
      JSON.stringify({ seq: 9, action: 'lookup', operator: 'Ana', operatorId: counter.ana.id })
    )
    rmSync(counter.path)
    const emptied = new MemoryKeyValueStore()
    const again = restart({ dir: counter.dir, store: emptied, journal: counter.journal })
    expect(again.service.state()).toMatchObject({ signIn: 'on', lost: 'locked' })
    expect(again.journal.incidents().at(-1)).toMatchObject({
      result: 'operatorsLost',
      detail: { found: 'operators-lost:journal' }
    })
    // the settings now remember it: no need to read the journal again
    const next = restart({ dir: counter.dir, store: emptied, journal: new FakeJournal() })
    expect(next.service.state().lost).toBe('locked')
  })

  it('operators.json deleted and only its copy and anchor removed from the settings (journal head kept): locked', async () => {
    const counter = await withTwo()
    counter.journal.lines.push(
      JSON.stringify({ seq: 9, action: 'lookup', operator: 'Ana', operatorId: counter.ana.id })
    )
    rmSync(counter.path)
    counter.store.set('operatorsCopy', undefined)
    counter.store.set('operatorsAnchor', undefined)
    const again = restart(counter)
    expect(again.service.state()).toMatchObject({ signIn: 'on', lost: 'locked' })
    expect(() => again.service.assertMayCreateFirst()).toThrow()
  })

  it('a counter without accounts reads only new lines at each start; a forged mark is not believed, an old genuine one reads more', () => {
    const journal = new FakeJournal()
    journal.lines.push(JSON.stringify({ seq: 1, action: 'lookup', operator: 'María' }))
    const fresh = start({ journal })
    fresh.service.recordIncidents(journal)
    expect(fresh.service.state()).toMatchObject({ signIn: 'off', lost: null })
    const genuine = fresh.store.get('operatorsScanned') as { lines: number; mac: string }
    expect(genuine.lines).toBe(1)
    // accounts were used after the mark, then the file and its copy went: the new lines say so
    journal.lines.push(JSON.stringify({ seq: 2, action: 'operatorsChanged', operator: 'Ana' }))
    expect(restart({ dir: fresh.dir, store: fresh.store, journal }).service.state().lost).toBe('locked')
    // a mark claiming everything was read, without the journal's key: read from the start
    const forged = new MemoryKeyValueStore()
    forged.set('operatorsScanned', { lines: 2, mac: genuine.mac })
    expect(restart({ dir: fresh.dir, store: forged, journal }).service.state().lost).toBe('locked')
  })

  it('a journal without accounts and lost settings: a counter that never had operators opens as before', () => {
    const journal = new FakeJournal()
    journal.lines.push(JSON.stringify({ seq: 1, action: 'lookup', operator: 'María' }))
    const fresh = start({ journal })
    fresh.service.recordIncidents(journal)
    expect(fresh.service.state()).toMatchObject({ signIn: 'off', lost: null })
    expect(() => fresh.service.assertSignedIn()).not.toThrow()
  })

  it('the flag: --recover-operators on the command line, or TAQUILLA_RECOVER_OPERATORS=1', () => {
    expect(recoverOperators(['--recover-operators'], {})).toBe(true)
    expect(recoverOperators([], { TAQUILLA_RECOVER_OPERATORS: '1' })).toBe(true)
    expect(recoverOperators(['--training'], { TAQUILLA_RECOVER_OPERATORS: '0' })).toBe(false)
  })

  it('the command line reaches main: --recover-operators (as Electron passes process.argv) opens the recovery', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'taquilla-operators-runtime-'))
    const store = new MemoryKeyValueStore()
    const secrets = new MemorySecretStore(true) // the journal's key, sealed (kept across starts as safeStorage does)
    const run = async (argv: string[]) => {
      const runtime = await startRuntime({
        mode: 'electron',
        version: '0.0.0-test',
        dataDir,
        argv,
        env: {},
        log: createLogger(() => undefined),
        openStore: () => store,
        secretsFor: () => secrets
      })
      const state = await runtime.services.handlers['operators.state'](undefined)
      if (!state.ok) throw new Error('operators.state failed')
      return { runtime, state: state.value }
    }
    const first = await run([])
    await first.runtime.services.handlers['operators.add']({ name: 'Ana', role: 'supervisor', pin: '2468' })
    await first.runtime.dispose()
    rmSync(join(dataDir, 'operators.json'))
    store.set('operatorsCopy', null)
    const locked = await run(['/usr/lib/taquilla/app.asar'])
    expect(locked.state.lost).toBe('locked')
    await locked.runtime.dispose()
    const recovering = await run(['/usr/lib/taquilla/app.asar', '--recover-operators'])
    expect(recovering.state.lost).toBe('recovery')
    await recovering.runtime.dispose()
  })
})
