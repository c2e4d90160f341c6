import type { Messages } from './en'

/** Receipts, change and the print/PDF notices, in English: the same keys as `receipt-es.ts`. */
export const receipt: Messages['receipt'] = {
  titles: {
    approval: 'Cash payment receipt',
    rejection: 'Rejected payment slip',
    deposit: 'Deposit receipt'
  },
  reprint: 'REPRINT',
  agency: 'Agency',
  terminal: 'Terminal',
  operator: 'Operator',
  at: 'Date and time',
  reference: 'Reference',
  transactionId: { luka: 'Luka transaction ID', luxcore: 'LuxCore transaction ID' },
  operationId: 'Luka operation no.',
  amount: 'Amount',
  status: 'Status',
  authorizationCode: 'Authorization code',
  tendered: 'Cash received',
  change: 'Change',
  printedAt: 'Printed',
  statuses: {
    delivered: 'Confirmed by Luka',
    queued: 'Cash received — Luka has not confirmed yet',
    sending: 'Sending to Luka',
    attention: 'Needs attention — Luka did not take it',
    discarded: 'Discarded — will not be delivered',
    accepted: 'Recorded at this terminal'
  },
  actions: 'Receipt',
  print: 'Print receipt',
  reprintButton: 'Reprint receipt',
  savePdf: 'Save PDF',
  pdfName: 'Receipt {{reference}} {{date}}'
}

export const documents: Messages['documents'] = {
  saving: 'Saving the PDF…',
  saved: 'PDF saved to {{path}}.',
  savedNoPath: 'PDF saved.',
  notSaved: 'The PDF was not saved.',
  printInstead: 'The PDF cannot be saved directly here: in the print dialog choose “Save as PDF” as the printer.',
  error: 'Could not save the PDF:',
  printed: 'Sent to the printer {{printer}}.',
  printError: 'Could not print:'
}

export const change: Messages['change'] = {
  tendered: 'Cash received',
  help: 'Optional: type what the customer hands over to see the change.',
  change: 'Change: {{amount}}',
  short: 'Short by {{amount}}',
  exact: 'Exact amount: no change',
  problems: {
    format: 'Cannot read the amount: write it as 1,234.50 or 1234.50.',
    precision: 'Too many decimals for this currency.',
    tooLarge: 'The amount is too large.',
    notPositive: 'The amount must be greater than zero.'
  }
}
