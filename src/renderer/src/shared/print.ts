import { stampPrintedAt } from './printed-at'

/**
 * What goes on paper — one pipeline for every document. The print stylesheet (print.css) hides
 * the whole window and shows only the `.print-doc-<target>` named on <html data-print>: the
 * counter's receipt, a reprint from the journal, the Z and X reports, the payment-link slip,
 * the LuxCore voucher or the printer's test page; print-slice.ts picks where it goes (the receipt
 * printer, else the print dialog). Without a name (a print the browser starts itself) nothing of
 * ours is printed but an open voucher, as before.
 */
export const printTargets = ['receipt', 'reprint', 'zreport', 'xreport', 'link', 'voucher', 'test'] as const
export type PrintTarget = (typeof printTargets)[number]

/** Names the document to print while `run` lays the page out for paper (print or PDF). */
export async function withPrintTarget<T>(target: PrintTarget, run: () => T | Promise<T>): Promise<T> {
  const root = document.documentElement
  root.dataset['print'] = target
  stampPrintedAt()
  try {
    return await run()
  } finally {
    delete root.dataset['print']
  }
}

/**
 * The system print dialog for one document. `window.print()` returns when the dialog is
 * closed (Chromium, Electron), so the name is taken away right after.
 */
export function printOnly(target: PrintTarget): void {
  const root = document.documentElement
  root.dataset['print'] = target
  stampPrintedAt()
  try {
    window.print()
  } finally {
    delete root.dataset['print']
  }
}

/**
 * Lays the named document out for a thermal roll (print.css: html[data-paper]) and returns its
 * height in mm, so main can ask for a page exactly that long. Adds `@page { size: <roll> <height> }`
 * (a constructed sheet: the CSP allows no inline style). Returns the cleanup with the height.
 */
export function layOutForRoll(target: PrintTarget, paperWidthMm: 80 | 58): { heightMm?: number; undo: () => void } {
  const root = document.documentElement
  root.dataset['paper'] = String(paperWidthMm)
  const element = document.querySelector<HTMLElement>(`.print-doc-${target}`)
  const px = element?.getBoundingClientRect().height ?? 0
  // CSS px are 1/96 in; a few mm more for the printer's feed before the cut
  const heightMm = px > 0 ? Math.ceil((px * 25.4) / 96) + 8 : undefined
  const sheets = rollPageSheet(paperWidthMm, heightMm)
  return {
    heightMm,
    undo: () => {
      delete root.dataset['paper']
      sheets?.()
    }
  }
}

function rollPageSheet(widthMm: number, heightMm: number | undefined): (() => void) | null {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return null
  const sheet = new CSSStyleSheet()
  if (typeof sheet.replaceSync !== 'function') return null
  sheet.replaceSync(`@page { size: ${widthMm}mm ${heightMm ?? 200}mm; margin: 0; }`)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
  }
}
