import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir, uptime } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppFailure } from '@shared/errors'
import { fillSentence, lockedSentence } from '@shared/startup-text'
import { DirectoryLock, type LockOwner } from '../../src/main/outbox/lock'
import { processStart } from '../../src/main/outbox/process-identity'
import { createLogger } from '../../src/main/support/log'

/**
 * Issue 16, point 1: the data-folder lock under contention and pid reuse. Real processes
 * (the lock module bundled into a small Node script) race for one folder over a stale lock,
 * 100 trials each for 3 and 10 contenders: exactly one must hold it every time.
 */

const TRIALS = Number(process.env.TAQUILLA_LOCK_TRIALS ?? 100)
let bundle: string
let dir: string
const children: ChildProcess[] = []

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'taquilla-lock-child-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@shared': resolve('src/shared') } },
    ssr: { noExternal: true }, // zod inside: the bundle lives outside the project's node_modules
    build: {
      ssr: resolve('test/helpers/lock-child.ts'),
      outDir: out,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'lock-child.mjs' } }
    }
  })
  bundle = join(out, 'lock-child.mjs')
}, 60_000)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taquilla-lock-'))
})

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

afterAll(() => rmSync(join(bundle, '..'), { recursive: true, force: true }))

/** A contender process, talking line by line. */
interface Contender {
  pid: number
  send(line: string): void
  next(): Promise<string>
}

function contender(): Promise<Contender> {
  const child = spawn(process.execPath, [bundle], { stdio: ['pipe', 'pipe', 'inherit'] })
  children.push(child)
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const taker = waiting.shift()
    if (taker) taker(line)
    else lines.push(line)
  })
  // a child that dies answers every question with how it ended, instead of leaving the test waiting
  child.once('exit', (code) => {
    for (const taker of waiting.splice(0)) taker(`exited ${code}`)
    lines.push(`exited ${code}`)
  })
  const next = () =>
    lines.length ? Promise.resolve(lines.shift()!) : new Promise<string>((done) => waiting.push(done))
  return next().then((ready) => {
    expect(ready).toBe('ready')
    return { pid: child.pid!, send: (line) => child.stdin!.write(`${line}\n`), next }
  })
}

/** A pid that certainly belonged to a process that is gone (exited and reaped). */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  return new Promise((done, fail) => {
    child.once('exit', () => done(child.pid!))
    child.once('error', fail)
  })
}

function liveProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  children.push(child)
  return new Promise((done, fail) => {
    child.once('spawn', () => done(child.pid!))
    child.once('error', fail)
  })
}

const lockPath = () => join(dir, 'outbox.lock')
const boot = () => Date.now() - uptime() * 1000

/** Writes a lock as a Taquilla would have left it. */
function writeLock(owner: Partial<LockOwner>): void {
  mkdirSync(lockPath())
  const full: LockOwner = {
    app: 'taquilla',
    pid: 1,
    instance: `stale-${Math.random().toString(36).slice(2)}`,
    host: hostname(),
    at: Date.now(),
    boot: boot(),
    bootId: null,
    start: null,
    exe: null,
    ...owner
  }
  writeFileSync(join(lockPath(), 'owner.json'), JSON.stringify(full))
}

function refusalOf(run: () => void): AppFailure {
  try {
    run()
  } catch (cause) {
    if (cause instanceof AppFailure) return cause
    throw cause
  }
  throw new Error('expected a refusal')
}

