import { LedgerLineSchema, type LedgerLine } from '@shared/ledger-protocol'
import { Refusal } from './refusal'

/** A journal line as received: its exact text and the fields the server reads. */
export interface Line {
  text: string
  entry: LedgerLine
}

export function parseLines(texts: string[]): Line[] {
  const lines = texts.map((text) => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      throw new Refusal(400, 'malformed')
    }
    const parsed = LedgerLineSchema.safeParse(value)
    if (!parsed.success || Number.isNaN(Date.parse(parsed.data.at))) throw new Refusal(400, 'malformed')
    return { text, entry: parsed.data }
  })
  // a batch is one run of consecutive entries, in order
  lines.forEach((line, index) => {
    if (index > 0 && line.entry.seq !== lines[index - 1]!.entry.seq + 1) throw new Refusal(400, 'order')
  })
  return lines
}

/** One `entries` row: the line and the columns the reconciliation reads. */
export interface EntryRow {
  seq: number
  body: string
  hash: string
  prev: string
  at: string
  action: string
  result: string
  operator: string
  shiftId: string | null
  currency: string | null
  minor: number | null
  decision: string | null
  linkKey: string | null
  method: string | null
}

const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value))

/**
 * What ties an outcome to the entry it is about — the same keys the counter's Z report joins on
 * (src/main/books/shift.ts): the outbox id for decisions, the merchant reference for deposits.
 */
function linkKey(entry: LedgerLine): string | null {
  if (entry.action === 'decision' || entry.action === 'decisionOutcome') return text(entry.refs['outboxId'])
  if (entry.action.startsWith('deposit')) return text(entry.refs['merchantReference'])
  if (entry.action === 'paymentLink') return text(entry.refs['trace'])
  return null
}

export function rowOf(line: Line, shiftId: string | null): EntryRow {
  const { entry } = line
  return {
    seq: entry.seq,
    body: line.text,
    hash: entry.hash,
    prev: entry.prev,
    at: entry.at,
    action: entry.action,
    result: entry.result,
    operator: entry.operator,
    shiftId,
    currency: entry.amount?.currency ?? null,
    minor: entry.amount?.minor ?? null,
    decision: text(entry.detail['decision']),
    linkKey: linkKey(entry),
    method: text(entry.detail['method'])
  }
}
