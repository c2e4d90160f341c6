import type { link as es } from './link-es'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/** The payment-link panel and the customer display, in English. */
export const link: Shape<typeof es> = {
  title: 'Payment link',
  help: 'The customer pays by card, Zelle… on their phone: create the link and show them the QR code.',
  amount: 'Amount',
  currency: 'Currency',
  methods: 'Payment methods',
  methodsAll: 'No methods configured: Luka will offer all of the merchant’s.',
  name: 'Name',
  nameHint: 'Optional: the customer’s identification (card, policy…).',
  email: 'E-mail',
  emailHint: 'Optional.',
  create: 'Create link',
  creating: 'Creating the link on Luka…',
  qr: 'QR code',
  url: 'Link',
  orderNumber: 'Order no.',
  trace: 'Trace',
  copy: 'Copy link',
  copied: 'Link copied.',
  copyFailed: 'Could not copy: select the link and copy it.',
  print: 'Print',
  newLink: 'New link',
  close: 'Close',
  unknown: {
    title: 'Unknown whether Luka created the link',
    text: 'Luka did not answer ({{reason}}). The link may exist, but Taquilla did not get its address and the customer cannot use it. Create it again: both attempts are kept in the journal.',
    again: 'Create again'
  },
  today: 'Today’s links',
  noneToday: 'No links today.',
  check: 'Check payment',
  seen: 'Luka has a payment: {{amount}} ({{status}}).',
  notSeen: 'No payment seen yet.',
  states: { created: 'created', unknown: 'outcome unknown', rejected: 'rejected', failed: 'not sent' },
  slip: { title: 'Luka payment link', scan: 'Scan the code with your phone to pay.' },
  customer: {
    welcome: 'Welcome',
    paying: 'Amount to pay',
    approved: 'Payment approved',
    rejected: 'Payment rejected',
    queued: 'Payment recorded',
    scan: 'Scan the code with your phone to pay'
  }
}
