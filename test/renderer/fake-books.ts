import { vi, type Mock } from 'vitest'
import type { CurrencyTotals, JournalEntry, JournalVerification, Shift, ZReport } from '@shared/books'
import type { OperationInput, TaquillaApi } from '@shared/contract'
import { currencyExponent, minorToDecimal, type Money } from '@shared/money'
import { localDay } from '@renderer/shared/format'

/** The counter's books as main keeps them, in memory: a journal to query, one shift at a time. */

export function journalEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    seq: 1,
    at: '2024-05-02T14:00:00.000Z',
    operator: 'María Pérez',
    terminal: 'Agencia CCCT, Taquilla 2',
    action: 'decision',
    refs: { transactionId: 96336, outboxId: 'ob-96336' },
    amount: { minor: 123450, currency: 'VES' },
    amounts: [],
    result: 'accepted',
    detail: { decision: 'approve', note: '', authorizationCode: 'AB-123' },
    prev: '0'.repeat(64),
    hash: 'f'.repeat(64),
    ...overrides
  }
}

export function verification(overrides: Partial<JournalVerification> = {}): JournalVerification {
  return {
    ok: true,
    entries: 3,
    firstBad: null,
    tornTail: false,
    checkedAt: '2024-05-02T13:00:00.000Z',
    incidents: [],
    protection: 'os',
    scope: 'full',
    ...overrides
  }
}

export function shiftOf(overrides: Partial<Shift> = {}): Shift {
  return {
    id: 'shift-1',
    openedAt: '2024-05-02T12:30:00.000Z',
    closedAt: null,
    operator: 'María Pérez',
    terminal: 'Agencia CCCT, Taquilla 2',
    float: [{ minor: 10000, currency: 'USD' }],
    ...overrides
  }
}

export function totals(currency: string, overrides: Partial<CurrencyTotals> = {}): CurrencyTotals {
  const row = {
    currency,
    float: 0,
    approvals: { count: 0, minor: 0 },
    approvalsWaiting: { count: 0, minor: 0 },
    rejections: { count: 0, minor: 0 },
    deposits: { count: 0, minor: 0 },
    counted: null,
    variance: null,
    ...overrides
  }
  const expected =
    overrides.expected ?? row.float + row.approvals.minor + row.approvalsWaiting.minor + row.deposits.minor
  return { ...row, expected }
}

export function zReport(overrides: Partial<ZReport> = {}): ZReport {
  return {
    shift: shiftOf(),
    currencies: [],
    actions: [],
    waiting: [],
    links: [],
    note: '',
    journalOk: true,
    incidents: [],
    operators: [],
    ...overrides
  }
}

/** The running report of an open shift (nothing but its float), or a closed one with its count. */
function reportOf(shift: Shift, counted?: Money[], note = ''): ZReport {
  const currencies = shift.float.map((money) => {
    const count = counted?.find((candidate) => candidate.currency === money.currency)?.minor ?? (counted ? 0 : null)
    return totals(money.currency, {
      float: money.minor,
      counted: count,
      variance: count === null ? null : count - money.minor
    })
  })
  return zReport({ shift, currencies, note, actions: [{ action: 'shiftOpened', result: 'opened', count: 1 }] })
}

const decimals = (money: Money): string[] => {
  const text = minorToDecimal(money.minor, currencyExponent(money.currency))
  return [text, text.replace('.', ',')]
}

/** journal.query as main answers it: newest first, text over references and amounts, exact action/result/day. */
export function queryJournal(entries: readonly JournalEntry[], query: OperationInput<'journal.query'>) {
  const text = (query.text ?? '').trim().toLowerCase()
  const matches = [...entries].reverse().filter((entry) => {
    if (query.action && entry.action !== query.action) return false
    if (query.result && entry.result !== query.result) return false
    if (query.day && localDay(entry.at) !== query.day) return false
    if (!text) return true
    const hay = [
      ...Object.values(entry.refs).map(String),
      ...[entry.amount, ...entry.amounts].flatMap((money) => (money ? decimals(money) : []))
    ]
    return hay.join('\u0001').toLowerCase().includes(text)
  })
  const offset = query.offset ?? 0
  return { items: matches.slice(offset, offset + (query.limit ?? 100)), total: matches.length }
}

