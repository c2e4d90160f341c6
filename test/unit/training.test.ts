import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startRuntime, type Runtime, type RuntimeDeps } from '../../src/main/runtime'
import { MemoryKeyValueStore, MemorySecretStore, type KeyValueStore } from '../../src/main/settings/storage'
import { createLogger } from '../../src/main/support/log'
import { FakeLox24 } from '../../src/main/training/fake-lox24'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { START_MODE_KEY, startMode } from '../../src/main/training/mode'

const running: { stop(): Promise<void> }[] = []
afterEach(async () => {
  for (const thing of running.splice(0).reverse()) await thing.stop()
})

/** Runtime deps over a temp data dir; one in-memory store per directory, as electron-store keeps one per dir. */
function deps(overrides: Partial<RuntimeDeps> = {}): RuntimeDeps & { stores: Map<string, KeyValueStore> } {
  const stores = new Map<string, KeyValueStore>()
  return {
    stores,
    mode: 'harness',
    version: '0.0.0-test',
    dataDir: mkdtempSync(join(tmpdir(), 'taquilla-training-')),
    argv: [],
    env: {},
    log: createLogger(() => undefined),
    lukaTimeoutMs: 1_000,
    retry: { baseMs: 20, capMs: 100 },
    openStore: (dir) => {
      if (!stores.has(dir)) stores.set(dir, new MemoryKeyValueStore())
      return stores.get(dir)!
    },
    secretsFor: () => new MemorySecretStore(true),
    ...overrides
  }
}

async function start(options: Partial<RuntimeDeps> = {}): Promise<Runtime> {
  const runtime = await startRuntime(deps(options))
  running.push({ stop: () => runtime.dispose() })
  return runtime
}

