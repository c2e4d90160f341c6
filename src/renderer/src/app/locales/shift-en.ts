import type { Messages } from './en'

/** The shift (F3) and the Z report, in English: the same keys as `shift-es.ts`. */
export const shift: Messages['shift'] = {
  title: 'Shift',
  loading: 'Checking the shift…',
  status: {
    open: 'Shift open since {{time}}',
    none: 'No shift open'
  },
  understood: '= {{amount}}',
  amountProblems: {
    format: 'Cannot read the amount: write it as 1,234.50 or 1234.50.',
    precision: 'Too many decimals for this currency.',
    tooLarge: 'The amount is too large.',
    notPositive: 'The amount cannot be negative.'
  },
  open: {
    title: 'Open shift',
    help: 'Type the drawer’s opening float in each currency. Blank counts as 0.',
    float: 'Opening float in {{currency}}',
    submit: 'Open shift',
    opening: 'Opening the shift…'
  },
  close: {
    title: 'Close shift',
    help: 'Shift opened at {{time}} by {{operator}}. Count the cash in the drawer in each currency.',
    expected: 'Expected in the drawer',
    expectedHelp: 'Opening float + approvals + cash deposits.',
    breakdown: 'Float {{float}} · approvals {{approvals}} · unconfirmed {{waiting}} · deposits {{deposits}}',
    counted: 'Counted in {{currency}}',
    note: 'Closing note',
    noteHelp: 'Required when the count does not match what is expected.',
    submit: 'Close shift',
    closing: 'Closing the shift…'
  },
  waiting: {
    title: 'Cash received, Luka has not confirmed yet',
    help: 'That cash is in the drawer and counts toward the expected amount, but Luka has not confirmed the approval yet.',
    item: 'Luka transaction {{id}} · {{amount}} · {{state}}',
    none: 'No approval is waiting for confirmation.'
  },
  variance: {
    over: 'Over by {{amount}}',
    short: 'Short by {{amount}}',
    even: 'Balanced'
  },
  past: {
    button: 'Past shifts',
    title: 'Past shifts',
    list: 'Closed shifts',
    empty: 'There are no closed shifts.',
    loading: 'Loading shifts…',
    item: '{{opened}} → {{closed}} · {{operator}} · {{terminal}}',
    move: 'choose · Enter opens the report'
  },
  cancel: 'Cancel',
  done: 'Close'
}

export const zreport: Messages['zreport'] = {
  title: 'Z report',
  terminal: 'Terminal',
  operator: 'Operator',
  opened: 'Opened',
  closed: 'Closed',
  stillOpen: 'shift open',
  currencies: 'Totals per currency',
  columns: {
    currency: 'Currency',
    float: 'Opening float',
    approvals: 'Approvals',
    waiting: 'Not yet confirmed by Luka',
    rejections: 'Rejections',
    deposits: 'Cash deposits',
    expected: 'Expected',
    counted: 'Counted',
    variance: 'Variance'
  },
  countAmount: '{{count}} · {{amount}}',
  actions: 'Operations per action and result',
  actionColumns: { action: 'Action', result: 'Result', count: 'Count' },
  waiting: 'Cash received, Luka has not confirmed yet',
  waitingColumns: { transaction: 'Luka transaction', amount: 'Amount', state: 'State' },
  links: 'Luka payment links — paid online, not cash, not in the drawer',
  linkColumns: { trace: 'Trace', order: 'Order no.', amount: 'Amount', state: 'State' },
  none: 'None.',
  note: 'Note',
  noNote: '(no note)',
  journal: 'Journal intact',
  journalOk: 'yes',
  journalBroken: 'NO',
  print: 'Print',
  csv: 'Export CSV',
  pdf: 'Save PDF',
  pdfName: 'Z report {{terminal}} {{date}}',
  csvDone: 'CSV downloaded: {{name}}',
  actionsGroup: 'Z report: print and export',
  operators: 'Per operator',
  operatorColumns: {
    operator: 'Operator',
    currency: 'Currency',
    approvals: 'Approvals',
    rejections: 'Rejections',
    deposits: 'Cash deposits'
  }
}

export const xreport: Messages['xreport'] = {
  title: 'X report — does not close the shift',
  notClosing: 'X REPORT — NOT A CLOSING: the shift stays open',
  help: 'The shift’s totals at this moment. The shift is not closed and the closing Z report does not change.',
  taken: 'Taken',
  number: 'X report no.',
  taking: 'Taking the X report…',
  button: 'X report',
  print: 'Print',
  csv: 'Export CSV',
  pdf: 'Save PDF',
  pdfName: 'X report {{terminal}} {{date}} {{number}}',
  csvDone: 'CSV downloaded: {{name}}',
  actionsGroup: 'X report: print and export'
}
