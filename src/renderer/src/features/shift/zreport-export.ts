import type { XReport, ZReport } from '@shared/books'
import { xReportCsv, zReportCsv } from '@shared/books-csv'
import type { Language } from '@shared/contract'
import { formatTime, localDay } from '../../shared/format'

/** "Agencia CCCT, Taquilla 2" → "agencia-ccct-taquilla-2" */
export function slug(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return plain || 'taquilla'
}

/** The day the report is about: when the shift closed (or opened, while it is still open). */
export function reportDay(report: ZReport): string {
  return localDay(report.shift.closedAt ?? report.shift.openedAt) ?? ''
}

export function csvFileName(report: ZReport): string {
  return `reporte-z-${slug(report.shift.terminal)}-${reportDay(report)}.csv`
}

/** Local date and time a spreadsheet reads as such: "2024-05-02 14:05". */
const csvTime =
  (language: Language) =>
  (iso: string): string =>
    `${localDay(iso) ?? ''} ${formatTime(iso, language) ?? ''}`.trim() || iso

/**
 * Downloads the Z report as CSV in the UI's language (decimal comma and `;` in Spanish): a
 * Blob behind a temporary <a download>, so the window never navigates. Returns the file name.
 */
export function downloadZReportCsv(report: ZReport, language: Language, mark?: string): string {
  const name = csvFileName(report)
  download(name, zReportCsv(report, language, csvTime(language), mark))
  return name
}

/** The X report's CSV, named apart from the Z report's: reporte-x-<terminal>-<day>-<number>.csv */
export function downloadXReportCsv(x: XReport, language: Language, mark?: string): string {
  const name = `reporte-x-${slug(x.report.shift.terminal)}-${localDay(x.takenAt) ?? ''}-${x.number}.csv`
  download(name, xReportCsv(x, language, csvTime(language), mark))
  return name
}

function download(name: string, text: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // the download has started; the URL can go once the click was handled
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
