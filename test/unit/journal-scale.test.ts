import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { ShiftBook } from '../../src/main/books/shift'
import type { AnchorHead } from '../../src/main/journal/anchor'
import { recordIncidents } from '../../src/main/journal/incidents'
import { Journal } from '../../src/main/journal/journal'
import { queryJournal } from '../../src/main/journal/query'
import { StorageHealth } from '../../src/main/storage/health'
import { createLogger } from '../../src/main/support/log'

/** The journal at scale, tested with small files: checkpoints every 50 entries, used from any size. */
let dir: string
let now: number
let head: AnchorHead | undefined
let secret: Buffer
const clock = { now: () => (now += 1000) }
const who = () => ({ operator: 'María Pérez', terminal: 'Agencia CCCT, Taquilla 2' })
const path = () => join(dir, 'journal.jsonl')
const anchor = { get: () => head, set: (next: AnchorHead) => (head = next) }

function open(created = false) {
  const journal = new Journal(
    path(),
    clock,
    who,
    anchor,
    new StorageHealth(createLogger(() => undefined)),
    { key: secret, protection: 'file', created },
    { quickAbove: 0, checkpointEvery: 50 }
  )
  recordIncidents(journal)
  return { journal, report: journal.open() }
}

function fill(count: number): void {
  const { journal } = open(true)
  for (let i = 0; i < count; i++)
    journal.append({ action: i % 3 ? 'lookup' : 'signIn', refs: { reference: `R${i}` }, result: 'found' })
  journal.close()
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taquilla-scale-'))
  now = Date.parse('2026-11-21T12:00:00Z')
  head = undefined
  secret = randomBytes(32)
})

describe('journal at scale', () => {
  it('a start resumes from the signed checkpoint and reads only what follows it', () => {
    fill(150)
    expect(existsSync(`${path()}.checkpoint`)).toBe(true)
    const { journal, report } = open()
    expect(report).toMatchObject({ ok: true, entries: 150, scope: 'start' })
    expect(journal.count).toBe(150)
    // an edit before the checkpoint is not read at start — the full check finds it
    const rows = readFileSync(path(), 'utf8').split('\n')
    rows[10] = rows[10]!.replace('"R10"', '"R1O"')
    writeFileSync(path(), rows.join('\n'))
    journal.close()
    const reopened = open()
    expect(reopened.report).toMatchObject({ ok: true, scope: 'start' })
    expect(reopened.journal.verify()).toMatchObject({ ok: false, firstBad: { seq: 11, line: 11, reason: 'edited' } })
  })

  it('the background full check finds damage before the checkpoint and records an incident', async () => {
    fill(300)
    const rows = readFileSync(path(), 'utf8').split('\n')
    rows[100] = rows[100]!.replace('"found"', '"fuond"') // same length: every offset still holds
    writeFileSync(path(), rows.join('\n'))
    const { journal, report } = open()
    expect(report.ok).toBe(true) // only after the checkpoint: the edit is not seen yet
    const full = await journal.verifyInBackground()
    expect(full).toMatchObject({ ok: false, scope: 'full', firstBad: { seq: 101, line: 101, reason: 'edited' } })
    expect(journal.verification.incidents).toMatchObject([{ reason: 'edited', seq: 101 }])
  })

  it('a checkpoint edited without the key is ignored: the whole file is read and checked', () => {
    fill(120)
    const file = `${path()}.checkpoint`
    const [mac, body] = readFileSync(file, 'utf8').split('\n')
    const forged = JSON.parse(body!) as { breaks: unknown[] }
    forged.breaks = []
    writeFileSync(file, `${mac}\n${JSON.stringify({ ...forged, lines: 5 })}`)
    expect(open().report).toMatchObject({ ok: true, entries: 120, scope: 'full' })
  })

  it('a torn last write after the checkpoint is cut off at a checkpoint start', () => {
    fill(110)
    const { journal } = open()
    journal.append({ action: 'lookup', refs: { reference: 'tail' }, result: 'found' })
    journal.close()
    writeFileSync(path(), readFileSync(path(), 'utf8') + '{"seq":112,"at":"2026-11-2')
    const { journal: again, report } = open()
    expect(report).toMatchObject({ ok: true, tornTail: true, entries: 111 })
    again.append({ action: 'lookup', refs: { reference: 'next' }, result: 'found' })
    again.close()
    expect(open().report).toMatchObject({ ok: true, entries: 112 })
  })

  it('pages and searches read from disk; the line index is rebuilt when it is lost', async () => {
    fill(130)
    const { rmSync } = await import('node:fs')
    rmSync(`${path()}.idx`)
    const { journal, report } = open()
    expect(report.scope).toBe('full') // no index: read whole once
    const page = queryJournal(journal, { text: '', offset: 10, limit: 5 })
    expect(page).toMatchObject({ total: 130 })
    expect(page.items.map((entry) => entry.seq)).toEqual([120, 119, 118, 117, 116])
    const found = queryJournal(journal, { text: 'r129', offset: 0, limit: 10 })
    expect(found.items.map((entry) => entry.refs['reference'])).toEqual(['R129'])
    const signIns = queryJournal(journal, { text: '', action: 'signIn', offset: 0, limit: 3 })
    expect(signIns.total).toBe(44)
    journal.append({ action: 'signIn', refs: { reference: 'new' }, result: 'found' })
    expect(queryJournal(journal, { text: '', action: 'signIn', offset: 0, limit: 1 })).toMatchObject({
      total: 45,
      items: [{ refs: { reference: 'new' } }]
    })
  })

  it('ShiftBook reads only the shift’s entries; shifts and facts survive a checkpoint start', () => {
    const { journal } = open(true)
    const shifts = new ShiftBook(journal)
    const first = shifts.open([{ minor: 1000, currency: 'USD' }])
    shifts.close([{ minor: 1000, currency: 'USD' }], '')
    for (let i = 0; i < 110; i++) journal.append({ action: 'lookup', refs: { reference: `X${i}` }, result: 'found' })
    const second = shifts.open([{ minor: 500, currency: 'USD' }])
    journal.append({
      action: 'decision',
      refs: { transactionId: 7, outboxId: 'o7' },
      amount: { minor: 250, currency: 'USD' },
      result: 'accepted',
      detail: { decision: 'approve' }
    })
    journal.close()
    const { journal: again, report } = open()
    expect(report.scope).toBe('start')
    const book = new ShiftBook(again)
    expect(book.current()?.id).toBe(second.id)
    expect(book.list().map((shift) => shift.id)).toEqual([first.id])
    expect(book.entriesOfShift(second.id).map((entry) => entry.action)).toEqual(['shiftOpened', 'decision'])
    expect(book.report(second.id).currencies[0]).toMatchObject({ expected: 750 })
    expect(again.hasFact('decision:o7')).toBe(true)
    expect(again.hasFact('decision:o8')).toBe(false)
  })
})