type BooksOps =
  | 'journal.query'
  | 'journal.status'
  | 'journal.verify'
  | 'journal.acknowledge'
  | 'shift.current'
  | 'shift.open'
  | 'shift.close'
  | 'shift.report'
  | 'shift.list'
  | 'shift.xReport'
  | 'app.savePdf'
export type FakeBooks = { [K in BooksOps]: Mock<TaquillaApi[K]> }

export function fakeBooks(entries: JournalEntry[] = [journalEntry()]): FakeBooks {
  let open: Shift | null = null
  const closed: ZReport[] = []
  let xReports = 0
  return {
    'journal.query': vi.fn<TaquillaApi['journal.query']>(async (query) => ({
      ok: true,
      value: queryJournal(entries, query)
    })),
    'journal.status': vi.fn<TaquillaApi['journal.status']>(async () => ({
      ok: true,
      value: verification({ entries: entries.length })
    })),
    'journal.verify': vi.fn<TaquillaApi['journal.verify']>(async () => ({
      ok: true,
      value: verification({ entries: entries.length })
    })),
    'journal.acknowledge': vi.fn<TaquillaApi['journal.acknowledge']>(async () => ({
      ok: true,
      value: verification({ entries: entries.length })
    })),
    'shift.current': vi.fn<TaquillaApi['shift.current']>(async () => ({
      ok: true,
      value: { shift: open, report: open ? reportOf(open) : null }
    })),
    'shift.open': vi.fn<TaquillaApi['shift.open']>(async ({ float }) => {
      if (open) return { ok: false, error: { code: 'VALIDATION', reason: 'shiftOpen' } }
      open = shiftOf({ id: `shift-${closed.length + 1}`, float: float.filter((money) => money.minor >= 0) })
      return { ok: true, value: open }
    }),
    'shift.close': vi.fn<TaquillaApi['shift.close']>(async ({ counted, note = '' }) => {
      if (!open) return { ok: false, error: { code: 'VALIDATION', reason: 'noShift' } }
      const preview = reportOf(open, counted, note)
      if (preview.currencies.some((row) => row.variance !== 0) && note.trim() === '') {
        return { ok: false, error: { code: 'VALIDATION', reason: 'noteRequired', field: 'note' } }
      }
      const report = reportOf({ ...open, closedAt: '2024-05-02T20:00:00.000Z' }, counted, note)
      closed.unshift(report)
      open = null
      return { ok: true, value: report }
    }),
    'shift.report': vi.fn<TaquillaApi['shift.report']>(async ({ shiftId }) => {
      const report = closed.find((candidate) => candidate.shift.id === shiftId)
      return report ? { ok: true, value: report } : { ok: false, error: { code: 'NOT_FOUND' } }
    }),
    'shift.list': vi.fn<TaquillaApi['shift.list']>(async () => ({
      ok: true,
      value: closed.map((report) => report.shift)
    })),
    // X reports of the open shift: its running report, numbered; the shift stays open
    'shift.xReport': vi.fn<TaquillaApi['shift.xReport']>(async () => {
      if (!open) return { ok: false, error: { code: 'VALIDATION', reason: 'noShiftForX' } }
      return { ok: true, value: { report: reportOf(open), takenAt: '2024-05-02T15:00:00.000Z', number: ++xReports } }
    }),
    // Electron's answer: the save dialog wrote the file. Browser mode answers NOT_CONFIGURED.
    'app.savePdf': vi.fn<TaquillaApi['app.savePdf']>(async ({ name }) => ({
      ok: true,
      value: { saved: true, path: `/home/cajera/${name}.pdf` }
    }))
  }
}
