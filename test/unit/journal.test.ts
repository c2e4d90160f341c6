import { rmSync, appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { zReportCsv } from '@shared/books-csv'
import { ShiftBook } from '../../src/main/books/shift'
import { JournalRecorder } from '../../src/main/books/recorder'
import { Journal } from '../../src/main/journal/journal'
import { queryJournal } from '../../src/main/journal/query'
import { EventBus } from '../../src/main/support/events'

let dir: string
let now: number
const clock = { now: () => (now += 1000) }
const who = () => ({ operator: 'María Pérez', terminal: 'Agencia CCCT, Taquilla 2' })
const open = () => {
  const journal = new Journal(join(dir, 'journal.jsonl'), clock, who)
  return { journal, report: journal.open() }
}
const lines = () => readFileSync(join(dir, 'journal.jsonl'), 'utf8').trimEnd().split('\n')
const rewrite = (rows: string[]) => writeFileSync(join(dir, 'journal.jsonl'), rows.join('\n') + '\n')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taquilla-journal-'))
  now = Date.parse('2026-11-21T12:00:00Z')
})

function fill(count: number): Journal {
  const { journal } = open()
  for (let i = 0; i < count; i++) {
    journal.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
  }
  journal.close()
  return journal
}

describe('hash-chained journal', () => {
  it('an intact journal verifies, and entries chain from the genesis', () => {
    fill(5)
    const { journal, report } = open()
    expect(report).toMatchObject({ ok: true, entries: 5, firstBad: null, tornTail: false })
    expect(journal.entries(0, journal.count)[0]?.prev).toBe('0'.repeat(64))
    expect(journal.entries(0, journal.count)[1]?.prev).toBe(journal.entries(0, journal.count)[0]?.hash)
  })

  it('catches an edited entry and names it', () => {
    fill(5)
    const rows = lines()
    rows[2] = rows[2]!.replace('"R2"', '"R2-changed"')
    rewrite(rows)
    expect(open().report).toMatchObject({ ok: false, firstBad: { seq: 3, line: 3, reason: 'edited' } })
  })

  it('catches an edit that also recomputed that entry hash (the next link breaks)', async () => {
    fill(5)
    const { entryHash } = await import('../../src/main/journal/journal')
    const rows = lines()
    const entry = JSON.parse(rows[1]!) as Record<string, unknown>
    entry['result'] = 'notFound'
    entry['hash'] = entryHash(entry as never)
    rows[1] = JSON.stringify(entry)
    rewrite(rows)
    expect(open().report).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'edited' } })
  })

  it('a line rewritten with the same facts in another form (key order) counts as edited', () => {
    fill(3)
    const rows = lines()
    const entry = JSON.parse(rows[1]!) as Record<string, unknown>
    const { seq, ...rest } = entry
    rows[1] = JSON.stringify({ ...rest, seq })
    rewrite(rows)
    expect(open().report).toMatchObject({ ok: false, firstBad: { seq: 2, line: 2, reason: 'edited' } })
  })

  it('catches a removed entry', () => {
    fill(5)
    const rows = lines()
    rows.splice(2, 1)
    rewrite(rows)
    expect(open().report).toMatchObject({ ok: false, firstBad: { seq: 4, line: 3, reason: 'removed' } })
  })

  it('catches reordered entries', () => {
    fill(5)
    const rows = lines()
    ;[rows[1], rows[2]] = [rows[2]!, rows[1]!]
    rewrite(rows)
    expect(open().report).toMatchObject({ ok: false, firstBad: { seq: 3, line: 2, reason: 'reordered' } })
  })

  it('recovers from a torn last line (power cut mid-write) and keeps appending', () => {
    fill(3)
    appendFileSync(join(dir, 'journal.jsonl'), '{"seq":4,"at":"2026-11-21T12:00:0')
    const { journal, report } = open()
    expect(report).toMatchObject({ ok: true, entries: 3, tornTail: true })
    journal.append({ action: 'lookup', refs: { reference: 'after' }, result: 'found' })
    journal.close()
    expect(open().report).toMatchObject({ ok: true, entries: 4, tornTail: false })
  })

  it('verify() re-reads the file: tampering after start is seen on demand', () => {
    const journal = fill(3)
    const { journal: live } = open()
    expect(live.verify().ok).toBe(true)
    const rows = lines()
    rows[0] = rows[0]!.replace('"found"', '"notFound"')
    rewrite(rows)
    expect(live.verify()).toMatchObject({ ok: false, firstBad: { seq: 1, reason: 'edited' } })
    expect(journal).toBeDefined()
  })

  it('searches by reference, transaction and amount, filters by day/action/result, newest first', () => {
    const { journal } = open()
    journal.append({ action: 'lookup', refs: { reference: '6567704' }, result: 'found' })
    journal.append({
      action: 'decision',
      refs: { transactionId: 96336, outboxId: 'o1' },
      amount: { minor: 1603, currency: 'USD' },
      result: 'accepted',
      detail: { decision: 'approve' }
    })
    journal.append({ action: 'lookup', refs: { reference: 'NOPE' }, result: 'notFound' })
    const all = journal
    expect(queryJournal(all, { text: '6567704', offset: 0, limit: 10 }).total).toBe(1)
    expect(queryJournal(all, { text: '96336', offset: 0, limit: 10 }).items[0]?.action).toBe('decision')
    expect(queryJournal(all, { text: '16,03', offset: 0, limit: 10 }).total).toBe(1)
    expect(queryJournal(all, { text: '16.03', offset: 0, limit: 10 }).total).toBe(1)
    expect(
      queryJournal(all, { text: '', result: 'notFound', offset: 0, limit: 10 }).items.map((e) => e.refs['reference'])
    ).toEqual(['NOPE'])
    expect(queryJournal(all, { text: '', action: 'lookup', offset: 0, limit: 10 }).items.map((e) => e.seq)).toEqual([
      3, 1
    ])
    const day = new Date(journal.entries(0, 1)[0]!.at)
    const localDay = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`
    expect(queryJournal(all, { text: '', day: localDay, offset: 0, limit: 10 }).total).toBe(3)
    expect(queryJournal(all, { text: '', day: '1999-01-01', offset: 0, limit: 10 }).total).toBe(0)
  })
})

describe('shift and Z report', () => {
  const money = (minor: number, currency = 'USD') => ({ minor, currency })

  function decision(
    journal: Journal,
    outboxId: string,
    transactionId: number,
    kind: 'approve' | 'reject',
    amount: { minor: number; currency: string },
    outcome?: string
  ) {
    journal.append({
      action: 'decision',
      refs: { transactionId, outboxId },
      amount,
      result: 'accepted',
      detail: { decision: kind }
    })
    if (outcome)
      journal.append({ action: 'decisionOutcome', refs: { transactionId, outboxId }, amount, result: outcome })
  }

  it('expected cash per currency: float + approvals (waiting listed apart) + cash deposits; rejections and discarded do not count', () => {
    const { journal } = open()
    const shifts = new ShiftBook(journal)
    const shift = shifts.open([money(10000), money(500000, 'VES')])
    decision(journal, 'a', 1, 'approve', money(1603), 'delivered')
    decision(journal, 'b', 2, 'approve', money(2500), 'delivered')
    decision(journal, 'c', 3, 'reject', money(999), 'delivered')
    decision(journal, 'd', 4, 'approve', money(12345, 'VES')) // still in the outbox
    decision(journal, 'e', 5, 'approve', money(700), 'discarded')
    journal.append({
      action: 'depositCreated',
      refs: { merchantReference: 'D1' },
      amount: money(20000, 'MXN'),
      result: 'accepted',
      detail: { method: 'cash' }
    })
    journal.append({
      action: 'depositCreated',
      refs: { merchantReference: 'D2' },
      amount: money(30000, 'MXN'),
      result: 'accepted',
      detail: { method: 'oxxo' }
    })
    journal.append({
      action: 'depositCreated',
      refs: { merchantReference: 'D3' },
      amount: money(5000, 'MXN'),
      result: 'accepted',
      detail: { method: 'cash' }
    })
    journal.append({
      action: 'depositStatus',
      refs: { merchantReference: 'D3' },
      amount: money(5000, 'MXN'),
      result: 'cancelled'
    })

    const running = shifts.report(shift.id)
    const usd = running.currencies.find((row) => row.currency === 'USD')!
    expect(usd).toMatchObject({
      float: 10000,
      approvals: { count: 2, minor: 4103 },
      rejections: { count: 1, minor: 999 },
      expected: 14103,
      counted: null,
      variance: null
    })
    const ves = running.currencies.find((row) => row.currency === 'VES')!
    expect(ves).toMatchObject({ float: 500000, approvalsWaiting: { count: 1, minor: 12345 }, expected: 512345 })
    expect(running.waiting).toEqual([{ transactionId: 4, amount: money(12345, 'VES'), state: 'queued' }])
    expect(running.currencies.find((row) => row.currency === 'MXN')).toMatchObject({
      deposits: { count: 1, minor: 20000 },
      expected: 20000
    })

    // a short count needs a note
    expect(() => shifts.close([money(14000), money(512345, 'VES'), money(20000, 'MXN')], '')).toThrow()
    const z = shifts.close([money(14000), money(512345, 'VES'), money(20000, 'MXN')], 'faltan 1,03 USD')
    expect(z.currencies.find((row) => row.currency === 'USD')).toMatchObject({ counted: 14000, variance: -103 })
    expect(z.currencies.find((row) => row.currency === 'VES')).toMatchObject({ variance: 0 })
    expect(z.shift.closedAt).not.toBeNull()
    expect(z.note).toBe('faltan 1,03 USD')
    expect(z.actions).toContainEqual({ action: 'decision', result: 'approve', count: 4 })
    expect(shifts.current()).toBeNull()
    expect(shifts.list().map((s) => s.id)).toEqual([shift.id])
  })

  it('the contract normalises drawer currencies and refuses negatives or a currency twice', async () => {
    const { parseInput } = await import('@shared/contract')
    expect(parseInput('shift.open', { float: [{ minor: 100, currency: 'usd ' }] })).toEqual({
      ok: true,
      value: { float: [{ minor: 100, currency: 'USD' }] }
    })
    expect(parseInput('shift.open', { float: [{ minor: -1, currency: 'USD' }] })).toMatchObject({ ok: false })
    expect(
      parseInput('shift.close', {
        counted: [
          { minor: 1, currency: 'USD' },
          { minor: 2, currency: 'usd' }
        ]
      })
    ).toMatchObject({ ok: false, error: { reason: 'duplicateCurrency' } })
    expect(parseInput('shift.open', { float: [{ minor: 1, currency: 'DOLLARS' }] })).toMatchObject({ ok: false })
  })

  it('a balanced close needs no note; a second open while one is open is refused', () => {
    const { journal } = open()
    const shifts = new ShiftBook(journal)
    shifts.open([money(5000)])
    expect(() => shifts.open([money(1)])).toThrow()
    decision(journal, 'a', 1, 'approve', money(1000), 'delivered')
    const z = shifts.close([money(6000)], '')
    expect(z.currencies[0]).toMatchObject({ expected: 6000, counted: 6000, variance: 0 })
  })

  it('CSV: spreadsheet-friendly in the teller language, exact decimals, quoted where needed', () => {
    const { journal } = open()
    const shifts = new ShiftBook(journal)
    shifts.open([money(123456)])
    decision(journal, 'a', 1, 'approve', money(1603), 'delivered')
    decision(journal, 'b', 2, 'approve', money(250), undefined)
    const z = shifts.close([money(125000)], 'conteo; revisado "dos veces"')
    const es = zReportCsv(z, 'es')
    expect(es.startsWith('\uFEFFReporte Z\r\n')).toBe(true)
    expect(es).toContain('Moneda;Fondo inicial;Aprobaciones;Monto aprobado')
    expect(es).toContain('USD;1234,56;1;16,03;1;2,50;0;0;0,00;1253,09;1250,00;-3,09')
    expect(es).toContain('Nota;"conteo; revisado ""dos veces"""')
    expect(es).toContain('2;2,50;USD;queued')
    const injected = zReportCsv({ ...z, note: '=HYPERLINK("http://x")', shift: { ...z.shift, operator: '@cmd' } }, 'es')
    expect(injected).toContain(`Nota;"'=HYPERLINK(""http://x"")"`)
    expect(injected).toContain("Operador;'@cmd")
    expect(injected).toContain('-3,09') // numbers keep their sign
    // starts like a number, is a formula: only a cell that is wholly a number goes unguarded
    const numberLike = zReportCsv({ ...z, note: "-1+cmd|' /C calc'!A0", shift: { ...z.shift, operator: '-2' } }, 'en')
    expect(numberLike).toContain(`Note,'-1+cmd|' /C calc'!A0`)
    expect(numberLike).toContain('Operator,-2\r\n')
    expect(zReportCsv({ ...z, note: '+1.5e3' }, 'es')).toContain("Nota;'+1.5e3")
    const en = zReportCsv(z, 'en')
    expect(en).toContain('USD,1234.56,1,16.03,1,2.50,0,0,0.00,1253.09,1250.00,-3.09')
  })
})

