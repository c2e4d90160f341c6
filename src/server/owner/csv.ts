import { currencyExponent, minorToDecimal } from '@shared/money'
import { WORDS, type Lang } from './i18n'
import type { ShiftRow } from './reconcile'

/**
 * The day's shifts as CSV, the way the counter's Z report CSV is written (src/shared/books-csv.ts):
 * Spanish `;` and a decimal comma, English `,` and a point; plain decimals; UTF-8 BOM, CRLF; a
 * text cell starting with = + - @ is quoted out of formula reach.
 */
export function dayCsv(rows: ShiftRow[], lang: Lang): string {
  const w = WORDS[lang]
  const separator = lang === 'es' ? ';' : ','
  const amount = (minor: number | null, currency: string) => {
    if (minor === null) return ''
    const decimal = minorToDecimal(minor, currencyExponent(currency))
    return lang === 'es' ? decimal.replace('.', ',') : decimal
  }
  const cell = (value: string | number) => {
    let text = String(value)
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
    return /[";,\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const head = [w.agency, w.counter, w.operator, w.opened, w.closed, w.currency, w.float]
  for (const key of ['approvals', 'waiting', 'rejections', 'deposits', 'links'] as const)
    head.push(`${w[key]} (n)`, w[key])
  head.push(w.expected, w.counted, w.variance)
  const lines = [head.map(cell).join(separator)]
  for (const row of rows) {
    const pairs = [row.approvals, row.approvalsWaiting, row.rejections, row.deposits, row.links].flatMap((pair) => [
      String(pair.count),
      amount(pair.minor, row.currency)
    ])
    lines.push(
      [
        cell(row.agency),
        cell(row.counter),
        cell(row.operator),
        row.openedAt,
        row.closedAt ?? '',
        row.currency,
        amount(row.float, row.currency),
        ...pairs,
        amount(row.expected, row.currency),
        amount(row.counted, row.currency),
        amount(row.variance, row.currency)
      ].join(separator)
    )
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
