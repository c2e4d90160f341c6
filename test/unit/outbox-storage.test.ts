import { spawn } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppFailure } from '@shared/errors'
import type { DeliveryHandler, NewItem, OutboxItem, VerifyOutcome } from '../../src/main/outbox/item'
import { Outbox } from '../../src/main/outbox/outbox'
import { systemClock } from '../../src/main/support/clock'
import { createLogger, type LogLevel } from '../../src/main/support/log'

/**
 * The outbox's storage under damage and restarts (issue 3, "Proof"): a corrupt middle line,
 * a torn last line, two instances on one directory, and items found "in flight" at start-up.
 * The Outbox is used directly, with fake delivery handlers that count every send and verify.
 */

interface FakeDelivery {
  handler: DeliveryHandler
  sends: unknown[]
  verifies: unknown[]
  /** what the fake provider holds, by transaction id */
  applied: Map<number, 'approve' | 'reject'>
}

/** A provider that applies what it is sent, and answers verify from what it holds. */
function fakeDelivery(options: { send?: (payload: unknown) => Promise<unknown> } = {}): FakeDelivery {
  const sends: unknown[] = []
  const verifies: unknown[] = []
  const applied = new Map<number, 'approve' | 'reject'>()
  const handler: DeliveryHandler = {
    send: async (payload) => {
      sends.push(payload)
      if (options.send) return options.send(payload)
      const { transactionId, decision } = payload as { transactionId: number; decision: 'approve' | 'reject' }
      applied.set(transactionId, decision)
      return { id: transactionId, sent: true }
    },
    verify: async (payload): Promise<VerifyOutcome> => {
      verifies.push(payload)
      const { transactionId, decision } = payload as { transactionId: number; decision: 'approve' | 'reject' }
      const held = applied.get(transactionId)
      if (held === undefined) return { state: 'not-applied' }
      if (held === decision) return { state: 'applied', result: { id: transactionId, verified: true } }
      return { state: 'conflict', detail: `ours: ${decision}; theirs: ${held}` }
    }
  }
  return { handler, sends, verifies, applied }
}

let dir: string
let logLines: { level: LogLevel; line: string }[]
const open: Outbox[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taquilla-outbox-'))
  logLines = []
})

afterEach(() => {
  for (const outbox of open.splice(0)) outbox.close()
  rmSync(dir, { recursive: true, force: true })
})

function outboxOn(handler: DeliveryHandler, at = dir): Outbox {
  const outbox = new Outbox({
    dir: at,
    clock: systemClock,
    log: createLogger((level, line) => logLines.push({ level, line })),
    handlers: { 'luka.notify': handler },
    limits: () => ({ maxItems: 100_000, maxAmount: {} }),
    retry: { baseMs: 10, capMs: 40 },
    concurrency: 2
  })
  open.push(outbox)
  return outbox
}

function closeOutbox(outbox: Outbox): void {
  outbox.close()
  open.splice(open.indexOf(outbox), 1)
}

const decision = (transactionId: number, kind: 'approve' | 'reject' = 'approve'): NewItem => ({
  kind: 'luka.notify',
  provider: 'luka',
  key: `luka:${transactionId}`,
  payload: { transactionId, decision: kind },
  subject: { transactionId, decision: kind, merchantReference: null },
  amount: { minor: 1000 + transactionId, currency: 'USD' }
})

const logPath = () => join(dir, 'outbox.log')
const logRows = () =>
  readFileSync(logPath(), 'utf8')
    .split('\n')
    .filter((row) => row !== '')
const quarantined = () => readdirSync(dir).filter((name) => name.startsWith('outbox.log.corrupt-'))
const byTransaction = (outbox: Outbox) =>
  new Map([...outbox.all()].map((item) => [item.subject.transactionId!, item] as const))

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const allDelivered = (outbox: Outbox) => [...outbox.all()].every((item) => item.state === 'delivered')

/** Replaces one character of a line's JSON, so its checksum no longer matches. */
function damageRow(row: string): string {
  const at = row.indexOf('"id"') + 6
  const swapped = row[at] === 'x' ? 'y' : 'x'
  return row.slice(0, at) + swapped + row.slice(at + 1)
}

