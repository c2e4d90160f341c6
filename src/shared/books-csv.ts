import type { XReport, ZReport } from './books'
import { HEADINGS, type Language } from './books-csv-headings'
import { currencyExponent, minorToDecimal } from './money'

/** A cell that is a number and nothing else: optional minus, digits, one decimal separator. */
const WHOLE_NUMBER = /^-?\d+(?:[.,]\d+)?$/

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
  return reportCsv(report, language, formatTime, [...(mark ? [[mark]] : []), [HEADINGS[language].title!]])
}

/**
 * An X report as CSV: the same figures as the Z report's, under a title and a line that say it
 * is not a closing, with when it was taken and its number in the shift.
 */
export function xReportCsv(
  x: XReport,
  language: Language,
  formatTime: (iso: string) => string = (iso) => iso,
  mark?: string
): string {
  const h = HEADINGS[language]
  return reportCsv(x.report, language, formatTime, [
    ...(mark ? [[mark]] : []),
    [h.xTitle!],
    [h.xNotice!],
    [h.xTaken!, formatTime(x.takenAt)],
    [h.xNumber!, x.number]
  ])
}

function reportCsv(
  report: ZReport,
  language: Language,
  formatTime: (iso: string) => string,
  head: (string | number)[][]
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
    ...head,
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
    // who did what: the rows of a currency add up to its totals (approvals with the unconfirmed)
    ...(report.operators.length
      ? [
          [],
          [h.byOperator!],
          [
            h.operator!,
            h.account!,
            h.currency!,
            h.approvals!,
            h.approvalsAmount!,
            h.rejections!,
            h.rejectionsAmount!,
            h.deposits!,
            h.depositsAmount!
          ],
          ...report.operators.map((row) => [
            row.name,
            row.operatorId ?? '',
            row.currency,
            row.approvals.count,
            amount(row.approvals.minor, row.currency),
            row.rejections.count,
            amount(row.rejections.minor, row.currency),
            row.deposits.count,
            amount(row.deposits.minor, row.currency)
          ])
        ]
      : []),
    // damage found in the journal during the shift: open, or acknowledged by a supervisor with a note
    ...(report.incidents.length
      ? [
          [],
          [h.incidents!],
          [h.incidentAt!, h.reason!, h.entry!, h.line!, h.places!, h.acknowledgedAt!, h.approver!, h.note!],
          ...report.incidents.map((row) => [
            formatTime(row.at),
            row.reason,
            row.seq ?? '',
            row.line,
            row.places,
            row.acknowledged ? formatTime(row.acknowledged.at) : h.open!,
            row.acknowledged?.by ?? '',
            row.acknowledged?.note ?? ''
          ])
        ]
      : []),
    [],
    [h.note!, report.note]
  ]
  return '\uFEFF' + rows.map((row) => row.map(cell).join(separator)).join('\r\n') + '\r\n'
}
