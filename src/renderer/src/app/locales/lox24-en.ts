import type { lox24 as es } from './lox24-es'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/** LOX24: SMS receipts, the SMS credit and its top-up (English). */
export const lox24: Shape<typeof es> = {
  settings: {
    legend: 'SMS (LOX24)',
    url: 'LOX24 URL',
    urlHint: 'Blank: the usual LOX24 URL.',
    token: 'LOX24 token',
    tokenHint: 'As clientId:apiKey.',
    tokenSaved: 'Token saved. Leave it blank to keep it.',
    tokenNone: 'No token saved.',
    noEncryption: 'This computer cannot encrypt the token: it cannot be saved here.',
    sender: 'SMS sender',
    senderHint: 'Up to 11 letters or digits, or a number of up to 15 digits.',
    country: 'Country of phone numbers without +',
    countries: { VE: 'Venezuela (+58)', MX: 'Mexico (+52)' },
    receipts: 'Offer SMS receipts',
    lowCredit: 'Warn when the SMS credit falls below',
    supervisor: "Topping up the credit asks for a supervisor's PIN when there are operators."
  },
  credit: {
    label: 'SMS credit',
    value: 'SMS credit: {{amount}}',
    low: 'SMS credit low: {{amount}}',
    unknown: 'SMS credit: —',
    blocked: 'LOX24 blocked until {{time}}'
  },
  sms: {
    title: 'Send SMS',
    offer: 'Send SMS receipt',
    phone: 'Phone',
    phoneAs: 'Will be sent to {{phone}}',
    text: 'Message',
    length: '{{characters}} characters · {{segments}} SMS',
    unicode: 'Unicode (accents): 70 characters per SMS',
    tooLong: 'The message is too long for LOX24.',
    send: 'Send',
    cancel: 'Cancel',
    problems: {
      empty: 'Type the phone number.',
      characters: 'A phone number has only digits, spaces, dashes and a leading +.',
      length: 'Not a valid international number (E.164: up to 15 digits).',
      national: 'The number does not look like one from {{country}}: type it with + and the country code.'
    },
    states: {
      queued: 'SMS queued: it will be sent',
      sending: 'Sending SMS…',
      sent: 'SMS sent',
      unconfirmed: 'SMS not confirmed: check the queue (F6); you may send it again',
      attention: 'SMS not sent',
      discarded: 'SMS discarded'
    },
    delivery: {
      accepted: 'accepted by LOX24',
      transmitted: 'handed to the operator',
      delivered: 'delivered',
      failed: 'not delivered'
    },
    receipt: {
      luka: '{{agency}}: payment of {{amount}} received. Ref. {{reference}}. Luka operation {{operation}}. {{date}}',
      luxcore: '{{agency}}: deposit of {{amount}} created. Ref. {{reference}}. LuxCore {{operation}}. {{date}}',
      link: '{{agency}}: pay {{amount}} at {{url}} Ref. {{reference}}. {{date}}'
    }
  },
  topup: {
    title: 'Top up SMS credit',
    open: 'Top up SMS credit',
    method: 'Payment method',
    sepa: 'SEPA mandate {{iban}}',
    card: '{{brand}} •••• {{last4}} (expires {{month}}/{{year}})',
    none: 'LOX24 has no stored payment methods: add them in the LOX24 web account.',
    amount: 'Amount',
    amountHint: 'Net, in {{currency}}; LOX24 adds VAT and fee.',
    create: 'Top up',
    close: 'Close',
    tryAgain: 'Try again',
    facts: { amount: 'Total', net: 'Net', vat: 'VAT', fee: 'Fee', invoice: 'Invoice', status: 'Status' },
    statuses: {
      new: 'new',
      inProgress: 'in progress',
      done: 'done',
      cancelledByUser: 'cancelled by user',
      cancelledByTimeout: 'cancelled by timeout',
      cancelledByAdmin: 'cancelled by LOX24',
      error: 'error',
      unknown: 'unknown'
    },
    states: {
      queued: 'Queued: LOX24 is not answering; it will be sent.',
      sending: 'Sending…',
      created: 'Payment created at LOX24.',
      unconfirmed:
        'LOX24 did not confirm the payment and it is not among its recent payments. It is not retried by itself: you may try again.',
      attention: 'LOX24 did not accept the payment.',
      discarded: 'Discarded.'
    },
    supervisor: "Supervisors only: a supervisor's PIN is asked for when there are operators."
  }
}
