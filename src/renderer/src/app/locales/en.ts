import { lockedSentence, unwritableSentence } from '@shared/startup-text'
import type { es } from './es'
import { journal } from './journal-en'
import { ledger } from './ledger-en'
import { link } from './link-en'
import { lox24 } from './lox24-en'
import { lox24Errors } from './lox24-errors-en'
import { operatorErrors, operators } from './operators-en'
import { luxcore, luxcoreErrors } from './luxcore-en'
import { change, documents, receipt } from './receipt-en'
import { shift, xreport, zreport } from './shift-en'
import { training } from './training-en'
import { updates } from './updates-en'

/** Same keys as Spanish, checked by the compiler. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type Messages = Shape<typeof es>

export const en: Messages = {
  app: {
    title: 'Taquilla',
    infoError: 'Could not read Taquilla’s configuration.',
    crashRetry: 'Try again',
    panelLoading: 'Opening {{panel}}…',
    loading: 'Loading…'
  },
  storage: {
    title: 'Attention: Taquilla data files',
    damage: {
      torn: 'The last line of {{file}} was cut short (the PC went off mid-write); it was dropped.',
      damaged:
        '{{file}} was damaged: everything readable was recovered, and what is waiting is verified with the provider before it is sent again.',
      cut: '{{file}} is shorter than what was written to it: lines are missing. What is waiting is verified with the provider before it is sent again.',
      missing:
        '{{file}} is gone. What is waiting is recovered from the books and verified with the provider before it is sent again.',
      replaced: 'Something else (a folder) stood where {{file}} was; it was moved aside and a new file started.'
    },
    keptAs: 'Copy kept: {{keptAs}}. Call support.',
    nothingKept: 'There was nothing to copy. Call support.'
  },
  status: {
    bar: 'Status bar',
    connection: 'Connection to Luka',
    luka: 'Luka: {{state}}',
    states: {
      unknown: 'checking…',
      unconfigured: 'not configured',
      'signed-out': 'signed out',
      'signing-in': 'connecting…',
      online: 'online',
      'bad-credentials': 'invalid credentials',
      offline: 'offline'
    },
    terminal: 'Counter',
    operator: 'Operator',
    unset: 'unnamed',
    shortcuts: 'Keyboard shortcuts'
  },
  shortcuts: {
    approve: 'Approve',
    reject: 'Reject',
    retry: 'Retry now',
    openOutbox: 'Outbox',
    openLuxcore: 'LuxCore deposits',
    openLink: 'Payment link',
    copyLink: 'Copy link',
    searchByReference: 'Reference',
    searchByTransactionId: 'Luka ID',
    searchByAuthorizationCode: 'Auth. code',
    openSettings: 'Settings',
    connect: 'Connect',
    sendSms: 'Send SMS receipt',
    openTopup: 'Top up SMS credit',
    clear: 'Clear',
    confirm: 'Confirm',
    cancel: 'Cancel',
    retryNow: 'Retry now',
    discard: 'Discard…',
    printVoucher: 'Print voucher',
    cancelDeposit: 'Cancel…',
    previousPage: 'Previous',
    nextPage: 'Next',
    openShift: 'Shift',
    openJournal: 'Journal',
    printDocument: 'Print',
    saveDocumentPdf: 'Save PDF',
    exportCsv: 'Export CSV'
  },
  search: {
    form: 'Find payment',
    by: 'Search by',
    keys: {
      reference: 'Reference',
      transactionId: 'Luka transaction ID',
      authorizationCode: 'Authorization code'
    },
    field: 'Find payment by {{key}}',
    placeholder: 'Scan or type, then press Enter',
    submit: 'Search',
    searching: 'Searching Luka…'
  },
  card: {
    region: 'Payment found',
    amount: 'Amount',
    amountUsd: 'Amount in US dollars',
    payer: 'Payer',
    payerName: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    idNumber: 'ID number',
    transactionId: 'Luka transaction ID',
    traceId: 'Trace ID',
    merchantId: 'Merchant ID',
    merchantTransactionId: 'Merchant transaction',
    operationDate: 'Operation date',
    channel: 'Channel',
    paymentMethod: 'Payment method',
    processingStatus: 'Status in Luka',
    description: 'Description',
    none: '—',
    statuses: {
      pending: 'Pending',
      success: 'Approved'
    },
    alreadyApproved: 'Already approved in Luka: nothing to decide.',
    notDecidable: 'This payment is “{{status}}”: it cannot be approved or rejected.'
  },
  decision: {
    actions: 'Decision',
    sendingNow: 'Sending the decision to Luka…',
    approve: 'approval',
    reject: 'rejection',
    decided: {
      approve: 'This counter approved this payment',
      reject: 'This counter rejected this payment'
    },
    sending: 'Sending to Luka… (attempt {{attempts}})',
    delivered: 'Delivered to Luka',
    reply: 'Luka replied: “{{status}}”',
    replyId: 'Luka operation no.: {{id}}',
    replyCode: 'Authorization code: {{code}}',
    queued: 'Queued — it will be delivered to Luka automatically',
    queuedHelp:
      'Luka does not have this decision yet: the payment stays pending in Luka until it is delivered. There is no need to decide it again.',
    attention: 'NEEDS ATTENTION — Luka did not take this decision',
    attentionHelp: 'Someone must look at it in the outbox (F6).',
    discarded: 'DISCARDED from the outbox — it will NOT be delivered to Luka',
    lastError: 'Last error:',
    nextAttempt: 'Next attempt: {{when}}',
    attempts: 'Attempts: {{attempts}}',
    note: 'Reason: {{note}}'
  },
  dialog: {
    approveTitle: 'Approve payment of {{amount}}',
    rejectTitle: 'Reject payment of {{amount}}',
    approveText: 'You are about to APPROVE the payment of {{amount}} (Luka ID {{id}}).',
    rejectText: 'You are about to REJECT the payment of {{amount}} (Luka ID {{id}}).',
    reason: 'Rejection reason',
    reasonHelp: 'Required, up to {{max}} characters. Luka stores it as “Observaciones”.',
    authorizationCode: 'Authorization code',
    optional: '(optional)',
    confirmApprove: 'Confirm approval',
    confirmReject: 'Confirm rejection',
    cancel: 'Cancel',
    keys: 'Enter confirms · Esc cancels'
  },
  settings: {
    printer: {
      title: 'Receipt printer',
      name: 'Printer',
      hint: 'Receipts, LuxCore vouchers and Z reports go straight to it, at the roll width.',
      none: 'None: the system print dialog',
      missing: '{{name}} (not available now)',
      paper: 'Roll width',
      paperMm: '{{mm}} mm',
      test: 'Test print',
      testPage: 'Test print: {{name}}, {{mm}} mm roll.'
    },
    diagnostics: {
      export: 'Export diagnostics',
      saving: 'Exporting diagnostics…',
      saved: 'Diagnostics saved to {{path}} (no passwords or keys): send it to support.'
    },
    title: 'Settings',
    environment: 'Luka environment',
    environments: { qa: 'QA (testing)', production: 'Production', custom: 'Custom' },
    customUrl: 'Custom Luka URL',
    baseUrl: 'URL in use: {{url}}',
    username: 'Luka username',
    password: 'Luka password',
    passwordSaved: 'Password saved. Leave blank to keep it.',
    passwordNone: 'No password saved.',
    noEncryption: 'This computer cannot encrypt passwords: the password cannot be stored here.',
    terminal: 'Counter name',
    terminalHint: 'For example “Agencia CCCT, Taquilla 2”. Luka receives it with every decision.',
    updateUrl: 'Update URL',
    updateUrlHint: 'The folder holding latest.yml. Empty: Taquilla does not look for updates.',
    operator: 'Operator name',
    language: 'Language',
    languages: { es: 'Español', en: 'English' },
    overridden: 'Fixed by environment variable',
    save: 'Save and test connection',
    close: 'Close',
    saving: 'Saving…',
    saved: 'Settings saved.',
    testing: 'Testing the connection to Luka…',
    connected: 'Connection to Luka works.',
    connectionState: 'Luka: {{state}}',
    loading: 'Loading settings…',
    luxcore: 'LuxCore',
    luxcoreUrl: 'LuxCore URL',
    luxcoreUrlHint: 'Blank: the usual LuxCore URL.',
    luxcoreKey: 'LuxCore API key',
    luxcoreKeySaved: 'Key saved ({{mode}}). Leave it blank to keep it.',
    luxcoreKeyNone: 'No key saved.',
    luxcoreKeyModes: { test: 'test', live: 'live', unknown: 'unknown kind' },
    luxcoreNoEncryption: 'This computer cannot encrypt the key: it cannot be saved here.',
    linkGroup: 'Payment links and customer display',
    linkCurrencies: 'Link currencies',
    linkCurrenciesHint: 'Codes separated by commas; the first is preselected (USD,VES).',
    linkMethods: 'Link payment methods',
    linkMethodsHint: 'Luka keys separated by commas (zelle,…); empty: Luka offers all.',
    customerDisplay: 'Customer display',
    customerDisplayHint: 'A second window facing the customer (on the second screen if there is one); opens at start.'
  },
  luxcore,
  link,
  lox24,
  operators,
  ledger,
  shift,
  zreport,
  xreport,
  journal,
  updates,
  receipt,
  training,
  documents,
  change,
  outbox: {
    title: 'Outbox',
    help: 'What is waiting to be delivered to the providers, and what was recently delivered or discarded.',
    status: 'Outbox status',
    provider: 'Sending to {{provider}}: {{state}}',
    providerStates: { online: 'online', degraded: 'failing', offline: 'offline' },
    waiting: 'waiting: {{count}}',
    oldest: 'oldest {{age}}',
    attentionCount: 'need attention: {{count}}',
    totals: 'Amount waiting:',
    total: '{{amount}} ({{count}})',
    summaryError: 'Outbox:',
    list: 'Items',
    active: 'Waiting',
    history: 'Delivered and discarded',
    empty: 'The outbox is empty.',
    loading: 'Loading the outbox…',
    move: 'select',
    actions: 'Actions for the selected item',
    close: 'Close',
    retried: 'It will be retried now.',
    discarded: 'Item discarded.',
    subject: {
      approve: 'Approval · {{provider}} {{id}}',
      reject: 'Rejection · {{provider}} {{id}}',
      notify: 'Notification · {{provider}} {{id}}',
      create: 'Create · {{provider}} {{reference}}',
      cancel: 'Cancel · {{provider}} {{reference}}',
      sms: 'SMS · {{provider}} {{reference}}',
      topup: 'SMS credit top-up · {{provider}}'
    },
    noAmount: 'no amount',
    states: {
      pending: 'pending',
      sending: 'sending',
      delivered: 'delivered',
      attention: 'needs attention',
      discarded: 'discarded'
    },
    attempts: 'Attempts: {{count}}',
    nextAttempt: 'Next attempt: {{when}}',
    createdAt: 'Created: {{when}}',
    lastError: 'Last error: {{error}}',
    attention: {
      rejected: '{{provider}} did not accept this item',
      conflict: '{{provider}} has this transaction decided the other way',
      unverified: '{{provider}} did not tell whether it received this write: check it before retrying or discarding',
      unconfirmed: 'Not confirmed: {{provider}} may have received it. It is not re-sent by itself; retry sends it again'
    },
    discardReason: 'Discard reason: {{reason}}',
    discard: {
      title: 'Discard {{what}}',
      text: 'You are about to remove “{{what}}” for {{amount}} from the outbox. It will NOT be delivered to {{provider}}.',
      reason: 'Discard reason',
      reasonHelp: 'Required, up to {{max}} characters.',
      reasonRequired: 'Write the reason for discarding it.',
      confirm: 'Confirm discard',
      cancel: 'Cancel'
    }
  },
  errors: {
    codes: {
      VALIDATION: 'Check the data you entered.',
      NOT_CONFIGURED: 'Luka is not configured: open Settings (Ctrl+,) and enter username and password.',
      BAD_CREDENTIALS: 'Check your Luka username and password.',
      ENCRYPTION_UNAVAILABLE: 'This computer cannot encrypt the password; it was not saved.',
      NETWORK: 'Luka is not answering: check the internet connection and try again.',
      TIMEOUT: 'Luka is not answering: the request timed out. Try again.',
      PROVIDER_UNAVAILABLE: 'Luka is not answering: the service is unavailable. Try again in a few minutes.',
      RATE_LIMITED: 'Luka asks to wait before the next request. Try again in a few seconds.',
      UNAUTHORIZED: 'Luka refused the session. Press Connect (Ctrl+L) and try again.',
      NOT_FOUND: 'Payment not found in Luka.',
      PROVIDER_REJECTED: 'Luka refused the request.',
      MALFORMED_RESPONSE: 'Luka answered something Taquilla cannot read.',
      REPLY_MISMATCH:
        'Luka answered about something else (another transaction, another decision or an impossible amount): Taquilla does not take it as true. Search again; if it happens again, tell support.',
      ALREADY_DECIDED: 'This counter already decided this payment: it cannot be decided twice.',
      DECISION_IN_FLIGHT: 'The decision for this payment is already being sent to Luka. Wait for the answer.',
      NOT_PENDING: 'This payment is no longer pending in Luka.',
      OUTBOX_LIMIT:
        'Too much is waiting in the outbox: this counter takes no new operations (approvals or deposits) until some are delivered. Check the outbox (F6).',
      ENDPOINT_CHANGED:
        'This write was accepted for another provider server or user and the settings changed: it is not sent elsewhere. Check it in the outbox (F6).',
      PRINT_FAILED:
        'The receipt printer did not print: check that it is on and has paper, or choose another in Settings.',
      INSECURE_URL:
        'The provider URL is not secure (it must be https://, or http:// only to this computer): nothing is sent. Fix it in Settings (Ctrl+,).',
      OUTBOX_LOCKED:
        'Another Taquilla is using this data folder. Close the other Taquilla window; if there is none, call support.',
      TRAINING_REFUSED:
        'Training mode never uses real Luka or LuxCore details: the simulators stand in for them. To work with real payments, leave training mode.',
      TRAINING_ONLY: 'This exists only in training mode.',
      DATA_DIR_MODE:
        'This data folder belongs to the other mode (training or real): the books never mix. Use another folder.',
      STORAGE_UNWRITABLE:
        'The disk refuses writes: Taquilla takes no new decisions or deposits until it can write again. Call support.',
      FORBIDDEN: 'Operation not allowed from this window.',
      // operators (issue 11)
      SIGN_IN_REQUIRED: 'Sign in to go on: the counter is locked or nobody is signed in.',
      WRONG_PIN: 'Wrong PIN.',
      ACCOUNT_LOCKED: 'Too many wrong PINs in a row: the account is locked for 5 minutes.',
      APPROVAL_REQUIRED: 'This needs a supervisor’s approval.',
      APPROVAL_REFUSED: 'The supervisor’s approval was refused.',
      LEDGER_REFUSED: 'The agency server refused the request.',
      LEDGER_UNREACHABLE: 'Could not reach the agency server: check the URL and the network.',
      INTERNAL: 'Internal Taquilla error. Try again; if it happens again, call support.'
    },
    validation: {
      empty: 'Type or scan what you are looking for.',
      tooLong: 'The text is too long.',
      hiddenChars: 'The text has invisible or broken characters (direction marks, zero-width spaces…): type it again.',
      required: 'This is required: it cannot be left blank.',
      tooLarge: 'The amount is too large.',
      controlChars: 'The text has invalid characters (tabs, line breaks…).',
      notNumeric: 'The Luka transaction ID has digits only (up to 15).',
      reasonRequired: 'Write the reason for the rejection.',
      url: 'The URL must start with https:// (or http:// only to this same computer) and have no spaces.',
      belowMinimum: 'The amount is below the minimum per deposit.',
      aboveMaximum: 'The amount is above the maximum per deposit.',
      email: 'The e-mail is not valid: it must look like name@domain.com.',
      phone: 'The phone is not valid: 7 to 20 digits, with +, spaces, dashes or parentheses.',
      noteRequired: 'The count does not match what is expected: write a note that explains the difference.',
      shiftOpen: 'A shift is already open: close it before opening another.',
      noShift: 'There is no open shift to close.',
      noShiftForX: 'There is no open shift: an X report needs one.',
      currencies: 'Type three-letter currency codes separated by commas (USD,VES).',
      methods: 'Type method keys separated by commas, no spaces inside (zelle,tdc).',
      currency: 'That currency is not among the link currencies (Settings).',
      method: 'That payment method is not among the configured ones (Settings).',
      sender: 'The sender: up to 11 letters or digits, or a number of up to 15 digits.',
      lox24Token: 'The LOX24 token goes as clientId:apiKey, without spaces.',
      firstSupervisor: 'The first account must be a supervisor.',
      nameTaken: 'There is already an operator with that name.',
      lastSupervisor: 'The last active supervisor cannot be disabled.',
      fixed: 'An environment variable fixes this setting.',
      pin: 'The PIN is 4 to 8 digits, numbers only.'
    },
    luxcore: luxcoreErrors,
    outboxLocked: lockedSentence.en,
    unwritable: unwritableSentence.en,
    lox24: lox24Errors,
    operators: operatorErrors,
    outboxLimit: {
      items:
        'Too many {{currency}} operations are waiting in the outbox: this counter takes no new {{currency}} operations (approvals or deposits) until some are delivered. Check the outbox (F6).',
      amount:
        'The {{currency}} amount waiting in the outbox has reached its limit: this counter takes no new {{currency}} operations (approvals or deposits) until some are delivered. Check the outbox (F6).'
    },
    retryAfter: 'Wait {{seconds}} s.',
    provider: '{{provider}}: “{{message}}”',
    providerCode: 'code {{code}}'
  }
}
