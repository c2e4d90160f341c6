import { fsync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DecisionBook, type DecisionFacts } from '../../src/main/decisions/book'
import type { OutboxItem } from '../../src/main/outbox/item'
import type { Fsync } from '../../src/main/storage/group-commit'
import { StorageHealth } from '../../src/main/storage/health'
import { silentLogger } from '../../src/main/support/log'

/** The decisions book on group commit: its lines share fsyncs, and nobody is told of one before its fsync. */
let dir: string
let path: string
/** fsyncs asked for and not yet let run: the test decides when the disk answers */
let held: (() => void)[]
const heldFsync: Fsync = (fd, done) => held.push(() => fsync(fd, done))
const releaseFsyncs = () => held.splice(0).forEach((run) => run())

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taquilla-book-'))
  path = join(dir, 'decisions.jsonl')
  held = []
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

const facts = (transactionId: number): DecisionFacts => ({
  transactionId,
  decision: 'approve',
  note: '',
  authorizationCode: 'A1',
  amount: { minor: 12_50, currency: 'USD' },
  decidedAt: '2026-12-06T10:00:00.000Z',
  reference: null
})

const item = (transactionId: number, state: OutboxItem['state'], attempts = 0): OutboxItem => ({
  id: `item-${transactionId}`,
  provider: 'luka',
  kind: 'luka.notify',
  key: `luka:${transactionId}`,
  endpoint: null,
  payload: {},
  subject: { transactionId, decision: 'approve', merchantReference: null },
  amount: { minor: 12_50, currency: 'USD' },
  state,
  attempts,
  createdAt: 1,
  updatedAt: 2,
  nextAttemptAt: 2,
  lastError: null,
  outcomeUnknown: false,
  result: null,
  attention: null,
  discardReason: null,
  resendApproved: false
})

const settledYet = async (promise: Promise<void>): Promise<boolean> => {
  let settled = false
  void promise.then(
    () => (settled = true),
    () => (settled = true)
  )
  await new Promise((resolve) => setImmediate(resolve))
  return settled
}

describe('the decisions book on group commit', () => {
  it('writes at once but says "flushed" only after an fsync that began after the line was written', async () => {
    const book = new DecisionBook(path, undefined, heldFsync)
    const record = book.follow(7, item(7, 'pending'), facts(7))
    expect(record.state).toBe('queued')
    expect(readFileSync(path, 'utf8')).toContain('"transactionId":7') // written, not yet flushed
    const flushed = book.flushed(7)
    expect(await settledYet(flushed)).toBe(false)
    expect(held).toHaveLength(1)
    releaseFsyncs()
    await flushed
    book.close()
  })

  it('lines written while an fsync is under way share the next one', async () => {
    const book = new DecisionBook(path, undefined, heldFsync)
    book.follow(1, item(1, 'pending'), facts(1))
    book.follow(2, item(2, 'pending'), facts(2))
    book.follow(3, item(3, 'pending'), facts(3))
    expect(held).toHaveLength(1) // the first line's fsync; the other two wait for the next
    releaseFsyncs()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(held).toHaveLength(1)
    const both = Promise.all([book.flushed(2), book.flushed(3)])
    releaseFsyncs()
    await both
    expect(held).toHaveLength(0)
    book.close()
  })

  it('a change that writes nothing (attempts only) waits for the line before it', async () => {
    const book = new DecisionBook(path, undefined, heldFsync)
    book.follow(5, item(5, 'sending', 1), facts(5))
    book.follow(5, item(5, 'sending', 2), facts(5)) // same state: kept in memory only
    expect(book.get(5)?.attempts).toBe(2)
    const flushed = book.flushed(5)
    expect(await settledYet(flushed)).toBe(false)
    releaseFsyncs()
    await flushed
    book.close()
  })

  it('a refused fsync rejects the wait with STORAGE_UNWRITABLE and is reported', async () => {
    const health = new StorageHealth(silentLogger)
    const eio = Object.assign(new Error('EIO'), { code: 'EIO' })
    const book = new DecisionBook(path, health, (_fd, done) => setImmediate(() => done(eio)))
    book.follow(9, item(9, 'pending'), facts(9))
    await expect(book.flushed(9)).rejects.toMatchObject({ error: { code: 'STORAGE_UNWRITABLE' } })
    expect(health.status().unwritable).toEqual({ file: path, reason: 'EIO' })
    expect(book.get(9)?.state).toBe('queued') // the outbox item is the truth: rebuilt from it at the next start
    book.close()
  })

  it('reads back every record, the last line for a transaction winning, after a close with lines still waiting', () => {
    const book = new DecisionBook(path, undefined, heldFsync)
    book.follow(4, item(4, 'pending'), facts(4))
    book.follow(4, item(4, 'delivered', 1), facts(4))
    book.close() // flushes what waits
    const again = new DecisionBook(path)
    expect(again.get(4)).toMatchObject({ state: 'delivered', attempts: 1 })
    expect(() => again.assertUndecided(4)).toThrow()
    again.close()
  })
})
