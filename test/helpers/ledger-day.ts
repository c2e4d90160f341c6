import type { ZReport } from '@shared/books'
import type { counterBooks } from './ledger'

type Counter = ReturnType<typeof counterBooks>

/** A small seeded generator (mulberry32): the same seed, the same day. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * One shift of counter work written through the counter's own journal and ShiftBook, in the
 * shapes src/main/books/recorder.ts writes: approvals delivered, waiting, withdrawn; rejections;
 * cash deposits kept or lost; a card deposit; payment links; then the close with a counted
 * drawer off by a little. Returns the counter's own Z report of the shift.
 */
export function workShift(counter: Counter, seed: number, operations = 40): ZReport {
  const random = seeded(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const amount = (currency: string) => ({ currency, minor: 100 + Math.floor(random() * 5_000_000) })
  const tick = () => (counter.clock.at += 1000 + Math.floor(random() * 60_000))
  tick()
  const shift = counter.books.open([
    { currency: 'USD', minor: 10_000 + Math.floor(random() * 100_000) },
    { currency: 'VES', minor: 500_000 }
  ])
  for (let i = 0; i < operations; i++) {
    tick()
    const id = `${seed}-${i}`
    const kind = pick(['approve', 'approve', 'approve', 'reject', 'deposit', 'link', 'lookup'] as const)
    const currency = pick(['USD', 'USD', 'VES'])
    if (kind === 'approve' || kind === 'reject') {
      const refs = { transactionId: 6_000_000 + i, outboxId: `o-${id}` }
      const money = amount(currency)
      counter.journal.append({
        action: 'decision',
        refs,
        amount: money,
        result: 'accepted',
        detail: { decision: kind }
      })
      const state = pick(['delivered', 'delivered', 'delivered', 'conflict', 'discarded', null])
      if (state) {
        tick()
        counter.journal.append({
          action: 'decisionOutcome',
          refs,
          amount: money,
          result: state,
          detail: { decision: kind }
        })
      }
    } else if (kind === 'deposit') {
      const refs = { merchantReference: `m-${id}` }
      const money = amount(currency)
      const method = pick(['cash', 'cash', 'card'])
      counter.journal.append({ action: 'depositCreated', refs, amount: money, result: 'accepted', detail: { method } })
      const status = pick(['pending', 'completed', 'cancelled', 'expired', null])
      if (status)
        counter.journal.append({ action: 'depositStatus', refs, amount: money, result: status, detail: { method } })
    } else if (kind === 'link') {
      counter.journal.append({
        action: 'paymentLink',
        refs: { trace: `t-${id}` },
        amount: amount(currency),
        result: pick(['created', 'unknown', 'rejected'])
      })
    } else {
      counter.journal.append({
        action: 'lookup',
        refs: { reference: `r-${id}` },
        amount: amount(currency),
        result: 'found'
      })
    }
  }
  tick()
  const preview = counter.books.report(shift.id)
  const counted = preview.currencies.map((row) => ({
    currency: row.currency,
    minor: Math.max(0, row.expected + pick([0, 0, -500, 1234]))
  }))
  return counter.books.close(counted, 'cuadre con diferencia menor')
}