describe('journal recorder', () => {
  it('writes each fact once, even when events replay after a restart', () => {
    const { journal } = open()
    const bus = new EventBus()
    new JournalRecorder(journal).follow(bus)
    const record = {
      transactionId: 7,
      decision: 'approve' as const,
      note: '',
      authorizationCode: '',
      amount: { minor: 100, currency: 'USD' },
      state: 'queued' as const,
      attempts: 1,
      decidedAt: '',
      updatedAt: '',
      reply: null,
      error: null,
      outboxId: 'o7',
      reference: '6567704'
    }
    bus.emit('decision.updated', record)
    bus.emit('decision.updated', { ...record, state: 'sending' })
    bus.emit('decision.updated', { ...record, state: 'delivered' })
    expect(journal.entries(0, journal.count).map((e) => `${e.action}:${e.result}`)).toEqual([
      'decision:accepted',
      'decisionOutcome:delivered'
    ])
    expect(journal.entries(0, journal.count)[0]?.refs).toEqual({
      transactionId: 7,
      outboxId: 'o7',
      reference: '6567704'
    })
    journal.close()

    const reopened = open().journal
    const again = new EventBus()
    new JournalRecorder(reopened).follow(again)
    again.emit('decision.updated', { ...record, state: 'delivered' })
    expect(reopened.entries(0, reopened.count)).toHaveLength(2)
  })
})