/** Children spawned to stand for "another live process"; killed after each test. */
const children: ReturnType<typeof spawn>[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

function liveProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  children.push(child)
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid!))
    child.once('error', reject)
  })
}

/** A pid that certainly belonged to a process that is gone (exited and reaped). */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  return new Promise((resolve, reject) => {
    child.once('exit', () => resolve(child.pid!))
    child.once('error', reject)
  })
}

/** The pid recorded in the data folder's lock (a directory holding owner.json). */
const lockOwnerPid = () =>
  (JSON.parse(readFileSync(join(dir, 'outbox.lock', 'owner.json'), 'utf8')) as { pid: number }).pid

function lockedCode(run: () => void): string | null {
  try {
    run()
    return null
  } catch (cause) {
    if (cause instanceof AppFailure) return cause.error.code
    throw cause
  }
}

describe('a corrupt outbox file', () => {
  it('is kept aside as outbox.log.corrupt-*, every intact item is recovered, and the outbox keeps working', async () => {
    const first = outboxOn(fakeDelivery().handler)
    first.open()
    for (let id = 1; id <= 9; id++) first.enqueue(decision(id, id % 2 ? 'approve' : 'reject'))
    const before = byTransaction(first)
    closeOutbox(first)

    const rows = logRows()
    expect(rows).toHaveLength(9)
    rows[4] = damageRow(rows[4]!) // transaction 5, in the middle of the file
    const damaged = rows.join('\n') + '\n'
    writeFileSync(logPath(), damaged)

    const delivery = fakeDelivery()
    const second = outboxOn(delivery.handler)
    second.open()

    // the damaged file is kept, byte for byte, under a new name: nothing wiped silently
    expect(quarantined()).toHaveLength(1)
    expect(readFileSync(join(dir, quarantined()[0]!), 'utf8')).toBe(damaged)
    expect(logLines.some((entry) => entry.level === 'error' && entry.line.includes('outbox file damaged'))).toBe(true)

    // every intact item is back exactly as it was; only the damaged line's item is missing
    const after = byTransaction(second)
    expect([...after.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 7, 8, 9])
    // every intact item comes back as it was — except that after damage each active one is
    // verified before it is sent again (its later lines may be among the damaged ones)
    for (const [id, item] of after) {
      const was = before.get(id)!
      const active = was.state === 'pending' || was.state === 'attention'
      expect(item).toEqual(active ? { ...was, outcomeUnknown: true } : was)
    }

    // the live file is clean again: every line parses, the damaged one is gone
    expect(logRows()).toHaveLength(8)

    // and the outbox keeps working: new decisions are accepted and everything drains
    second.enqueue(decision(5)) // the lost item's transaction can be decided again
    second.enqueue(decision(10))
    second.start()
    await until(() => allDelivered(second), 'all delivered')
    expect(delivery.sends).toHaveLength(10)
    // the 8 recovered items were verified first (none had reached the provider); the 2 new ones were not
    expect(delivery.verifies).toHaveLength(8)
    closeOutbox(second)

    // a clean reopen: no second quarantine, ten delivered items
    const third = outboxOn(fakeDelivery().handler)
    third.open()
    expect(quarantined()).toHaveLength(1)
    expect([...third.all()].filter((item) => item.state === 'delivered')).toHaveLength(10)
  })

  it('a damaged later change falls back to the item\'s earlier state, and an earlier "sending" is verified, not re-sent', async () => {
    const delivery = fakeDelivery()
    const first = outboxOn(delivery.handler)
    first.open()
    first.enqueue(decision(1))
    first.enqueue(decision(2))
    first.start()
    await until(() => allDelivered(first), 'both delivered')
    closeOutbox(first)
    expect(delivery.sends).toHaveLength(2)

    // lines: 1 pending, 2 pending, then sending/delivered for each (order depends on timing)
    const rows = logRows()
    const deliveredOf1 = rows.findIndex(
      (row) => row.includes('"transactionId":1,') && row.includes('"state":"delivered"')
    )
    expect(deliveredOf1).toBeGreaterThan(1)
    rows[deliveredOf1] = damageRow(rows[deliveredOf1]!)
    rows.push(rows[0]!.replace(/^\S+ /, '00000000 ')) // a bad checksum after it: the damage is mid-file
    writeFileSync(logPath(), rows.join('\n') + '\n')

    const second = outboxOn(delivery.handler)
    second.open()
    expect(quarantined()).toHaveLength(1)
    const recovered = byTransaction(second).get(1)!
    // the last intact line for it said "sending": its outcome is unknown
    expect(recovered).toMatchObject({ state: 'pending', outcomeUnknown: true })
    expect(byTransaction(second).get(2)!.state).toBe('delivered')

    second.start()
    await until(() => allDelivered(second), 'recovered item delivered')
    expect(delivery.verifies).toHaveLength(1) // asked the provider…
    expect(delivery.sends).toHaveLength(2) // …and did not send a second time
  })
})

