import type { TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import { layOutForRoll, printOnly, withPrintTarget, type PrintTarget } from './print'
import type { SliceCreator } from './store'

/** What the last "print" or "save as PDF" did, told beside the buttons of that document. */
export type PrintNotice =
  | { target: PrintTarget; kind: 'saving' }
  | { target: PrintTarget; kind: 'saved'; path: string | null }
  | { target: PrintTarget; kind: 'notSaved' }
  | { target: PrintTarget; kind: 'printInstead' }
  | { target: PrintTarget; kind: 'printed'; printer: string }
  | { target: PrintTarget; kind: 'error'; error: AppError }

/** Printing and PDFs for every document (receipts, Z report), shared by the features. */
export interface PrintSlice {
  printNotice: PrintNotice | null
  /**
   * With a receipt printer chosen in the settings (Electron), the document goes to it silently,
   * laid out for the roll; without one — or in browser mode — the system print dialog opens, as
   * before. `printer` is the settings form's Test print: the printer being chosen, not yet saved.
   */
  printDocument: (target: PrintTarget, printer?: { name: string; paperWidthMm: 80 | 58 }) => Promise<void>
  /**
   * Electron saves the page as PDF through a save dialog. The browser (harness) cannot:
   * main answers NOT_CONFIGURED, and the print dialog opens instead, with the hint to choose
   * "Guardar como PDF" as the printer.
   */
  saveDocumentPdf: (target: PrintTarget, name: string) => Promise<void>
  clearPrintNotice: () => void
}

export const createPrintSlice =
  (api: TaquillaApi): SliceCreator<PrintSlice> =>
  (set, get) => ({
    printNotice: null,

    printDocument: async (target, printer) => {
      set({ printNotice: null })
      let chosen = printer
      if (!chosen) {
        const settings = await api['settings.get'](undefined)
        if (settings.ok && settings.value.printerName !== '')
          chosen = { name: settings.value.printerName, paperWidthMm: settings.value.paperWidthMm }
      }
      if (!chosen) return printOnly(target)
      const { name, paperWidthMm } = chosen
      const printed = await withPrintTarget(target, async () => {
        const roll = layOutForRoll(target, paperWidthMm)
        try {
          return await api['app.print']({ target, heightMm: roll.heightMm, ...(printer ? { printer } : {}) })
        } finally {
          roll.undo()
        }
      })
      if (printed.ok && printed.value.silent) set({ printNotice: { target, kind: 'printed', printer: name } })
      else if (printed.ok || printed.error.code === 'NOT_CONFIGURED') printOnly(target)
      else set({ printNotice: { target, kind: 'error', error: printed.error } })
    },

    saveDocumentPdf: async (target, name) => {
      if (get().printNotice?.kind === 'saving') return
      set({ printNotice: { target, kind: 'saving' } })
      const saved = await withPrintTarget(target, () => api['app.savePdf']({ name }))
      if (saved.ok) {
        set({
          printNotice: saved.value.saved
            ? { target, kind: 'saved', path: saved.value.path }
            : { target, kind: 'notSaved' }
        })
      } else if (saved.error.code === 'NOT_CONFIGURED') {
        set({ printNotice: { target, kind: 'printInstead' } })
        // let the hint reach the screen before the print dialog takes over
        setTimeout(() => printOnly(target), 0)
      } else {
        set({ printNotice: { target, kind: 'error', error: saved.error } })
      }
    },

    clearPrintNotice: () => set({ printNotice: null })
  })
