import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { XReportSchema, type JournalEntry, type ZReport } from '@shared/books'
import { xReportCsv, zReportCsv } from '@shared/books-csv'
import { operatorBreakdown } from '../../src/main/books/breakdown'
import { ShiftBook } from '../../src/main/books/shift'
import { takeXReport } from '../../src/main/books/x-report'
import { Journal } from '../../src/main/journal/journal'

const money = (minor: number, currency = 'USD') => ({ minor, currency })

/** A journal entry as the pure breakdown sees it; `operatorId` as operator accounts will write it. */
function entry(
  seq: number,
  operator: string,
  fields: Partial<JournalEntry> & { operatorId?: string }
): JournalEntry & { operatorId?: string } {
  return {
    seq,
    at: `2026-11-21T12:00:${String(seq).padStart(2, '0')}.000Z`,
    operator,
    terminal: 'Agencia CCCT, Taquilla 2',
    action: 'lookup',
    refs: {},
    amount: null,
    amounts: [],
    result: 'accepted',
    detail: {},
    prev: '',
    hash: '',
    ...fields
  }
}
const approve = (seq: number, who: string, outboxId: string, amount = money(0), id?: string) =>
  entry(seq, who, {
    action: 'decision',
    refs: { outboxId, transactionId: seq },
    amount,
    detail: { decision: 'approve' },
    ...(id ? { operatorId: id } : {})
  })
const reject = (seq: number, who: string, amount = money(0), id?: string) =>
  entry(seq, who, {
    action: 'decision',
    refs: { outboxId: `r${seq}`, transactionId: seq },
    amount,
    detail: { decision: 'reject' },
    ...(id ? { operatorId: id } : {})
  })
const deposit = (seq: number, who: string, reference: string, amount = money(0), method = 'cash', id?: string) =>
  entry(seq, who, {
    action: 'depositCreated',
    refs: { merchantReference: reference },
    amount,
    detail: { method },
    ...(id ? { operatorId: id } : {})
  })

describe('per-operator breakdown (pure, over the shift entries)', () => {
  it('keys by account id when present (the latest name shown), else by name; exact minor units per currency', () => {
    const entries = [
      approve(1, 'Ana', 'a1', money(1603), 'op-1'),
      approve(2, 'Ana', 'a2', money(99, 'VES'), 'op-1'),
      reject(3, 'Ana', money(1250050, 'VES'), 'op-1'),
      approve(4, 'Beto', 'b1', money(2501)), // no account: keyed by name
      approve(5, 'Beto', 'b2', money(700)), // withdrawn below: no cash kept
      entry(6, 'Beto', { action: 'decisionOutcome', refs: { outboxId: 'b2' }, result: 'discarded' }),
      deposit(7, 'Beto', 'D1', money(20000, 'MXN')),
      deposit(8, 'Beto', 'D2', money(30000, 'MXN'), 'oxxo'), // not cash: not in the drawer
      deposit(9, 'Beto', 'D3', money(5000, 'MXN')),
      entry(10, 'Beto', { action: 'depositStatus', refs: { merchantReference: 'D3' }, result: 'cancelled' }),
      // the same account renamed: still one operator, shown with the latest name
      approve(11, 'Ana María', 'a3', money(1), 'op-1'),
      // another account with the name "Beto": not mixed with the name-only Beto
      approve(12, 'Beto', 'b3', money(10), 'op-2'),
      entry(13, 'Ana María', { action: 'paymentLink', amount: money(5000), result: 'created', operatorId: 'op-1' }),
      entry(14, 'Ana', { action: 'decisionOutcome', refs: { outboxId: 'a1' }, result: 'delivered' })
    ]
    const zero = { count: 0, minor: 0 }
    expect(operatorBreakdown(entries)).toEqual([
      {
        operatorId: 'op-1',
        name: 'Ana María',
        currency: 'USD',
        approvals: { count: 2, minor: 1604 },
        rejections: zero,
        deposits: zero
      },
      {
        operatorId: 'op-1',
        name: 'Ana María',
        currency: 'VES',
        approvals: { count: 1, minor: 99 },
        rejections: { count: 1, minor: 1250050 },
        deposits: zero
      },
      {
        operatorId: null,
        name: 'Beto',
        currency: 'MXN',
        approvals: zero,
        rejections: zero,
        deposits: { count: 1, minor: 20000 }
      },
      {
        operatorId: null,
        name: 'Beto',
        currency: 'USD',
        approvals: { count: 1, minor: 2501 },
        rejections: zero,
        deposits: zero
      },
      {
        operatorId: 'op-2',
        name: 'Beto',
        currency: 'USD',
        approvals: { count: 1, minor: 10 },
        rejections: zero,
        deposits: zero
      }
    ])
  })

  it('reads any iterable once (a generator over journal pages)', () => {
    function* pages() {
      yield approve(1, 'Ana', 'x', money(5))
      yield entry(2, 'Ana', { action: 'decisionOutcome', refs: { outboxId: 'x' }, result: 'discarded' })
      yield reject(3, 'Ana', money(7, 'KWD'))
    }
    expect(operatorBreakdown(pages())).toEqual([
      expect.objectContaining({ name: 'Ana', currency: 'KWD', rejections: { count: 1, minor: 7 } })
    ])
  })
})