describe('a torn last line (interrupted write)', () => {
  it('is dropped (after a copy is kept) without failure, and later appends are intact', async () => {
    const first = outboxOn(fakeDelivery().handler)
    first.open()
    first.enqueue(decision(1))
    first.enqueue(decision(2))
    closeOutbox(first)
    const intact = readFileSync(logPath(), 'utf8')
    const half = logRows()[1]!.slice(0, 60)
    appendFileSync(logPath(), half) // half of a line, no newline: the power went mid-write

    const delivery = fakeDelivery()
    const second = outboxOn(delivery.handler)
    second.open()
    // dropped, but never without a copy: the torn bytes are kept aside, byte for byte
    expect(quarantined()).toHaveLength(1)
    expect(readFileSync(join(dir, quarantined()[0]!), 'utf8')).toBe(intact + half)
    expect(logLines.some((entry) => entry.level === 'warn' && entry.line.includes('torn last line'))).toBe(true)
    expect([...byTransaction(second).keys()].sort()).toEqual([1, 2])
    // the torn tail is gone from the file: the same two items, each on a whole line
    const parsed = (text: string) =>
      text
        .split('\n')
        .filter(Boolean)
        .map((row) => JSON.parse(row.slice(9)) as OutboxItem)
    expect(readFileSync(logPath(), 'utf8').endsWith('\n')).toBe(true)
    expect(parsed(readFileSync(logPath(), 'utf8'))).toEqual(parsed(intact))

    // later appends start on a line of their own and survive the next load
    second.enqueue(decision(3))
    second.start()
    await until(() => allDelivered(second), 'delivered')
    expect(delivery.sends).toHaveLength(3)
    closeOutbox(second)

    logLines = []
    const third = outboxOn(fakeDelivery().handler)
    third.open()
    expect(logLines.filter((entry) => entry.level !== 'info')).toEqual([])
    expect(quarantined()).toHaveLength(1) // no new copy: nothing was wrong this time
    expect([...third.all()].map((item) => item.state)).toEqual(['delivered', 'delivered', 'delivered'])
  })

  it('a torn change of an item leaves the item in its last complete state', async () => {
    const first = outboxOn(fakeDelivery().handler)
    first.open()
    const item = first.enqueue(decision(7))
    closeOutbox(first)
    // the start of the line that would have marked it delivered
    const delivered: OutboxItem = { ...item, state: 'delivered', attempts: 1, updatedAt: item.updatedAt + 1 }
    appendFileSync(logPath(), `deadbeef ${JSON.stringify(delivered)}`.slice(0, 120))

    const delivery = fakeDelivery()
    const second = outboxOn(delivery.handler)
    second.open()
    expect(second.get(item.id)).toMatchObject({ state: 'pending', attempts: 0 })
    expect(quarantined()).toHaveLength(1)
    second.start()
    await until(() => second.get(item.id)?.state === 'delivered', 'delivered')
    expect(delivery.sends).toHaveLength(1)
  })
})