describe('interrupted writes in the small record files', () => {
  it('journal: a complete last line without its newline gets one before the next append', () => {
    fill(2)
    const text = readFileSync(join(dir, 'journal.jsonl'), 'utf8')
    writeFileSync(join(dir, 'journal.jsonl'), text.slice(0, -1)) // drop the final newline only
    const { journal, report } = open()
    expect(report).toMatchObject({ ok: true, entries: 2, tornTail: false })
    journal.append({ action: 'lookup', refs: { reference: 'next' }, result: 'found' })
    journal.close()
    expect(open().report).toMatchObject({ ok: true, entries: 3 })
  })

  it('JsonlFile: a torn last line is cut off and the next record starts clean', async () => {
    const { JsonlFile } = await import('../../src/main/storage/jsonl')
    const path = join(dir, 'records.jsonl')
    writeFileSync(path, '{"n":1}\n{"n":2}\n{"n":')
    const file = new JsonlFile<{ n: number }>(path)
    expect(file.read((value) => value as { n: number }).records.map((r) => r.n)).toEqual([1, 2])
    file.append({ n: 3 })
    file.close()
    // older lines without a checksum still read; new ones carry one (8 hex + space)
    expect(readFileSync(path, 'utf8')).toMatch(/^\{"n":1\}\n\{"n":2\}\n[0-9a-f]{8} \{"n":3\}\n$/)
    rmSync(`${path}.mark`) // a new file, not a cut of the old one
    writeFileSync(path, '{"n":1}\n{"n":2}') // complete, but no newline
    const again = new JsonlFile<{ n: number }>(path)
    expect(again.read((value) => value as { n: number }).records).toHaveLength(2)
    again.append({ n: 3 })
    again.close()
    expect(readFileSync(path, 'utf8')).toMatch(/^\{"n":1\}\n\{"n":2\}\n[0-9a-f]{8} \{"n":3\}\n$/)
  })
})

