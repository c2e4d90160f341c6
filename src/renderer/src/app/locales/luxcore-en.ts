import type { Messages } from './en'

/** The LuxCore deposits panel (F2), in English: the same keys as `luxcore-es.ts`. */
export const luxcore: Messages['luxcore'] = {
  title: 'LuxCore deposits',
  help: 'OXXO and cash deposits: create them, print the voucher and follow their status.',
  loading: 'Asking LuxCore…',
  mode: {
    label: 'LuxCore key',
    test: 'TEST MODE — test key',
    live: 'LIVE — real money',
    unknown: 'KEY OF UNKNOWN KIND — check in Settings whether it is test or live',
    unconfigured: 'LuxCore is not configured: Settings (Ctrl+,)'
  },
  server: 'Server: {{url}}',
  balance: {
    title: 'Merchant balance',
    available: 'Available',
    frozen: 'Frozen',
    total: 'Total',
    error: 'Balance not available:'
  },
  methods: { oxxo: 'OXXO', cash: 'Cash' },
  statuses: {
    pending: 'Pending',
    processing: 'Processing',
    completed: 'Completed',
    failed: 'Failed',
    cancelled: 'Cancelled',
    expired: 'Expired',
    refunded: 'Refunded',
    partial_refund: 'Partially refunded'
  },
  form: {
    title: 'New deposit',
    amount: 'Amount (MXN)',
    amountHelp: 'For example 1,234.50 or 1234.50',
    understood: '= {{amount}}',
    method: 'Payment method',
    name: 'Customer name',
    email: 'Customer e-mail',
    phone: 'Customer phone',
    description: 'Description',
    optional: '(optional)',
    submit: 'Create deposit',
    creating: 'Creating the deposit in LuxCore…',
    amountProblems: {
      empty: 'Type the amount.',
      format: 'The amount cannot be read: type it as 1,234.50 or 1234.50.',
      precision: 'The amount has at most 2 decimals.',
      tooLarge: 'The amount is too large.',
      notPositive: 'The amount must be more than zero.',
      belowMinimum: 'The minimum per deposit is {{limit}}.',
      aboveMaximum: 'The maximum per deposit is {{limit}}.'
    }
  },
  deposit: {
    region: 'Deposit {{reference}}',
    reference: 'Merchant reference',
    transactionId: 'LuxCore transaction ID',
    status: 'Status',
    amount: 'Amount',
    fee: 'Fee',
    net: 'Net amount',
    method: 'Method',
    createdAt: 'Created',
    expiresAt: 'Expires',
    countdown: 'Time left',
    expired: 'expired',
    customer: 'Customer',
    none: '—',
    queued: 'Queued — it will be created in LuxCore automatically',
    queuedHelp:
      'LuxCore does not have this deposit yet: there are no instructions to hand over yet. It will be created once, with the same reference.',
    attention: 'NEEDS ATTENTION — LuxCore did not accept this deposit',
    attentionHelp: 'It was not created in LuxCore. Review it in the outbox (F6).',
    discarded: 'DISCARDED — it will not be created in LuxCore',
    lastError: 'Last error:',
    cancelling: 'Cancellation under way — waiting for LuxCore',
    cancelRequested: 'Cancellation requested.',
    news: 'Deposit updates',
    statusNow: 'Deposit {{reference}}: {{status}}',
    refresh: 'Refresh status'
  },
  instructions: {
    title: 'Payment instructions',
    empty: 'LuxCore sent no instructions.',
    yes: 'Yes',
    no: 'No',
    unnamed: '(unnamed)',
    labels: {
      bank_details: 'Bank details',
      bank_name: 'Bank',
      account_number: 'Account number',
      account_holder: 'Account holder',
      swift_code: 'SWIFT code',
      clabe: 'CLABE',
      purpose: 'Purpose',
      reference: 'Reference',
      amount: 'Amount',
      currency: 'Currency',
      payment_page: 'Payment page',
      url: 'URL',
      redirect_url: 'Payment URL',
      voucher: 'Voucher',
      barcode: 'Barcode',
      store: 'Store',
      instructions: 'Instructions',
      expires_at: 'Expires',
      payid_details: 'PayID details',
      payid: 'PayID',
      payid_name: 'PayID name',
      payid_type: 'PayID type'
    }
  },
  barcode: 'Barcode {{value}}',
  barcodeFailed: 'The barcode could not be drawn; its value:',
  voucher: {
    title: 'LuxCore deposit voucher',
    agency: 'Agency / counter',
    operator: 'Operator',
    printedAt: 'Printed',
    test: 'TEST — NO VALUE'
  },
  list: {
    title: 'This counter’s deposits',
    empty: 'This counter has no deposits.',
    loading: 'Loading deposits…',
    move: 'choose',
    states: { queued: 'queued', attention: 'needs attention', discarded: 'discarded', cancelling: 'cancelling…' }
  },
  payments: {
    title: 'LuxCore payments today',
    status: 'Status',
    method: 'Method',
    all: 'All',
    loading: 'Loading payments…',
    empty: 'No payments with these filters.',
    range: '{{from}}–{{to}} of {{total}}',
    rangeOpen: '{{from}}–{{to}}',
    paging: 'Pages',
    columns: {
      createdAt: 'Time',
      reference: 'Reference',
      transactionId: 'LuxCore ID',
      amount: 'Amount',
      method: 'Method',
      status: 'Status'
    }
  },
  cancel: {
    title: 'Cancel deposit of {{amount}}',
    text: 'You are about to CANCEL deposit {{reference}} for {{amount}} in LuxCore. The customer will no longer be able to pay it.',
    confirm: 'Confirm cancellation',
    cancel: 'Back'
  },
  close: 'Close'
}

