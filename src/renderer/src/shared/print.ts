/**
 * What goes on paper. The print stylesheet (print.css) hides the whole window and shows only
 * the document named on <html data-print>: the counter's receipt, a reprint from the journal,
 * or the Z report. Without a name (the browser's own print, the LuxCore voucher) nothing of
 * ours is printed.
 */
export const printTargets = ['receipt', 'reprint', 'zreport', 'link'] as const
export type PrintTarget = (typeof printTargets)[number]

/** Names the document to print while `run` lays the page out for paper (print or PDF). */
export async function withPrintTarget<T>(target: PrintTarget, run: () => T | Promise<T>): Promise<T> {
  const root = document.documentElement
  root.dataset['print'] = target
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
  try {
    window.print()
  } finally {
    delete root.dataset['print']
  }
}
