import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, Dialog } from 'electron'
import { createPdfSaver } from '../../src/main/platform/print'

const windowWith = (pdf: Buffer) =>
  ({ isDestroyed: () => false, webContents: { printToPDF: vi.fn(async () => pdf) } }) as unknown as BrowserWindow

describe('PDF saving (platform)', () => {
  it('prints the window to PDF and writes it where the teller chose', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'taquilla-pdf-')), 'z.pdf')
    const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })) } as unknown as Dialog
    const window = windowWith(Buffer.from('%PDF-1.7 fake'))
    const result = await createPdfSaver(() => window, dialog)('Reporte Z: 21/11/2026')
    expect(result).toEqual({ saved: true, path: target })
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake')
    expect((vi.mocked(dialog.showSaveDialog).mock.calls[0] as unknown[])[1]).toMatchObject({
      defaultPath: 'Reporte Z- 21-11-2026.pdf'
    })
  })

  it('a cancelled dialog saves nothing; no window, nothing to print', async () => {
    const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) } as unknown as Dialog
    expect(await createPdfSaver(() => windowWith(Buffer.from('x')), dialog)('r')).toEqual({ saved: false, path: null })
    expect(await createPdfSaver(() => null, dialog)('r')).toEqual({ saved: false, path: null })
  })
})