export const luxcoreErrors: Messages['errors']['luxcore'] = {
  named: {
    NOT_CONFIGURED: 'LuxCore is not configured: open Settings (Ctrl+,) and enter the API key.',
    BAD_CREDENTIALS: 'LuxCore does not accept the API key: check it in Settings (Ctrl+,).',
    NETWORK: 'LuxCore is not answering: check the internet connection and try again.',
    TIMEOUT: 'LuxCore is not answering: the wait timed out. Try again.',
    PROVIDER_UNAVAILABLE: 'LuxCore is not answering: the service is unavailable. Try again in a few minutes.',
    RATE_LIMITED: 'LuxCore asks to wait before another request. Try again in a few seconds.',
    UNAUTHORIZED: 'LuxCore does not allow this operation with this API key.',
    NOT_FOUND: 'Payment not found in LuxCore.',
    NOT_PENDING: 'This payment is no longer pending in LuxCore: it cannot be cancelled.',
    PROVIDER_REJECTED: 'LuxCore refused the request.',
    MALFORMED_RESPONSE: 'LuxCore answered something Taquilla cannot read.',
    REPLY_MISMATCH:
      'LuxCore answered about something else (another payment, reference, amount or currency): Taquilla does not take it as true. If it happens again, tell support.'
  },
  codes: {
    INVALID_API_KEY: 'LuxCore does not recognise the API key: check it in Settings (Ctrl+,).',
    VALIDATION_ERROR: 'LuxCore did not accept the deposit details: check them.',
    UNSUPPORTED_CURRENCY: 'LuxCore does not accept this currency for this merchant.',
    METHOD_NOT_AVAILABLE: 'This payment method is not available in LuxCore right now: try another.',
    METHOD_NOT_CONFIGURED: 'This payment method is not enabled for the merchant in LuxCore.',
    INVALID_METHOD: 'LuxCore does not recognise this payment method.',
    LIMIT_EXCEEDED: 'The amount is over the limit LuxCore allows per operation.',
    DAILY_LIMIT_EXCEEDED: 'The merchant has reached its daily limit in LuxCore.',
    MONTHLY_LIMIT_EXCEEDED: 'The merchant has reached its monthly limit in LuxCore.',
    PAYMENT_ALREADY_PROCESSED: 'The payment is already final in LuxCore: it cannot be changed.',
    INSUFFICIENT_BALANCE: 'The merchant’s LuxCore balance is not enough.',
    TTL_EXPIRED: 'The payment expired in LuxCore before it was completed.',
    MERCHANT_REFERENCE_DUPLICATE: 'LuxCore already has a payment with this reference.'
  }
}
