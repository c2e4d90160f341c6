import type { Deposit, LuxcorePayment } from '@shared/contract'

/** luxcore-payments-guide.txt, Cancelling: "Only payments in pending status can be cancelled." */
const cancellableStatuses = new Set(['pending'])

export function canCancel(deposit: Deposit | null): deposit is Deposit & { payment: NonNullable<Deposit['payment']> } {
  return (
    deposit !== null &&
    deposit.state === 'created' &&
    deposit.payment !== null &&
    !deposit.payment.terminal &&
    !deposit.cancelling &&
    cancellableStatuses.has(deposit.payment.status)
  )
}

/**
 * The payment a voucher may be printed for: LuxCore has it and it can still be paid. A
 * voucher for a cancelled or expired deposit would send the customer to pay for nothing.
 */
export function payablePayment(deposit: Deposit | null): LuxcorePayment | null {
  return deposit?.state === 'created' && deposit.payment && !deposit.payment.terminal ? deposit.payment : null
}

/** Where a deposit stands in one word: LuxCore's status once it has it, else our state. */
export function progressOf(deposit: Deposit): string {
  return deposit.state === 'created' && deposit.payment ? deposit.payment.status : deposit.state
}

/**
 * The newer of two views of the same deposit. Replies and events travel separately and a
 * Deposit has no version, but it only moves forward: LuxCore never un-creates a deposit and
 * a final status never goes back, so a step backwards is the older message.
 */
export function newerDeposit(current: Deposit | undefined, next: Deposit): Deposit {
  if (!current) return next
  if (current.state !== 'queued' && next.state === 'queued') return current
  if (current.payment?.terminal && next.payment && !next.payment.terminal) return current
  if (current.payment && !next.payment && next.state === 'created') return current
  return next
}

/** One deposit changed: replace it where it is, or put a new one first (the list is newest first). */
export function withDeposit(list: readonly Deposit[], next: Deposit): Deposit[] {
  const index = list.findIndex((deposit) => deposit.merchantReference === next.merchantReference)
  if (index === -1) return [next, ...list]
  const copy = [...list]
  copy[index] = newerDeposit(list[index], next)
  return copy
}