describe('two instances on one data directory', () => {
  it('a second Outbox on the same directory while the first holds it is refused with OUTBOX_LOCKED', () => {
    const first = outboxOn(fakeDelivery().handler)
    first.open()
    const second = outboxOn(fakeDelivery().handler)
    expect(lockedCode(() => second.open())).toBe('OUTBOX_LOCKED')
    // closing the refused instance must not free the first one's lock
    closeOutbox(second)
    const third = outboxOn(fakeDelivery().handler)
    expect(lockedCode(() => third.open())).toBe('OUTBOX_LOCKED')
  })

  it('the same directory reached by another path (relative, symlink) is refused too', () => {
    const first = outboxOn(fakeDelivery().handler)
    first.open()
    const link = `${dir}-link`
    symlinkSync(dir, link)
    try {
      expect(lockedCode(() => outboxOn(fakeDelivery().handler, relative(process.cwd(), dir)).open())).toBe(
        'OUTBOX_LOCKED'
      )
      expect(lockedCode(() => outboxOn(fakeDelivery().handler, link).open())).toBe('OUTBOX_LOCKED')
    } finally {
      rmSync(link, { force: true })
    }
  })

  it('an old-version lock file held by another live process is refused with OUTBOX_LOCKED, naming its pid', async () => {
    const other = await liveProcess()
    writeFileSync(join(dir, 'outbox.lock'), String(other))
    const outbox = outboxOn(fakeDelivery().handler)
    let error: unknown
    try {
      outbox.open()
    } catch (cause) {
      error = cause
    }
    expect(error).toBeInstanceOf(AppFailure)
    expect((error as AppFailure).error).toMatchObject({
      code: 'OUTBOX_LOCKED',
      providerMessage: `pid ${other}`,
      detail: { pid: String(other), lockFile: join(dir, 'outbox.lock'), folder: dir }
    })
    expect(readFileSync(join(dir, 'outbox.lock'), 'utf8')).toBe(String(other)) // untouched
  })

  it('a lock file left by a dead process (killed, power cut) is taken over and its items recovered', async () => {
    const first = outboxOn(fakeDelivery().handler)
    first.open()
    first.enqueue(decision(1))
    closeOutbox(first)
    expect(existsSync(join(dir, 'outbox.lock'))).toBe(false) // a clean close frees the lock

    const gone = await deadPid()
    writeFileSync(join(dir, 'outbox.lock'), String(gone))
    const delivery = fakeDelivery()
    const second = outboxOn(delivery.handler)
    second.open()
    expect(lockOwnerPid()).toBe(process.pid)
    expect(logLines.some((entry) => entry.level === 'warn' && entry.line.includes('lock taken over'))).toBe(true)
    second.start()
    await until(() => allDelivered(second), 'delivered')
    expect(delivery.sends).toHaveLength(1)
  })

  it('an empty or unreadable lock file (torn write) is taken over too', () => {
    writeFileSync(join(dir, 'outbox.lock'), '')
    const outbox = outboxOn(fakeDelivery().handler)
    outbox.open()
    expect(lockOwnerPid()).toBe(process.pid)
  })
})

