import { closeSync, fsync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableLog } from '../../src/main/storage/durable-log'
import { GroupCommit } from '../../src/main/storage/group-commit'
import { StorageHealth } from '../../src/main/storage/health'
import { systemClock } from '../../src/main/support/clock'
import { silentLogger } from '../../src/main/support/log'

/** Issue 14, point 5: appends waiting at the same time share one fsync, and none is acknowledged before it. */
let dir: string
let fd: number
const events: string[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taquilla-group-'))
  fd = openSync(join(dir, 'log'), 'a')
  events.length = 0
})

afterEach(() => {
  closeSync(fd)
  rmSync(dir, { recursive: true, force: true })
})

const durable: [number, number][] = []
function group(fail?: NodeJS.ErrnoException): GroupCommit {
  durable.length = 0
  return new GroupCommit(
    (bytes, lines) => durable.push([bytes, lines]),
    (cause) => new Error(`refused: ${String(cause)}`),
    (at, done) => {
      events.push('fsync')
      if (fail) setImmediate(() => done(fail))
      else fsync(at, done)
    }
  )
}

const line = (text: string) => {
  writeSync(fd, `${text}\n`)
  return Buffer.byteLength(`${text}\n`)
}

describe('group commit', () => {
  it('a line written after a flush waits for the next one', async () => {
    const commit = group()
    await commit.wait(fd, line('first'))
    await commit.wait(fd, line('second'))
    expect(events).toEqual(['fsync', 'fsync'])
  })

  it('lines written while an fsync is under way share the next one', async () => {
    const commit = group()
    const acks = ['a', 'b', 'c', 'd'].map((text) =>
      // a's fsync starts at once; b, c and d are written while it runs
      commit.wait(fd, line(text)).then(() => {
        events.push(`ack ${text}`)
      })
    )
    expect(events).toEqual(['fsync']) // nothing acknowledged yet
    await Promise.all(acks)
    expect(events).toEqual(['fsync', 'fsync', 'ack a', 'ack b', 'ack c', 'ack d'])
    expect(durable).toEqual([
      [2, 1],
      [6, 3]
    ])
  })

  it("the owner's own fsync acknowledges what waits, without another", async () => {
    const commit = group()
    const waiting = commit.wait(fd, line('x'))
    fsyncSync(fd)
    commit.settleAll()
    await waiting
    expect(commit.pending).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 50)) // the fsync already under way returns: counted once
    expect(events).toEqual(['fsync'])
    expect(durable).toEqual([[2, 1]])
  })

  it('a failed fsync rejects every line that waited for it', async () => {
    const commit = group(Object.assign(new Error('EIO'), { code: 'EIO' }) as NodeJS.ErrnoException)
    const results = await Promise.allSettled([commit.wait(fd, line('a')), commit.wait(fd, line('b'))])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
    expect(durable).toEqual([])
  })
})

describe('the durable file with grouped appends', () => {
  it('reads back grouped and synchronous appends in write order, and the mark counts them once flushed', async () => {
    const path = join(dir, 'book.jsonl')
    const options = { checksum: true, clock: systemClock, health: new StorageHealth(silentLogger) }
    const log = new DurableLog(path, options)
    log.open(() => true)
    const grouped = [log.appendGrouped('{"n":1}'), log.appendGrouped('{"n":2}')]
    log.append('{"n":3}') // its fsync covers the two before it
    await Promise.all(grouped)
    await log.appendGrouped('{"n":4}')
    log.close()
    const mark = JSON.parse(readFileSync(`${path}.mark`, 'utf8')) as { bytes: number; lines: number }
    expect(mark).toMatchObject({ bytes: readFileSync(path).length, lines: 4 })
    const again = new DurableLog(path, options)
    expect(again.open(() => true)).toMatchObject({ lines: ['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}'], damage: null })
    again.close()
  })
})
