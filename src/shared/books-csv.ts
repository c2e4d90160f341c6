import type { ZReport } from './books'
import { currencyExponent, minorToDecimal } from './money'

type Language = 'es' | 'en'

/** A cell that is a number and nothing else: optional minus, digits, one decimal separator. */
const WHOLE_NUMBER = /^-?\d+(?:[.,]\d+)?$/

const HEADINGS: Record<Language, Record<string, string>> = {
  es: {
    title: 'Reporte Z',
    terminal: 'Taquilla',
    operator: 'Operador',
    opened: 'Apertura',
    closed: 'Cierre',
    note: 'Nota',
    currency: 'Moneda',
    float: 'Fondo inicial',
    approvals: 'Aprobaciones',
    approvalsAmount: 'Monto aprobado',
    waiting: 'Sin confirmar por Luka',
    waitingAmount: 'Monto sin confirmar',
    rejections: 'Rechazos',
    deposits: 'Depósitos en efectivo',
    depositsAmount: 'Monto depósitos',
    expected: 'Esperado',
    counted: 'Contado',
    variance: 'Diferencia',
    action: 'Acción',
    result: 'Resultado',
    count: 'Cantidad',
    transaction: 'Transacción Luka',
    amount: 'Monto',
    state: 'Estado',
    links: 'Enlaces de pago Luka (no es efectivo)',
    trace: 'Traza',
    order: 'N.º de orden',
    journal: 'Diario íntegro',
    yes: 'sí',
    no: 'NO'
  },
  en: {
    title: 'Z report',
    terminal: 'Terminal',
    operator: 'Operator',
    opened: 'Opened',
    closed: 'Closed',
    note: 'Note',
    currency: 'Currency',
    float: 'Opening float',
    approvals: 'Approvals',
    approvalsAmount: 'Approved amount',
    waiting: 'Not yet confirmed by Luka',
    waitingAmount: 'Unconfirmed amount',
    rejections: 'Rejections',
    deposits: 'Cash deposits',
    depositsAmount: 'Deposits amount',
    expected: 'Expected',
    counted: 'Counted',
    variance: 'Variance',
    action: 'Action',
    result: 'Result',
    count: 'Count',
    transaction: 'Luka transaction',
    amount: 'Amount',
    state: 'State',
    links: 'Luka payment links (not cash)',
    trace: 'Trace',
    order: 'Order no.',
    journal: 'Journal intact',
    yes: 'yes',
    no: 'NO'
  }
}

/**
 * The Z report as CSV a spreadsheet opens correctly in the teller's language: Spanish uses
 * `;` between fields and a decimal comma, English `,` and a decimal point; amounts are plain
 * decimals (no grouping) so they stay numbers; UTF-8 with a BOM and CRLF line ends for Excel.
 */
export function zReportCsv(
  report: ZReport,
  language: Language,
  formatTime: (iso: string) => string = (iso) => iso,
  /** a first line of its own (training mode: "ENTRENAMIENTO — sin pagos reales") */
  mark?: string
): string {
  const h = HEADINGS[language]
  const separator = language === 'es' ? ';' : ','
  const amount = (minor: number | null, currency: string): string => {
    if (minor === null) return ''
    const decimal = minorToDecimal(minor, currencyExponent(currency))
    return language === 'es' ? decimal.replace('.', ',') : decimal
  }
  const cell = (value: string | number): string => {
    let text = String(value)
    // a note or a name starting with = + - @ would run as a formula in a spreadsheet (CSV injection);
    // only a cell that is wholly a number (our amounts, e.g. -3,09) keeps its sign unguarded:
    // `-1+cmd|' /C calc'!A0` starts with a digit too, and is a formula
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !WHOLE_NUMBER.test(text)) text = `'${text}`
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const rows: (string | number)[][] = [
    ...(mark ? [[mark]] : []),
    [h.title!],
    [h.terminal!, report.shift.terminal],
    [h.operator!, report.shift.operator],
    [h.opened!, formatTime(report.shift.openedAt)],
    [h.closed!, report.shift.closedAt ? formatTime(report.shift.closedAt) : ''],
    [h.journal!, report.journalOk ? h.yes! : h.no!],
    [],
    [
      h.currency!,
      h.float!,
      h.approvals!,
      h.approvalsAmount!,
      h.waiting!,
      h.waitingAmount!,
      h.rejections!,
      h.deposits!,
      h.depositsAmount!,
      h.expected!,
      h.counted!,
      h.variance!
    ],
    ...report.currencies.map((row) => [
      row.currency,
      amount(row.float, row.currency),
      row.approvals.count,
      amount(row.approvals.minor, row.currency),
      row.approvalsWaiting.count,
      amount(row.approvalsWaiting.minor, row.currency),
      row.rejections.count,
      row.deposits.count,
      amount(row.deposits.minor, row.currency),
      amount(row.expected, row.currency),
      amount(row.counted, row.currency),
      amount(row.variance, row.currency)
    ]),
    [],
    [h.action!, h.result!, h.count!],
    ...report.actions.map((row) => [row.action, row.result, row.count]),
    ...(report.waiting.length
      ? [
          [],
          [h.transaction!, h.amount!, h.currency!, h.state!],
          ...report.waiting.map((row) => [
            row.transactionId,
            amount(row.amount.minor, row.amount.currency),
            row.amount.currency,
            row.state
          ])
        ]
      : []),
    // paid on Luka's page, never in the drawer: a section of their own, outside the cash rows
    ...(report.links.length
      ? [
          [],
          [h.links!],
          [h.trace!, h.order!, h.amount!, h.currency!, h.state!],
          ...report.links.map((row) => [
            row.trace,
            row.orderNumber ?? '',
            amount(row.amount.minor, row.amount.currency),
            row.amount.currency,
            row.state
          ])
        ]
      : []),
    [],
    [h.note!, report.note]
  ]
  return '\uFEFF' + rows.map((row) => row.map(cell).join(separator)).join('\r\n') + '\r\n'
}
