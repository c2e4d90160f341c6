import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, it } from 'vitest'
import type { JournalEntry } from '@shared/books'
import { ShiftBook } from '../src/main/books/shift'
import { Journal, GENESIS } from '../src/main/journal/journal'
import { loadJournalKey, macWith } from '../src/main/journal/key'
import { queryJournal } from '../src/main/journal/query'

/**
 * Issue 5 figures (main side): a journal of 100 000 entries — open+verify, Z report, search. The
 * journal is keyed as the app keeps it (loadJournalKey; here the key file of browser mode), so
 * every entry's hash is the HMAC the app checks.
 */
const ENTRIES = 100_000
const figures: Record<string, unknown> = {}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

afterAll(() => {
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/books.json', JSON.stringify(figures, null, 2))
  console.log('\nBENCH books\n' + JSON.stringify(figures, null, 2))
})

it('journal of 100 000 entries: open + verify, Z report, search', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taquilla-books-bench-'))
  const path = join(dir, 'journal.jsonl')
  const key = loadJournalKey(null, dir)
  const mac = macWith(key.key)
  // write a realistic journal directly (appending 100 000 entries with fsync would measure the disk)
  const lines: string[] = []
  let prev = GENESIS
  const start = Date.parse('2026-11-21T08:00:00Z')
  const shiftId = 'bench-shift'
  const push = (body: Omit<JournalEntry, 'hash' | 'prev' | 'seq' | 'at' | 'operator' | 'terminal'>) => {
    const seq = lines.length + 1
    const entry = {
      seq,
      at: new Date(start + seq * 300).toISOString(),
      operator: 'Bench',
      terminal: 'Bench, Taquilla 1',
      prev,
      ...body
    }
    const hash = mac(JSON.stringify(entry))
    lines.push(JSON.stringify({ ...entry, hash }))
    prev = hash
  }
  push({
    action: 'shiftOpened',
    refs: { shiftId },
    amount: null,
    amounts: [
      { minor: 100000, currency: 'USD' },
      { minor: 5000000, currency: 'VES' }
    ],
    result: 'opened',
    detail: {}
  })
  for (let i = 1; lines.length < ENTRIES; i++) {
    const currency = i % 3 === 0 ? 'VES' : 'USD'
    const amount = { minor: 100 + ((i * 7919) % 500000), currency }
    const kind = i % 5 === 0 ? 'reject' : 'approve'
    push({ action: 'lookup', refs: { reference: `R${i}` }, amount: null, amounts: [], result: 'found', detail: {} })
    push({
      action: 'decision',
      refs: { transactionId: i, outboxId: `o${i}` },
      amount,
      amounts: [],
      result: 'accepted',
      detail: { decision: kind }
    })
    push({
      action: 'decisionOutcome',
      refs: { transactionId: i, outboxId: `o${i}` },
      amount,
      amounts: [],
      result: i % 50 === 0 ? 'attention' : 'delivered',
      detail: {}
    })
  }
  writeFileSync(path, lines.join('\n') + '\n')

  const memoryBefore = process.memoryUsage().heapUsed
  let t = performance.now()
  const who = () => ({ operator: 'Bench', terminal: 'Bench, Taquilla 1' })
  const journal = new Journal(path, { now: () => Date.now() }, who, undefined, undefined, key)
  const report = journal.open()
  const openVerifyMs = performance.now() - t
  const heapMiB = (process.memoryUsage().heapUsed - memoryBefore) / 2 ** 20

  t = performance.now()
  journal.verify()
  const verifyMs = performance.now() - t

  const shifts = new ShiftBook(journal)
  const zTimes: number[] = []
  for (let i = 0; i < 7; i++) {
    t = performance.now()
    shifts.report(shiftId)
    zTimes.push(performance.now() - t)
  }
  const searchTimes: number[] = []
  for (const text of ['R77777', '16,03', '96336', '']) {
    t = performance.now()
    queryJournal(journal, { text, offset: 0, limit: 100 })
    searchTimes.push(performance.now() - t)
  }
  figures.journal = {
    entries: report.entries,
    ok: report.ok,
    protection: report.protection,
    fileMiB: Number((statSync(path).size / 2 ** 20).toFixed(1)),
    openAndVerifyMs: Math.round(openVerifyMs),
    verifyOnDemandMs: Math.round(verifyMs),
    heapMiB: Number(heapMiB.toFixed(1)),
    zReportMs: { median: Number(median(zTimes).toFixed(1)), max: Number(Math.max(...zTimes).toFixed(1)) },
    searchMs: { firstWithHaystacks: Number(searchTimes[0]!.toFixed(1)), median: Number(median(searchTimes).toFixed(1)) }
  }
  journal.close()
})
