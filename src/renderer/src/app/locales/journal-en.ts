import type { Messages } from './en'

/** The journal view (F4) and the journal's words, in English: the same keys as `journal-es.ts`. */
export const journal: Messages['journal'] = {
  title: 'Terminal journal',
  help: 'Everything that happened at this terminal, newest first.',
  list: 'Journal entries',
  count: 'Entries: {{count}}',
  loading: 'Loading the journal…',
  rowLoading: 'Loading entry {{position}}…',
  empty: 'No entries match these filters.',
  move: 'move',
  columns: {
    seq: 'No.',
    at: 'Time',
    action: 'Action',
    refs: 'References',
    amount: 'Amount',
    result: 'Result',
    operator: 'Operator'
  },
  filters: {
    title: 'Journal filters',
    text: 'Search reference, transaction or amount',
    day: 'Day',
    action: 'Action',
    result: 'Result',
    all: 'All'
  },
  actions: {
    signIn: 'Luka sign-in',
    lookup: 'Lookup',
    decision: 'Decision',
    decisionOutcome: 'Decision delivery',
    depositCreated: 'Deposit created',
    depositOutcome: 'Deposit outcome',
    depositStatus: 'Deposit status',
    outboxDiscarded: 'Outbox discard',
    shiftOpened: 'Shift opened',
    shiftClosed: 'Shift closed',
    paymentLink: 'Payment link',
    settingsChanged: 'Settings changed',
    storageDamage: 'Data file damaged',
    outboxRecovered: 'Outbox item recovered'
  },
  results: {
    found: 'found',
    notFound: 'not found',
    accepted: 'recorded',
    delivered: 'delivered',
    attention: 'needs attention',
    discarded: 'discarded',
    queued: 'queued',
    approve: 'approval',
    reject: 'rejection',
    created: 'created',
    unknown: 'outcome unknown',
    rejected: 'rejected',
    pending: 'pending',
    processing: 'processing',
    completed: 'completed',
    failed: 'failed',
    cancelled: 'cancelled',
    expired: 'expired',
    refunded: 'refunded',
    opened: 'opened',
    balanced: 'balanced',
    variance: 'with variance',
    saved: 'saved',
    online: 'online',
    offline: 'offline',
    'bad-credentials': 'bad credentials',
    unconfigured: 'not configured',
    'signed-out': 'signed out'
  },
  refs: {
    reference: 'Ref.',
    transactionId: 'Luka',
    authorizationCode: 'Authorization',
    merchantReference: 'Ref.',
    providerTransactionId: 'LuxCore'
  },
  integrity: {
    region: 'Journal integrity',
    broken: 'The journal was tampered with: first invalid entry no. {{seq}} (line {{line}}, {{reason}})',
    brokenNoSeq: 'The journal was tampered with: first invalid entry at line {{line}} ({{reason}})',
    brokenUnknown: 'The journal was tampered with.',
    reasons: {
      edited: 'edited',
      removed: 'an entry is missing',
      reordered: 'out of order',
      malformed: 'unreadable',
      truncated: 'the last entries are missing'
    },
    tornTail: 'An interrupted write was recovered: the incomplete last line was dropped.',
    ok: 'Journal intact: {{entries}} entries checked at {{time}}.',
    unknown: 'The journal has not been checked yet.',
    verify: 'Verify now',
    verifying: 'Verifying the journal…'
  },
  reprintNone: 'The chosen entry has no receipt.',
  close: 'Close'
}