describe('restart with items in flight', () => {
  /** Opens an outbox whose provider never answers, waits until the item is "sending", closes. */
  async function leaveInFlight(transactionId: number, kind: 'approve' | 'reject' = 'approve'): Promise<OutboxItem> {
    const stuck = fakeDelivery({ send: () => new Promise(() => undefined) })
    const first = outboxOn(stuck.handler)
    first.open()
    const item = first.enqueue(decision(transactionId, kind))
    first.start()
    await until(() => first.get(item.id)?.state === 'sending', 'sending')
    closeOutbox(first) // like a kill: nothing more is written for it
    const last = logRows().at(-1)!
    expect(last).toContain('"state":"sending"')
    return item
  }

  it('an item saved as "sending" comes back pending with an unknown outcome, attempts kept', async () => {
    const item = await leaveInFlight(1)
    const outbox = outboxOn(fakeDelivery().handler)
    outbox.open()
    expect(outbox.get(item.id)).toMatchObject({ state: 'pending', outcomeUnknown: true, attempts: 1 })
    // the recovery is itself durable: a second crash before any attempt still knows
    closeOutbox(outbox)
    expect(logRows().at(-1)).toContain('"outcomeUnknown":true')
  })

  it('already applied at the provider: delivered after a verify, without a second send', async () => {
    const item = await leaveInFlight(1)
    const delivery = fakeDelivery()
    delivery.applied.set(1, 'approve') // the lost attempt reached the provider
    const outbox = outboxOn(delivery.handler)
    outbox.open()
    outbox.start()
    await until(() => outbox.get(item.id)?.state === 'delivered', 'delivered')
    expect(delivery.verifies).toHaveLength(1)
    expect(delivery.sends).toHaveLength(0)
    expect(outbox.get(item.id)).toMatchObject({ attempts: 2, outcomeUnknown: false, result: { id: 1, verified: true } })
  })

  it('not applied at the provider: verified, then sent exactly once', async () => {
    const item = await leaveInFlight(2)
    const delivery = fakeDelivery()
    const outbox = outboxOn(delivery.handler)
    outbox.open()
    outbox.start()
    await until(() => outbox.get(item.id)?.state === 'delivered', 'delivered')
    expect(delivery.verifies).toHaveLength(1)
    expect(delivery.sends).toHaveLength(1)
    expect(delivery.applied.get(2)).toBe('approve')
  })

  it('decided the other way at the provider: a conflict on the attention list, nothing sent', async () => {
    const item = await leaveInFlight(3, 'approve')
    const delivery = fakeDelivery()
    delivery.applied.set(3, 'reject')
    const outbox = outboxOn(delivery.handler)
    outbox.open()
    outbox.start()
    await until(() => outbox.get(item.id)?.state === 'attention', 'attention')
    expect(outbox.get(item.id)!.attention).toEqual({ reason: 'conflict', detail: 'ours: approve; theirs: reject' })
    expect(delivery.sends).toHaveLength(0)
    // and the transaction still counts as taken: no second decision for it
    expect(() => outbox.enqueue(decision(3, 'reject'))).toThrow(AppFailure)
  })

  it('a verify that fails transiently keeps the outcome unknown: still no blind send', async () => {
    const item = await leaveInFlight(4)
    let verifyFailures = 2
    const delivery = fakeDelivery()
    const flaky: DeliveryHandler = {
      send: delivery.handler.send,
      verify: async (payload, endpoint) => {
        if (verifyFailures-- > 0) throw new AppFailure({ code: 'TIMEOUT', provider: 'luka' })
        return delivery.handler.verify!(payload, endpoint)
      }
    }
    delivery.applied.set(4, 'approve')
    const outbox = outboxOn(flaky)
    outbox.open()
    outbox.start()
    await until(() => outbox.get(item.id)?.state === 'delivered', 'delivered')
    expect(delivery.sends).toHaveLength(0)
    expect(outbox.get(item.id)!.attempts).toBe(4) // 1 lost + 2 failed verifies + 1 good verify
  })

  it('after close(), a verify that answers late sends nothing (the next owner verifies again)', async () => {
    const item = await leaveInFlight(6)
    let answer: (value: VerifyOutcome) => void = () => undefined
    const delivery = fakeDelivery()
    const slow: DeliveryHandler = {
      send: delivery.handler.send,
      verify: (payload) => {
        delivery.verifies.push(payload)
        return new Promise((resolve) => (answer = resolve))
      }
    }
    const outbox = outboxOn(slow)
    outbox.open()
    outbox.start()
    await until(() => delivery.verifies.length === 1, 'verify')
    closeOutbox(outbox)
    answer({ state: 'not-applied' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(delivery.sends).toEqual([])
    expect(logRows().at(-1)).toContain(`"id":"${item.id}"`)
    expect(logRows().at(-1)).toContain('"state":"sending"') // left for the next start to verify
  })

  it('after close(), an attempt that finishes late writes nothing to the log', async () => {
    let answer: (value: unknown) => void = () => undefined
    const late = fakeDelivery({ send: () => new Promise((resolve) => (answer = resolve)) })
    const first = outboxOn(late.handler)
    first.open()
    const item = first.enqueue(decision(5))
    first.start()
    await until(() => first.get(item.id)?.state === 'sending', 'sending')
    closeOutbox(first)
    const closedWith = readFileSync(logPath(), 'utf8')

    // the next owner of the directory opens it …
    const second = outboxOn(fakeDelivery().handler)
    second.open()
    const reopened = readFileSync(logPath(), 'utf8')
    // … and only then the old instance's request comes back
    answer({ id: 5 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readFileSync(logPath(), 'utf8')).toBe(reopened)
    expect(reopened.startsWith(closedWith)).toBe(true)
  })
})
