import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseInput, type DecisionRecord } from '@shared/contract'
import type { Services } from '../../src/main/services'
import { classify, maybeApplied } from '../../src/main/http/failures'
import { backoffMs } from '../../src/main/outbox/retry'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

/** The outbox through the real services against the fake Luka, fault by fault. */
let luka: FakeLuka
let under: ServicesUnderTest
let services: Services

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
  for (let id = 1; id <= 30; id++) luka.addTransaction({ id, reference: `R${id}`, amount: 10 })
  under = servicesFor(luka.url, { timeoutMs: 300 })
  services = under.services
})

afterEach(async () => {
  await services.dispose()
  await luka.stop()
})

const decide = async (transactionId: number, decision: 'approve' | 'reject' = 'approve') => {
  const result = await services.handlers['luka.decide']({
    transactionId,
    decision,
    note: decision === 'reject' ? 'motivo' : '',
    authorizationCode: ''
  })
  if (!result.ok) throw new Error(`decide failed: ${result.error.code}`)
  return result.value
}

/** Polls the book until the decision reaches `state` (the outbox drains on its own timers). */
async function until(
  transactionId: number,
  state: DecisionRecord['state'],
  timeoutMs = 5_000
): Promise<DecisionRecord> {
  const started = Date.now()
  for (;;) {
    const found = await services.handlers['luka.lookup']({ by: 'transactionId', value: String(transactionId) })
    if (found.ok && found.value.decision?.state === state) return found.value.decision
    if (Date.now() - started > timeoutMs)
      throw new Error(`decision ${transactionId} never reached ${state}: ${JSON.stringify(found)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('outbox delivery of Luka decisions', () => {
  it('commit-then-drop ends delivered with exactly one effective notification', async () => {
    luka.inject('notify', 'commitThenDrop')
    const first = await decide(1)
    expect(first.state).toBe('queued') // outcome unknown: not shown as success
    const delivered = await until(1, 'delivered')
    expect(delivered.reply?.statusId).toBe(6)
    expect(luka.notifiesFor(1)).toHaveLength(1)
    // the second attempt asked Luka first (lookup), it did not notify again
    expect(luka.requests.filter((r) => r.method === 'PUT')).toHaveLength(1)
  })

  it('Luka down (connection refused): queued at once, delivered when Luka is back, untouched', async () => {
    // the teller looked the payment up, then Luka went away before the decision
    expect((await services.handlers['luka.lookup']({ by: 'reference', value: 'R2' })).ok).toBe(true)
    await luka.stop()
    const queued = await decide(2)
    expect(queued.state).toBe('queued')
    expect(queued.error?.code).toBe('NETWORK')
    await luka.start()
    await until(2, 'delivered')
    expect(luka.notifiesFor(2)).toHaveLength(1)
  })

  it('a hanging Luka times out, and the next attempt verifies before sending', async () => {
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R3' })
    luka.inject('notify', 'hang')
    const queued = await decide(3)
    expect(queued).toMatchObject({ state: 'queued', error: { code: 'TIMEOUT' } })
    await until(3, 'delivered')
    expect(luka.notifiesFor(3)).toHaveLength(1)
  })

  it('503 HTML and 401 are retried like provider-down; the 401 signs in again', async () => {
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R4' })
    luka.inject('notify', 'html503')
    luka.inject('notify', 'unauthorized', 2)
    await decide(4)
    await until(4, 'delivered')
    expect(luka.notifiesFor(4)).toHaveLength(1)
    expect(luka.logins.filter((login) => login.ok).length).toBeGreaterThanOrEqual(2)
  })

  it('429 honours Retry-After before the next attempt', async () => {
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R5' })
    luka.inject('notify', 'rate429')
    const started = Date.now()
    const queued = await decide(5)
    expect(queued.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2_000 })
    await until(5, 'delivered', 8_000)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900)
    expect(luka.notifiesFor(5)).toHaveLength(1)
  })

  it('decided the other way on Luka: a conflict on the attention list with both facts, not retried', async () => {
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R6' })
    luka.inject('notify', 'html503')
    await decide(6, 'approve')
    luka.transactions.get(6)!.status = 'rejected' // someone else rejected it meanwhile
    const record = await until(6, 'attention')
    const list = await services.handlers['outbox.list'](undefined)
    const item = list.ok ? list.value.active.find((entry) => entry.subject.transactionId === 6) : undefined
    expect(item?.attention).toEqual({ reason: 'conflict', detail: 'Taquilla: approve; Luka: rejected' })
    expect(record.state).toBe('attention')
    const attempts = item?.attempts
    await new Promise((resolve) => setTimeout(resolve, 300))
    const later = await services.handlers['outbox.list'](undefined)
    expect(later.ok && later.value.active.find((entry) => entry.id === item?.id)?.attempts).toBe(attempts)
    expect(luka.notifiesFor(6)).toHaveLength(0)
  })

  it('an "already processed" refusal is verified: already ours means delivered', async () => {
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R7' })
    luka.transactions.get(7)!.status = 'success' // Luka already has the approval (e.g. from a lost reply)
    // the cached lookup still says pending, so decide() sends; Luka answers 400 "ya fue procesada"
    const record = await decide(7, 'approve')
    expect(record.state).toBe('delivered')
    expect(luka.ledger).toHaveLength(0)
  })

  it('discard needs a reason, keeps it, and frees the transaction for a new decision', async () => {
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R8' })
    await luka.stop()
    const queued = await decide(8)
    // the contract (checked at the IPC / bridge boundary) refuses an empty reason
    expect(parseInput('outbox.discard', { id: queued.outboxId, reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', reason: 'reasonRequired' }
    })
    // the retry timers here are short: an attempt under way refuses the discard (DECISION_IN_FLIGHT), as it would the teller's
    const discard = () =>
      services.handlers['outbox.discard']({ id: queued.outboxId!, reason: 'cliente retiró el dinero' })
    let discarded = await discard()
    for (let tries = 0; !discarded.ok && discarded.error.code === 'DECISION_IN_FLIGHT' && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      discarded = await discard()
    }
    expect(discarded).toMatchObject({
      ok: true,
      value: { state: 'discarded', discardReason: 'cliente retiró el dinero' }
    })
    const found = await services.handlers['luka.lookup']({ by: 'transactionId', value: '8' }).catch(() => null)
    expect(found?.ok).toBe(false) // Luka is still down
    await luka.start()
    await until(8, 'discarded')
    expect(luka.notifiesFor(8)).toHaveLength(0)
  })

  it('refuses new decisions past the per-currency limit', async () => {
    await services.dispose()
    under = servicesFor(luka.url, { timeoutMs: 300, env: { TAQUILLA_OUTBOX_MAX_ITEMS: '2' } })
    services = under.services
    for (const id of [9, 10, 11]) await services.handlers['luka.lookup']({ by: 'reference', value: `R${id}` })
    await luka.stop()
    await decide(9)
    await decide(10)
    const third = await services.handlers['luka.decide']({
      transactionId: 11,
      decision: 'approve',
      note: '',
      authorizationCode: ''
    })
    expect(third).toEqual({ ok: false, error: { code: 'OUTBOX_LIMIT', reason: 'items', field: 'USD' } })
    const summary = await services.handlers['outbox.summary'](undefined)
    expect(summary).toMatchObject({ ok: true, value: { totals: [{ currency: 'USD', minor: 2000, count: 2 }] } })
    expect(summary.ok && summary.value.providers.find((row) => row.provider === 'luka')).toMatchObject({
      waiting: 2,
      state: 'offline'
    })
  })

  it('a down provider is probed, not hammered, by a full queue', async () => {
    for (let id = 12; id <= 27; id++) await services.handlers['luka.lookup']({ by: 'reference', value: `R${id}` })
    await luka.stop()
    for (let id = 12; id <= 27; id++) await decide(id)
    await luka.start()
    // while Luka answers nothing but 503, count notify attempts over a short window
    luka.inject('notify', 'html503', 1_000)
    luka.inject('lookup', 'html503', 1_000)
    const before = luka.requests.length
    await new Promise((resolve) => setTimeout(resolve, 600))
    const during = luka.requests.length - before
    expect(during).toBeLessThan(16 * 3) // far fewer than every item retrying on its own schedule
    luka.clearFaults()
    for (let id = 12; id <= 27; id++) await until(id, 'delivered', 8_000)
    for (let id = 12; id <= 27; id++) expect(luka.notifiesFor(id)).toHaveLength(1)
  })
})

describe('outbox safety (review findings)', () => {
  it('a write queued for one Luka is never delivered to another after the settings change', async () => {
    const other = new FakeLuka()
    await other.start()
    other.addTransaction({ id: 1, reference: 'R1', amount: 10 })
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R1' })
    luka.inject('notify', 'html503')
    const queued = await decide(1)
    expect(queued.state).toBe('queued')
    // the teller points the counter at another Luka (custom URL) while the approval waits
    await services.handlers['settings.update']({ lukaEnvironment: 'custom', lukaCustomUrl: other.url })
    // env LUKA_BASE_URL fixes the URL in these tests, so change the account instead
    await services.dispose()
    under = servicesFor(other.url, { timeoutMs: 300, dataDir: under.dataDir })
    services = under.services
    const record = await until(1, 'attention')
    expect(record.error).toMatchObject({ code: 'ENDPOINT_CHANGED', provider: 'luka', providerMessage: luka.url })
    expect(other.ledger).toHaveLength(0)
    expect(luka.ledger).toHaveLength(0)
    await other.stop()
  })

  it('deciding again after discarding a write that may have reached Luka asks Luka first', async () => {
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R2' })
    luka.inject('notify', 'commitThenDrop') // Luka applies the approval, the answer is lost
    luka.inject('lookup', 'html503', 50) // and cannot be asked for a while
    const queued = await decide(2, 'approve')
    expect(queued.state).toBe('queued')
    await services.handlers['outbox.discard']({ id: queued.outboxId!, reason: 'cliente se fue' })
    luka.clearFaults()
    // the teller now rejects: the new write must verify first and find Luka approved it
    const second = await services.handlers['luka.decide']({
      transactionId: 2,
      decision: 'reject',
      note: 'x',
      authorizationCode: ''
    })
    expect(second.ok).toBe(true)
    const record = await until(2, 'attention')
    expect(record.decision).toBe('reject')
    expect(luka.ledger.map((entry) => entry.statusId)).toEqual([6]) // no second notify
  })

  it('a Luka status it cannot read is not guessed: the decision waits for a person', async () => {
    await services.handlers['luka.lookup']({ by: 'reference', value: 'R3' })
    luka.inject('notify', 'html503')
    await decide(3, 'reject')
    luka.transactions.get(3)!.status = 'en proceso' as never
    const record = await until(3, 'attention')
    const list = await services.handlers['outbox.list'](undefined)
    const item = list.ok ? list.value.active.find((entry) => entry.subject.transactionId === 3) : undefined
    expect(item?.attention).toEqual({ reason: 'unverified', detail: 'Luka: en proceso' })
    expect(record.state).toBe('attention')
    expect(luka.ledger).toHaveLength(0)
  })

  it('a listener that throws never stops deliveries', async () => {
    services.bus.subscribe(() => {
      throw new Error('a broken listener')
    })
    for (const id of [4, 5]) await services.handlers['luka.lookup']({ by: 'reference', value: `R${id}` })
    await decide(4)
    await decide(5)
    await until(4, 'delivered')
    await until(5, 'delivered')
    expect(luka.ledger).toHaveLength(2)
  })
})

describe('retry policy', () => {
  it('full jitter stays within [floor, min(cap, base·2^n)] and honours Retry-After', () => {
    const policy = { baseMs: 1_000, capMs: 300_000 }
    expect(backoffMs(policy, 0, () => 0.999)).toBe(999)
    expect(backoffMs(policy, 3, () => 0.999)).toBe(7_992)
    expect(backoffMs(policy, 20, () => 0.999)).toBe(299_700)
    expect(backoffMs(policy, 5, () => 0)).toBe(50)
    expect(backoffMs(policy, 0, () => 0.5, 2_000)).toBe(2_000)
    expect(backoffMs(policy, 0, () => 0.5, 40 * 24 * 3600_000)).toBe(3600_000) // never past a timer's range
  })

  it('classifies failures: provider-down is transient, a refusal is permanent', () => {
    expect(classify({ code: 'PROVIDER_UNAVAILABLE' })).toBe('transient')
    expect(classify({ code: 'TIMEOUT' })).toBe('transient')
    expect(classify({ code: 'RATE_LIMITED' })).toBe('transient')
    expect(classify({ code: 'PROVIDER_REJECTED' })).toBe('permanent')
    expect(maybeApplied({ code: 'NETWORK', providerCode: 'ECONNREFUSED' })).toBe(false)
    expect(maybeApplied({ code: 'NETWORK', providerCode: 'ECONNRESET' })).toBe(true)
    expect(maybeApplied({ code: 'TIMEOUT' })).toBe(true)
    expect(maybeApplied({ code: 'RATE_LIMITED' })).toBe(false)
  })
})
