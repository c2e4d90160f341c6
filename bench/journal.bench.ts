import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, it } from 'vitest'
import type { JournalEntry } from '@shared/books'
import { ShiftBook } from '../src/main/books/shift'
import { anchorText, type AnchorHead } from '../src/main/journal/anchor'
import { GENESIS, Journal } from '../src/main/journal/journal'
import { macWith, type JournalKey } from '../src/main/journal/key'
import { queryJournal } from '../src/main/journal/query'

/**
 * Issue 11, part 4: a year of a busy counter — 365 000 keyed entries, one shift a day of about
 * 1 000 entries. Start to a usable counter (open + the open shift's Z report), the journal's
 * heap, the Z report, search, paging and the full verification. Measures; asserts nothing.
 */
const DAYS = Number(process.env['BENCH_JOURNAL_DAYS'] ?? 365)
const PER_DAY = 1000
const figures: Record<string, unknown> = {}
const ms = (from: number) => Number((performance.now() - from).toFixed(1))
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const gc = (globalThis as { gc?: () => void }).gc

afterAll(() => {
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/journal.json', JSON.stringify(figures, null, 2))
  console.log('\nBENCH journal\n' + JSON.stringify(figures, null, 2))
})

/** The JS heap and the typed arrays' buffers (the line index and the facts live there). */
function heap(): number {
  gc?.()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

/** Writes the year directly (365 000 appends with fsync would measure the disk), keyed like the app writes it. */
function writeYear(path: string, key: Buffer): { head: AnchorHead; lastShift: string } {
  const mac = macWith(key)
  const chunks: string[] = []
  let prev = GENESIS
  let seq = 0
  const start = Date.parse('2025-11-21T08:00:00Z')
  const push = (
    day: number,
    body: Pick<JournalEntry, 'action' | 'refs' | 'amount' | 'amounts' | 'result' | 'detail'>
  ) => {
    seq++
    const entry = {
      seq,
      at: new Date(start + day * 86_400_000 + (seq % PER_DAY) * 30_000).toISOString(),
      operator: 'Bench',
      terminal: 'Bench, Taquilla 1',
      ...body,
      prev
    }
    const text = JSON.stringify(entry)
    prev = mac(text)
    chunks.push(JSON.stringify({ ...entry, hash: prev }))
  }
  let lastShift = ''
  for (let day = 0; day < DAYS; day++) {
    lastShift = `shift-${day}`
    push(day, {
      action: 'shiftOpened',
      refs: { shiftId: lastShift },
      amount: null,
      amounts: [{ minor: 100000, currency: 'USD' }],
      result: 'opened',
      detail: {}
    })
    for (let i = 1; i < PER_DAY - 2; i += 3) {
      const n = day * PER_DAY + i
      const amount = { minor: 100 + ((n * 7919) % 500000), currency: n % 3 === 0 ? 'VES' : 'USD' }
      const refs = { transactionId: n, outboxId: `o${n}` }
      push(day, {
        action: 'lookup',
        refs: { reference: `R${n}` },
        amount: null,
        amounts: [],
        result: 'found',
        detail: {}
      })
      push(day, { action: 'decision', refs, amount, amounts: [], result: 'accepted', detail: { decision: 'approve' } })
      push(day, { action: 'decisionOutcome', refs, amount, amounts: [], result: 'delivered', detail: {} })
    }
    // the last day's shift stays open: the counter starts into it
    if (day < DAYS - 1)
      push(day, {
        action: 'shiftClosed',
        refs: { shiftId: lastShift },
        amount: null,
        amounts: [],
        result: 'balanced',
        detail: { note: '' }
      })
    if (chunks.length > 50_000) writeFileSync(path, chunks.splice(0).join('\n') + '\n', { flag: 'a' })
  }
  writeFileSync(path, chunks.join('\n') + '\n', { flag: 'a' })
  return { head: { seq, hash: prev, mac: mac(anchorText(seq, prev)) }, lastShift }
}

it('a year of journal: 365 000 keyed entries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'taquilla-journal-bench-'))
  const path = join(dir, 'journal.jsonl')
  const key: JournalKey = { key: randomBytes(32), protection: 'os', created: false }
  let t = performance.now()
  const { head: written, lastShift } = writeYear(path, key.key)
  figures.writeMs = ms(t)
  let head: AnchorHead | undefined = written
  const anchor = { get: () => head, set: (next: AnchorHead) => (head = next) }
  const clock = { now: () => Date.now() }
  const who = () => ({ operator: 'Bench', terminal: 'Bench, Taquilla 1' })
  const usable = () => {
    const journal = new Journal(path, clock, who, anchor, undefined, key)
    const report = journal.open()
    const shifts = new ShiftBook(journal)
    const shift = shifts.current()
    const z = shift ? shifts.report(shift.id) : null
    return { journal, report, shifts, z }
  }

  // the first start of this version: no checkpoint yet, the whole file is read once
  const base = heap()
  const firstStart = () => {
    const from = performance.now()
    const first = usable()
    figures.firstStartWithoutCheckpointMs = ms(from)
    figures.entries = first.report.entries
    figures.ok = first.report.ok
    figures.fileMiB = Number((statSync(path).size / 2 ** 20).toFixed(1))
    first.journal.close()
  }
  firstStart()

  // every later start: from the keyed checkpoint
  const starts: number[] = []
  let live = usable()
  for (let i = 0; i < 5; i++) {
    live.journal.close()
    t = performance.now()
    live = usable()
    starts.push(ms(t))
  }
  const { journal, shifts } = live
  figures.startToUsableCounterMs = { median: median(starts), max: Math.max(...starts), scope: live.report.scope }
  // what the open journal keeps (line index, facts, shifts), measured after a collection
  figures.journalHeapMiB = Number(((heap() - base) / 2 ** 20).toFixed(1))
  figures.heapMeasuredWithGc = gc !== undefined

  const zTimes: number[] = []
  for (let i = 0; i < 7; i++) {
    t = performance.now()
    shifts.report(lastShift)
    zTimes.push(ms(t))
  }
  figures.zReportMs = { median: median(zTimes), max: Math.max(...zTimes), entries: live.z?.actions.length }
  t = performance.now()
  shifts.report('shift-0')
  figures.zReportOfTheFirstDayMs = ms(t)

  const search: Record<string, number> = {}
  for (const text of ['R77777', '277777', '16,03', 'nothing-like-this']) {
    t = performance.now()
    queryJournal(journal, { text, offset: 0, limit: 100 })
    search[`first:${text}`] = ms(t)
    t = performance.now()
    queryJournal(journal, { text, offset: 100, limit: 100 })
    search[`next page:${text}`] = ms(t)
  }
  t = performance.now()
  queryJournal(journal, { text: '', action: 'decision', offset: 0, limit: 100 })
  search['action filter'] = ms(t)
  figures.searchMs = search
  const pages: number[] = []
  for (const offset of [0, 100_000, 364_900]) {
    t = performance.now()
    queryJournal(journal, { text: '', offset, limit: 100 })
    pages.push(ms(t))
  }
  figures.pageMs = { newest: pages[0], middle: pages[1], oldest: pages[2] }

  t = performance.now()
  const full = journal.verify()
  figures.fullVerificationMs = ms(t)
  figures.fullVerificationOk = full.ok
  t = performance.now()
  await journal.verifyInBackground()
  figures.backgroundVerificationMs = ms(t)
  journal.close()
  rmSync(dir, { recursive: true, force: true })
})
