/**
 * Words that main writes and the renderer reads, each listed once, zod-free so the renderer can
 * import them at run time (the schemas build their `z.enum`s from these lists).
 */

/** The journal's actions. One more kind of action = one more word here (and where it is written). */
export const JOURNAL_ACTIONS = [
  'signIn',
  'lookup',
  'decision',
  'decisionOutcome',
  'depositCreated',
  'depositOutcome',
  'depositStatus',
  'sms',
  'smsDelivery',
  'topup',
  'topupStatus',
  'outboxDiscarded',
  'shiftOpened',
  'shiftClosed',
  'settingsChanged',
  'storageDamage', // a data file found damaged at start (refs.file; detail: the copy kept, lines lost)
  'outboxRecovered', // a waiting decision/deposit whose outbox item was lost: recreated, verified before any send
  /** a Luka payment-link creation attempt: created, unknown, rejected or failed */
  'paymentLink',
  'journalKeyed', // the first keyed (HMAC) entry: continues an older unkeyed chain (detail: its last seq and hash)
  'journalIncident', // a damage found in the journal itself (result: reason; detail: where, how many places)
  'incidentAcknowledged', // a supervisor acknowledged an incident (refs.incidentId; detail: note, approver)
  /** an X report taken mid-shift (refs.shiftId; amounts: the expected cash it showed); the shift stays open */
  'xReport'
] as const
export type JournalAction = (typeof JOURNAL_ACTIONS)[number]

/** luxcore-payments-guide.txt, Payment Statuses: final ones, after which nothing changes. */
export const LUXCORE_FINAL_STATUSES = [
  'completed',
  'failed',
  'cancelled',
  'expired',
  'refunded',
  'partial_refund'
] as const

/** luxcore-payments-guide.txt, Payment Statuses: every documented word (an unknown one is kept as it came). */
export const LUXCORE_STATUSES = ['pending', 'processing', ...LUXCORE_FINAL_STATUSES] as const
export type LuxcoreDocumentedStatus = (typeof LUXCORE_STATUSES)[number]

export function isLuxcoreFinal(status: string): boolean {
  return (LUXCORE_FINAL_STATUSES as readonly string[]).includes(status)
}

export function isLuxcoreDocumented(status: string): status is LuxcoreDocumentedStatus {
  return (LUXCORE_STATUSES as readonly string[]).includes(status)
}