const journalOf = (dir: string) =>
  readFileSync(join(dir, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('training mode: the mode', () => {
  it('is asked for by --training or TAQUILLA_TRAINING (forced), else by the choice saved in the real settings', () => {
    const store = new MemoryKeyValueStore()
    expect(startMode(['--training'], {}, store)).toEqual({ training: true, forced: true })
    expect(startMode([], { TAQUILLA_TRAINING: '1' }, store)).toEqual({ training: true, forced: true })
    expect(startMode([], { TAQUILLA_TRAINING: '0' }, store)).toEqual({ training: false, forced: false })
    store.set(START_MODE_KEY, 'training')
    expect(startMode([], {}, store)).toEqual({ training: true, forced: false })
  })
})

describe('training mode: simulators as providers', () => {
  it('finds the seeded payments: the documented 6567704 pending in USD, one in VES, one already approved, one not found', async () => {
    const runtime = await start({ argv: ['--training'] })
    const { handlers } = runtime.services
    const lookup = (value: string) => handlers['luka.lookup']({ by: 'reference', value })

    expect(await lookup('6567704')).toMatchObject({
      ok: true,
      value: {
        payment: {
          amount: { minor: 2500, currency: 'USD' },
          processingStatus: 'pending',
          payer: { name: 'María González' }
        }
      }
    })
    expect(await lookup('6567712')).toMatchObject({
      ok: true,
      value: { payment: { amount: { minor: 125050, currency: 'VES' }, processingStatus: 'pending' } }
    })
    expect(await lookup('6567690')).toMatchObject({ ok: true, value: { payment: { processingStatus: 'success' } } })
    expect(await lookup('6567999')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    // the guided start names exactly these, with what the simulator holds
    const state = await handlers['training.state'](undefined)
    expect(state).toMatchObject({
      ok: true,
      value: {
        lukaUp: true,
        tries: [
          {
            purpose: 'approve',
            reference: '6567704',
            amount: { minor: 2500, currency: 'USD' },
            payer: 'María González'
          },
          { purpose: 'reject', reference: '6567712' },
          { purpose: 'notFound', reference: '6567999', amount: null },
          { purpose: 'alreadyApproved', reference: '6567690' }
        ]
      }
    })
  })

  it('approves on the simulator, keeps its books in <data dir>/training and marks every journal entry', async () => {
    const options = deps({ argv: ['--training'] })
    const runtime = await startRuntime(options)
    running.push({ stop: () => runtime.dispose() })
    expect(runtime.dataDir).toBe(join(options.dataDir, 'training'))
    const { handlers } = runtime.services
    await handlers['luka.lookup']({ by: 'reference', value: '6567704' })
    const decided = await handlers['luka.decide']({
      transactionId: 81_204_501,
      decision: 'approve',
      note: '',
      authorizationCode: ''
    })
    expect(decided).toMatchObject({ ok: true, value: { state: 'delivered' } })
    expect(runtime.simulators!.luka.notifiesFor(81_204_501)).toHaveLength(1)

    await vi.waitFor(() => expect(journalOf(runtime.dataDir).map((entry) => entry.action)).toContain('lookup'))
    const entries = journalOf(runtime.dataDir)
    expect(entries.length).toBeGreaterThan(1)
    expect(entries.every((entry) => entry['training'] === true)).toBe(true)
    expect(existsSync(join(options.dataDir, 'journal.jsonl'))).toBe(false) // the real books untouched
    expect(await handlers['app.info'](undefined)).toMatchObject({ ok: true, value: { training: true } })
  })

  it('never uses real credentials: environment ones are replaced, typed ones refused', async () => {
    const real = new FakeLuka({ username: 'real-user', password: 'real-password' })
    await real.start()
    running.push(real)
    real.addTransaction({ id: 1, reference: '6567704' })
    const env = { LUKA_BASE_URL: real.url, LUKA_USERNAME: 'real-user', LUKA_PASSWORD: 'real-password' }
    const runtime = await start({ argv: ['--training'], env })
    const { handlers, settings } = runtime.services

    expect(await handlers['luka.lookup']({ by: 'reference', value: '6567704' })).toMatchObject({ ok: true })
    expect(real.requests).toHaveLength(0)
    expect(runtime.simulators!.luka.logins).toEqual([{ username: 'practica', ok: true }])
    expect(settings.secretValues()).not.toContain('real-password')

    for (const update of [
      { lukaPassword: 'real-password' },
      { lukaUsername: 'real-user' },
      { luxcoreApiKey: 'qp_prod_sk_live' },
      { lukaCustomUrl: 'https://lukaapi.payco.net.ve' }
    ]) {
      expect(await handlers['settings.update'](update)).toMatchObject({
        ok: false,
        error: { code: 'TRAINING_REFUSED' }
      })
    }
    // the rest of the settings can be practised with
    expect(await handlers['settings.update']({ operator: 'Aprendiz' })).toMatchObject({
      ok: true,
      value: { operator: 'Aprendiz' }
    })
  })

  it('refuses a data directory with real books, and the real counter refuses a training one', async () => {
    // real books where the training ones would go (someone copied a real data folder there)
    const dir = mkdtempSync(join(tmpdir(), 'taquilla-training-'))
    mkdirSync(join(dir, 'training'))
    writeFileSync(join(dir, 'training', 'journal.jsonl'), '')
    await expect(start({ dataDir: dir, argv: ['--training'] })).rejects.toMatchObject({
      error: { code: 'DATA_DIR_MODE' }
    })
    // the real counter pointed at training books (TAQUILLA_DATA_DIR=…/training)
    const first = await start({ argv: ['--training'] })
    await running.pop()!.stop()
    await expect(start({ dataDir: first.dataDir, argv: [] })).rejects.toMatchObject({
      error: { code: 'DATA_DIR_MODE' }
    })
  })

  it('takes Luka down and back up: decisions wait in the outbox and go out when it is back', async () => {
    const runtime = await start({ argv: ['--training'] })
    const { handlers } = runtime.services
    await handlers['luka.lookup']({ by: 'reference', value: '6567712' })
    expect(await handlers['training.setLuka']({ up: false })).toMatchObject({ ok: true, value: { lukaUp: false } })
    const decided = await handlers['luka.decide']({
      transactionId: 81_204_502,
      decision: 'reject',
      note: 'billete dañado',
      authorizationCode: ''
    })
    expect(decided).toMatchObject({ ok: true, value: { state: 'queued' } })
    expect(runtime.simulators!.luka.notifiesFor(81_204_502)).toHaveLength(0)

    expect(await handlers['training.setLuka']({ up: true })).toMatchObject({ ok: true, value: { lukaUp: true } })
    await vi.waitFor(() => expect(runtime.simulators!.luka.notifiesFor(81_204_502)).toHaveLength(1), {
      timeout: 5_000
    })
  })

  it('switches modes only through a restart, saved in the real settings; a forced mode stays', async () => {
    const restart = vi.fn()
    const options = deps({ restart })
    const runtime = await startRuntime(options)
    running.push({ stop: () => runtime.dispose() })
    const { handlers } = runtime.services
    expect(await handlers['training.state'](undefined)).toMatchObject({ ok: false, error: { code: 'TRAINING_ONLY' } })
    expect(await handlers['app.switchMode']({ training: true })).toEqual({ ok: true, value: { restarting: true } })
    expect(options.stores.get(options.dataDir)!.get(START_MODE_KEY)).toBe('training')
    expect(restart).toHaveBeenCalledOnce()

    const forced = await start({ argv: ['--training'], restart })
    expect(await forced.services.handlers['app.switchMode']({ training: false })).toMatchObject({
      ok: false,
      error: { code: 'TRAINING_REFUSED' }
    })
    expect(restart).toHaveBeenCalledOnce()
  })
})

describe('training mode: the LuxCore simulator', () => {
  it('completes a deposit by itself after a while, as a customer paying at the store would', async () => {
    const runtime = await start({ argv: ['--training'] })
    const luxcore = runtime.simulators!.luxcore
    luxcore.completeAfterMs = 400
    const created = await runtime.services.handlers['luxcore.createDeposit']({
      amount: { minor: 12_345, currency: 'MXN' },
      method: 'cash',
      description: '',
      customer: { name: '', email: '', phone: '' }
    })
    expect(created).toMatchObject({ ok: true })
    const payment = () => [...luxcore.payments.values()].find((candidate) => candidate.amount === 12_345)
    await vi.waitFor(() => expect(payment()?.status).toBe('processing'))
    await vi.waitFor(() => expect(payment()?.status).toBe('completed'))
  })
})

describe('training mode: the LOX24 simulator', () => {
  it('texts receipts and shows SMS credit on the simulator: the real LOX24 gets nothing, its token is refused', async () => {
    const real = new FakeLox24()
    await real.start()
    running.push(real)
    const env = { LOX24_BASE_URL: real.url, LOX24_TOKEN: real.token, LOX24_SENDER: 'Agencia' }
    const runtime = await start({ argv: ['--training'], env, poll: { firstMs: 20, factor: 1.5, maxMs: 100 } })
    const { handlers } = runtime.services
    const simulator = runtime.simulators!.lox24

    expect(await handlers['lox24.status'](undefined)).toMatchObject({
      ok: true,
      value: { configured: true, receipts: true, sender: 'Practica', refused: null }
    })
    expect(await handlers['lox24.account']({ check: false })).toMatchObject({
      ok: true,
      value: { balance: { minor: 1_250, currency: 'EUR' }, low: false }
    })
    const sent = await handlers['lox24.sendSms']({
      about: { kind: 'luka', ref: '81204501' },
      phone: '0414-123.45.67',
      text: 'Agencia de practica: pago de 25,00 USD recibido. Ref 6567704.'
    })
    expect(sent).toMatchObject({ ok: true, value: { state: 'sent', phoneMasked: '+••••••••4567' } })
    expect(simulator.sent().map((sms) => [sms.phone, sms.sender_id])).toEqual([['+584141234567', 'Practica']])
    await vi.waitFor(
      async () => {
        const list = await handlers['lox24.smsList'](undefined)
        expect(list.ok && list.value[0]?.delivery?.state).toBe('delivered')
      },
      { timeout: 5_000 }
    )
    expect(simulator.balance).toBeLessThan(1_250) // the practice credit pays for it
    expect(real.requests).toHaveLength(0)
    expect(runtime.services.settings.secretValues()).not.toContain(real.token)
    for (const update of [{ lox24Token: real.token }, { lox24BaseUrl: 'https://api.lox24.eu' }]) {
      expect(await handlers['settings.update'](update)).toMatchObject({
        ok: false,
        error: { code: 'TRAINING_REFUSED' }
      })
    }
    const sms = journalOf(runtime.dataDir).find((entry) => entry.action === 'sms')
    expect(sms).toMatchObject({ training: true, detail: { phone: '+••••••••4567' } })
  })
})