describe('the Z report per operator, and the X report', () => {
  let dir: string
  let now: number
  let operator: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taquilla-xreport-'))
    now = Date.parse('2026-11-21T12:00:00Z')
    operator = 'María Pérez'
  })
  const journalAt = (name: string) => {
    const journal = new Journal(join(dir, name), { now: () => (now += 1000) }, () => ({
      operator,
      terminal: 'Agencia CCCT, Taquilla 2'
    }))
    journal.open()
    return journal
  }
  const decide = (journal: Journal, outboxId: string, kind: 'approve' | 'reject', amount: ReturnType<typeof money>) =>
    journal.append({
      action: 'decision',
      refs: { transactionId: outboxId.length * 1000 + outboxId.charCodeAt(0), outboxId },
      amount,
      result: 'accepted',
      detail: { decision: kind }
    })
  const delivered = (journal: Journal, outboxId: string) =>
    journal.append({ action: 'decisionOutcome', refs: { outboxId }, result: 'delivered' })

  /** Two tellers, three currencies; `x` runs between the first and the second part of the shift. */
  function runShift(
    journal: Journal,
    x: (shifts: ShiftBook, journal: Journal) => void
  ): { shifts: ShiftBook; z: ZReport } {
    const shifts = new ShiftBook(journal)
    operator = 'María Pérez'
    shifts.open([money(10000), money(500000, 'VES')])
    decide(journal, 'a', 'approve', money(1603))
    delivered(journal, 'a')
    decide(journal, 'b', 'reject', money(125050, 'VES'))
    operator = 'José Díaz'
    decide(journal, 'c', 'approve', money(2599))
    journal.append({
      action: 'depositCreated',
      refs: { merchantReference: 'D1' },
      amount: money(20001, 'MXN'),
      result: 'accepted',
      detail: { method: 'cash' }
    })
    x(shifts, journal)
    decide(journal, 'd', 'approve', money(1, 'VES'))
    operator = 'María Pérez'
    decide(journal, 'e', 'approve', money(100))
    delivered(journal, 'c')
    const z = shifts.close([money(14303), money(500001, 'VES'), money(20001, 'MXN')], 'USD 0,01 menos')
    return { shifts, z }
  }

  it('X mid-shift: the running totals per currency and operator, journaled, the shift stays open', () => {
    const journal = journalAt('journal.jsonl')
    let first: ReturnType<typeof takeXReport> | null = null
    let second: ReturnType<typeof takeXReport> | null = null
    runShift(journal, (shifts) => {
      const before = journal.count
      first = takeXReport(shifts, journal)
      expect(shifts.current()).not.toBeNull()
      expect(journal.count).toBe(before + 1)
      second = takeXReport(shifts, journal)
    })
    const x = XReportSchema.parse(first)
    expect(x.number).toBe(1)
    expect(XReportSchema.parse(second).number).toBe(2)
    expect(x.report.shift.closedAt).toBeNull()
    const usd = x.report.currencies.find((row) => row.currency === 'USD')!
    expect(usd).toMatchObject({
      float: 10000,
      approvals: { count: 1, minor: 1603 },
      approvalsWaiting: { count: 1, minor: 2599 },
      expected: 14202,
      counted: null,
      variance: null
    })
    expect(x.report.operators).toEqual([
      expect.objectContaining({ name: 'José Díaz', currency: 'MXN', deposits: { count: 1, minor: 20001 } }),
      expect.objectContaining({ name: 'José Díaz', currency: 'USD', approvals: { count: 1, minor: 2599 } }),
      expect.objectContaining({ name: 'María Pérez', currency: 'USD', approvals: { count: 1, minor: 1603 } }),
      expect.objectContaining({ name: 'María Pérez', currency: 'VES', rejections: { count: 1, minor: 125050 } })
    ])
    // the taking is in the journal: who, when, which shift, the expected cash it showed
    const taken = journal.entries(0, journal.count).filter((row) => row.action === 'xReport')
    expect(taken.map((row) => [row.operator, row.result, row.detail['number'], row.at])).toEqual([
      ['José Díaz', 'taken', 1, x.takenAt],
      ['José Díaz', 'taken', 2, XReportSchema.parse(second).takenAt]
    ])
    expect(taken[0]!.refs['shiftId']).toBe(x.report.shift.id)
    expect(taken[0]!.amounts).toEqual([money(20001, 'MXN'), money(14202), money(500000, 'VES')])
  })

  it('the Z after X reports equals the Z of the same shift without them (but for the X reports counted)', () => {
    const plain = runShift(journalAt('plain.jsonl'), () => {})
    const withX = runShift(journalAt('with-x.jsonl'), (shifts, journal) => {
      takeXReport(shifts, journal)
      takeXReport(shifts, journal)
    })
    expect(withX.shifts.current()).toBeNull()
    for (const z of [plain.z, withX.z]) expect(z.shift.closedAt).not.toBeNull()
    const figures = ({ currencies, operators, waiting, links, note, journalOk }: ZReport) => ({
      currencies,
      operators,
      waiting,
      links,
      note,
      journalOk
    })
    expect(figures(withX.z)).toEqual(figures(plain.z))
    expect(withX.z.actions.filter((row) => row.action !== 'xReport')).toEqual(plain.z.actions)
    expect(withX.z.actions).toContainEqual({ action: 'xReport', result: 'taken', count: 2 })
    // the closing figures, to the cent: USD 100,00 + 16,03 + 25,99 + 1,00 expected, 143,03 counted
    expect(plain.z.currencies.find((row) => row.currency === 'USD')).toMatchObject({
      expected: 14302,
      counted: 14303,
      variance: 1
    })
    // each currency's operator rows add up to its totals
    for (const row of plain.z.currencies) {
      const mine = plain.z.operators.filter((op) => op.currency === row.currency)
      const sum = (pick: (op: (typeof mine)[number]) => number) => mine.reduce((total, op) => total + pick(op), 0)
      expect(sum((op) => op.approvals.minor)).toBe(row.approvals.minor + row.approvalsWaiting.minor)
      expect(sum((op) => op.approvals.count)).toBe(row.approvals.count + row.approvalsWaiting.count)
      expect(sum((op) => op.rejections.minor)).toBe(row.rejections.minor)
      expect(sum((op) => op.deposits.minor)).toBe(row.deposits.minor)
    }
  })

  it('CSV: the X report says it is no closing; both reports carry the operator rows, exact decimals', () => {
    const journal = journalAt('journal.jsonl')
    let x: ReturnType<typeof takeXReport> | null = null
    const { z } = runShift(journal, (shifts) => (x = takeXReport(shifts, journal)))
    const es = xReportCsv(x!, 'es', (iso) => `@${iso}`, 'ENTRENAMIENTO')
    expect(es.startsWith('\uFEFFENTRENAMIENTO\r\nReporte X\r\nNO ES UN CIERRE: el turno sigue abierto\r\n')).toBe(true)
    expect(es).toContain(`Emitido;'@${x!.takenAt}\r\n`)
    expect(es).toContain('N.º de reporte X del turno;1\r\n')
    expect(es).toContain('Operador;Cuenta;Moneda;Aprobaciones;Monto aprobado;Rechazos;Monto rechazado')
    expect(es).toContain('María Pérez;;VES;0;0,00;1;1250,50;0;0,00\r\n')
    expect(es).toContain('José Díaz;;MXN;0;0,00;0;0,00;1;200,01\r\n')
    expect(es).not.toContain('Reporte Z')
    const en = zReportCsv(z, 'en')
    expect(en.startsWith('\uFEFFZ report\r\n')).toBe(true)
    expect(en).toContain('Per operator\r\n')
    expect(en).toContain('José Díaz,,USD,1,25.99,0,0.00,0,0.00\r\n')
    expect(en).toContain('María Pérez,,USD,2,17.03,0,0.00,0,0.00\r\n')
  })

  it('no X report without an open shift', () => {
    const journal = journalAt('journal.jsonl')
    const shifts = new ShiftBook(journal)
    expect(() => takeXReport(shifts, journal)).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ reason: 'noShiftForX' }) })
    )
    expect(journal.count).toBe(0)
  })
})