describe('journal head anchor', () => {
  const memoryAnchor = () => {
    let head: { seq: number; hash: string } | undefined
    return { get: () => head, set: (value: { seq: number; hash: string }) => (head = value) }
  }

  it('cutting the last entries off, or deleting the file, is caught by the head kept elsewhere', async () => {
    const { rmSync } = await import('node:fs')
    const anchor = memoryAnchor()
    const first = new Journal(join(dir, 'journal.jsonl'), clock, who, anchor)
    first.open()
    for (let i = 0; i < 5; i++) first.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
    first.close()
    rewrite(lines().slice(0, 3)) // the last two entries removed, chain still consistent
    expect(new Journal(join(dir, 'journal.jsonl'), clock, who, anchor).open()).toMatchObject({
      ok: false,
      firstBad: { seq: 5, line: 4, reason: 'truncated' }
    })
    rmSync(join(dir, 'journal.jsonl'))
    expect(new Journal(join(dir, 'journal.jsonl'), clock, who, anchor).open()).toMatchObject({
      ok: false,
      entries: 0,
      firstBad: { reason: 'truncated' }
    })
  })

  it('an intact journal matches its anchor', () => {
    const anchor = memoryAnchor()
    const journal = new Journal(join(dir, 'journal.jsonl'), clock, who, anchor)
    journal.open()
    journal.append({ action: 'lookup', refs: { reference: 'a' }, result: 'found' })
    journal.close()
    expect(new Journal(join(dir, 'journal.jsonl'), clock, who, anchor).open()).toMatchObject({ ok: true, entries: 1 })
  })
})

