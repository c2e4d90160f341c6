import type { JournalEntry, OperatorTotals } from '@shared/books'
import type { Money } from '@shared/money'

/** Deposit outcomes after which a cash deposit is no longer in the drawer (as in shift.ts). */
const DEPOSIT_LOST = new Set(['cancelled', 'failed', 'expired', 'discarded', 'attention'])

type Kind = 'approvals' | 'rejections' | 'deposits'

interface Counted {
  key: string
  kind: Kind
  amount: Money
  /** the decision's outbox item or the deposit's merchant reference, to apply its later outcome */
  follow: string | null
}

/**
 * The account id an entry carries once operator accounts exist (issue 11: `operatorId` beside
 * the `operator` name); older entries, and counters without accounts, have only the name.
 */
function operatorIdOf(entry: JournalEntry): string | null {
  const id = (entry as JournalEntry & { operatorId?: unknown }).operatorId
  return typeof id === 'string' && id !== '' ? id : null
}

/**
 * Who did what in a shift: per operator and currency, the approvals (not withdrawn, confirmed
 * by Luka or not — the cash that operator took), the rejections and the LuxCore cash deposits
 * still standing. The same rules as the Z report's currency totals, so the rows of a currency
 * add up to its totals. One pass over the shift's entries (a later outcome may withdraw an
 * earlier decision or deposit), integer minor units throughout.
 */
export function operatorBreakdown(entries: Iterable<JournalEntry>): OperatorTotals[] {
  const names = new Map<string, { operatorId: string | null; name: string }>()
  const totals = new Map<string, Pick<OperatorTotals, Kind> & { key: string; currency: string }>()
  const add = (key: string, kind: Kind, amount: Money): void => {
    const rowKey = `${key}\u0000${amount.currency}`
    let row = totals.get(rowKey)
    if (!row) totals.set(rowKey, (row = { key, currency: amount.currency, ...zero() }))
    row[kind].count++
    row[kind].minor += amount.minor
  }
  // approvals and deposits wait for the shift's last word on them (withdrawn, cancelled…)
  const following: Counted[] = []
  const outcome = new Map<string, string>()
  for (const entry of entries) {
    const { action } = entry
    if (action === 'decisionOutcome') outcome.set(`d:${entry.refs['outboxId']}`, entry.result)
    else if (action === 'depositOutcome' || action === 'depositStatus')
      outcome.set(`l:${entry.refs['merchantReference']}`, entry.result)
    else if (action !== 'decision' && action !== 'depositCreated') continue
    const found = classify(entry)
    if (!found || !entry.amount) continue
    const operatorId = operatorIdOf(entry)
    const key = operatorId === null ? `name:${entry.operator}` : `id:${operatorId}`
    if (names.get(key)?.name !== entry.operator) names.set(key, { operatorId, name: entry.operator })
    if (found.follow === null) add(key, found.kind, entry.amount)
    else following.push({ key, amount: entry.amount, ...found })
  }
  for (const item of following) {
    const state = outcome.get(item.follow!)
    if (item.kind === 'approvals' && state === 'discarded') continue // withdrawn: no cash kept for it
    if (item.kind === 'deposits' && DEPOSIT_LOST.has(state ?? '')) continue
    add(item.key, item.kind, item.amount)
  }
  return [...totals.values()]
    .map(({ key, ...row }) => ({ ...names.get(key)!, ...row }))
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name) ||
        (a.operatorId ?? '').localeCompare(b.operatorId ?? '') ||
        a.currency.localeCompare(b.currency)
    )
}

const REJECTION = { kind: 'rejections', follow: null } as const

function classify(entry: JournalEntry): Pick<Counted, 'kind' | 'follow'> | null {
  if (entry.action === 'decision') {
    if (entry.detail['decision'] === 'reject') return REJECTION
    return { kind: 'approvals', follow: `d:${entry.refs['outboxId']}` }
  }
  if (entry.action === 'depositCreated' && entry.detail['method'] === 'cash')
    return { kind: 'deposits', follow: `l:${entry.refs['merchantReference']}` }
  return null
}

const zero = (): Pick<OperatorTotals, Kind> => ({
  approvals: { count: 0, minor: 0 },
  rejections: { count: 0, minor: 0 },
  deposits: { count: 0, minor: 0 }
})
