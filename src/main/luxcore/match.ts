import type { LuxcorePayment } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { isSafeAmount, type Money } from '@shared/money'

// A LuxCore reply is believed only when it is about what was asked: the payment asked for (id),
// this counter's merchant reference, amount, currency and method. The documented create reply
// (luxcore-payments-guide.txt, "Creating a Deposit") carries no merchant_reference, so a
// missing one is not held against it; a different one is.

export function luxcoreMismatch(luxcoreSaid: string): AppFailure {
  return new AppFailure({ code: 'REPLY_MISMATCH', provider: 'luxcore', providerMessage: luxcoreSaid.slice(0, 300) })
}

export interface ExpectedPayment {
  transactionId?: string
  merchantReference?: string | null
  amount?: Money
  method?: string | null
}

const describe = (payment: LuxcorePayment): string =>
  [
    payment.transactionId,
    payment.merchantReference,
    `${payment.amount.minor} ${payment.amount.currency}`,
    payment.method
  ]
    .filter(Boolean)
    .join(' · ')

/** Throws REPLY_MISMATCH unless the payment is the one expected, with an amount above zero within the currency's safe range. */
export function checkPayment(payment: LuxcorePayment, expected: ExpectedPayment): void {
  const { amount } = payment
  const wrong =
    amount.minor <= 0 ||
    !isSafeAmount(amount.minor, amount.currency) ||
    (expected.transactionId !== undefined && payment.transactionId !== expected.transactionId) ||
    (expected.merchantReference != null &&
      payment.merchantReference !== null &&
      payment.merchantReference !== expected.merchantReference) ||
    (expected.amount !== undefined &&
      (amount.minor !== expected.amount.minor || amount.currency !== expected.amount.currency)) ||
    (expected.method != null && payment.method !== null && payment.method !== expected.method)
  if (wrong) throw luxcoreMismatch(describe(payment))
}

/** A list row must be what the filter asked for: a row of another status or method means the reply is about something else. */
export function checkRow(payment: LuxcorePayment, filter: { status?: string; method?: string }): void {
  checkPayment(payment, {})
  if (filter.status && payment.status !== filter.status.toLowerCase()) throw luxcoreMismatch(describe(payment))
  if (filter.method && payment.method !== null && payment.method !== filter.method) {
    throw luxcoreMismatch(describe(payment))
  }
}