describe('journal paging', () => {
  it('pages without filters are slices, newest first; filtered pages reuse one scan until an append', () => {
    const { journal } = open()
    for (let i = 0; i < 250; i++)
      journal.append({ action: i % 2 ? 'lookup' : 'signIn', refs: { reference: `R${i}` }, result: 'found' })
    const all = journal
    const page = queryJournal(all, { text: '', offset: 100, limit: 50 })
    expect(page.total).toBe(250)
    expect(page.items.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 150 - i))
    expect(queryJournal(all, { text: '', offset: 240, limit: 50 }).items.map((e) => e.seq)).toEqual([
      10, 9, 8, 7, 6, 5, 4, 3, 2, 1
    ])
    const lookups = queryJournal(all, { text: '', action: 'lookup', offset: 0, limit: 10 })
    expect(lookups.total).toBe(125)
    expect(queryJournal(all, { text: '', action: 'lookup', offset: 120, limit: 10 }).items.map((e) => e.seq)).toEqual([
      10, 8, 6, 4, 2
    ])
    journal.append({ action: 'lookup', refs: { reference: 'new' }, result: 'found' })
    expect(queryJournal(journal, { text: '', action: 'lookup', offset: 0, limit: 1 })).toMatchObject({
      total: 126,
      items: [{ refs: { reference: 'new' } }]
    })
  })
})