describe('processes starting together over a stale lock', () => {
  async function race(count: number): Promise<{ trials: number; exactlyOne: number; holders: number[] }> {
    const racers = await Promise.all(Array.from({ length: count }, contender))
    const gone = await deadPid()
    const holders: number[] = []
    for (let trial = 0; trial < TRIALS; trial++) {
      // three kinds of stale lock in turn: a dead holder, one from before the boot, an old-version file
      if (trial % 3 === 0) writeLock({ pid: gone })
      else if (trial % 3 === 1) writeLock({ pid: process.pid, at: boot() - 3_600_000, bootId: 'an-earlier-boot' })
      else writeFileSync(lockPath(), String(gone))
      const startAt = Date.now() + 30
      for (const racer of racers) racer.send(`go ${lockPath()} ${startAt}`)
      const answers = await Promise.all(racers.map((racer) => racer.next()))
      const held = answers.filter((answer) => answer === 'held').length
      holders.push(held)
      // every loser names the winner's pid
      const winner = racers[answers.indexOf('held')]
      for (const answer of answers) if (answer !== 'held') expect(answer).toBe(`refused ${winner?.pid}`)
      for (const racer of racers) racer.send('release')
      await Promise.all(racers.map((racer) => racer.next()))
      expect(existsSync(lockPath())).toBe(false) // released: the folder is free for the next trial
    }
    return { trials: TRIALS, exactlyOne: holders.filter((held) => held === 1).length, holders }
  }

  it('3 at once: exactly one holds the folder, every trial', async () => {
    const result = await race(3)
    expect(result.holders.filter((held) => held !== 1)).toEqual([])
    expect(result.exactlyOne).toBe(TRIALS)
  }, 120_000)

  it('10 at once: exactly one holds the folder, every trial', async () => {
    const result = await race(10)
    expect(result.holders.filter((held) => held !== 1)).toEqual([])
    expect(result.exactlyOne).toBe(TRIALS)
  }, 300_000)
})

describe('whose lock it is', () => {
  it('a live foreign pid in a lock from before the last boot: taken over (logged), Taquilla starts', async () => {
    const foreign = await liveProcess()
    writeLock({ pid: foreign, at: boot() - 24 * 3_600_000, boot: boot() - 25 * 3_600_000, bootId: 'an-earlier-boot' })
    const warnings: string[] = []
    const lock = new DirectoryLock(
      lockPath(),
      createLogger((level, line) => level === 'warn' && warnings.push(line))
    )
    lock.acquire()
    const owner = JSON.parse(readFileSync(join(lockPath(), 'owner.json'), 'utf8')) as LockOwner
    expect(owner).toMatchObject({ app: 'taquilla', pid: process.pid })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('data folder lock taken over')
    expect(warnings[0]).toContain(`"previousPid":${foreign}`)
    expect(warnings[0]).toContain('before last boot')
    lock.release()
  })

  it.runIf(process.platform === 'linux')(
    'a live pid of this boot that now belongs to another program (other start time): taken over',
    async () => {
      const foreign = await liveProcess()
      writeLock({ pid: foreign, start: String(Number(processStart(foreign)) - 1), exe: 'node' })
      const lock = new DirectoryLock(lockPath())
      lock.acquire()
      lock.release()
    }
  )

  it('a live Taquilla holding the folder: refused, naming the folder, the lock file and its pid', async () => {
    const holder = await contender()
    holder.send(`go ${lockPath()} 0`)
    expect(await holder.next()).toBe('held')
    const refusal = refusalOf(() => new DirectoryLock(lockPath()).acquire())
    expect(refusal.error).toMatchObject({
      code: 'OUTBOX_LOCKED',
      detail: { folder: dir, lockFile: lockPath(), pid: String(holder.pid) }
    })
    // the sentence the start-up box and the renderer show, in both languages
    const spanish = fillSentence(lockedSentence.es, refusal.error.detail)
    expect(spanish).toContain(`pid ${holder.pid}`)
    expect(spanish).toContain(lockPath())
    expect(fillSentence(lockedSentence.en, refusal.error.detail)).toContain(`data folder ${dir}`)
    // the refused one changed nothing: the holder still holds it, and leaves no draft behind
    expect(JSON.parse(readFileSync(join(lockPath(), 'owner.json'), 'utf8'))).toMatchObject({ pid: holder.pid })
    expect(readdirSync(dir)).toEqual(['outbox.lock'])
  })

  it('a holder that dies mid-run (SIGKILL): the next start takes over', async () => {
    const holder = await contender()
    holder.send(`go ${lockPath()} 0`)
    expect(await holder.next()).toBe('held')
    children.at(-1)!.kill('SIGKILL')
    await new Promise((done) => children.at(-1)!.once('exit', done))
    const lock = new DirectoryLock(lockPath())
    lock.acquire()
    lock.release()
    expect(existsSync(lockPath())).toBe(false)
  })
})
