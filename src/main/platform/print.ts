import { writeFile } from 'node:fs/promises'
import type { BrowserWindow, Dialog } from 'electron'

/**
 * Saves what the window shows (a receipt, a Z report — the page's print stylesheet decides)
 * as a PDF the teller places with the system save dialog.
 */
export function createPdfSaver(window: () => BrowserWindow | null, dialog: Pick<Dialog, 'showSaveDialog'>) {
  return async (name: string): Promise<{ saved: boolean; path: string | null }> => {
    const current = window()
    if (!current || current.isDestroyed()) return { saved: false, path: null }
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    const safeName = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').slice(0, 100) || 'taquilla'
    const data = await current.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
    const choice = await dialog.showSaveDialog(current, {
      defaultPath: `${safeName}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }]
    })
    if (choice.canceled || !choice.filePath) return { saved: false, path: null }
    await writeFile(choice.filePath, data)
    return { saved: true, path: choice.filePath }
  }
}
