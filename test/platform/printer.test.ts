import { describe, expect, it } from 'vitest'
import { createReceiptPrinter, rollPageSize } from '../../src/main/platform/printer'
import { printingHandlers } from '../../src/main/handlers/printing'
import { SettingsService } from '../../src/main/settings/settings'
import { MemoryKeyValueStore, MemorySecretStore } from '../../src/main/settings/storage'
import { failure } from '../helpers/failure'
import { FakeBrowserWindow } from './fake-electron'

const setup = () => {
  const window = new FakeBrowserWindow({})
  window.webContents.printers = [
    { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III', description: '', options: {} },
    { name: 'PDF', displayName: '', description: '', options: {} }
  ]
  const settings = new SettingsService(new MemoryKeyValueStore(), new MemorySecretStore(), {})
  const printer = createReceiptPrinter(() => window as never)
  const handlers = printingHandlers({ settings, printer })
  return { window, settings, printer, handlers }
}

describe('receipt printer (webContents.getPrintersAsync / print)', () => {
  it('lists the printers the OS offers', async () => {
    const { handlers } = setup()
    expect(await handlers['printer.list'](undefined)).toEqual([
      { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III' },
      { name: 'PDF', displayName: 'PDF' }
    ])
  })

  it('without a chosen printer prints nothing itself: the renderer opens the system dialog, as before', async () => {
    const { handlers, window } = setup()
    expect(await handlers['app.print']({ target: 'receipt', heightMm: 120 })).toEqual({ silent: false })
    expect(window.webContents.print).not.toHaveBeenCalled()
  })

  it('with one, prints silently to it on a page the roll’s width and the document’s length', async () => {
    const { handlers, window, settings } = setup()
    settings.update({ printerName: 'EPSON_TM_T20III', paperWidthMm: 58 })
    expect(await handlers['app.print']({ target: 'zreport', heightMm: 312.4 })).toEqual({ silent: true })
    expect(window.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({
        silent: true,
        deviceName: 'EPSON_TM_T20III',
        margins: { marginType: 'none' },
        pageSize: { width: 58_000, height: 313_000 }
      }),
      expect.any(Function)
    )
  })

  it('Test print uses the printer and roll being chosen, before they are saved', async () => {
    const { handlers, window } = setup()
    await handlers['app.print']({ target: 'test', heightMm: 50, printer: { name: 'PDF', paperWidthMm: 80 } })
    expect(window.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ deviceName: 'PDF', pageSize: { width: 80_000, height: 50_000 } }),
      expect.any(Function)
    )
  })

  it("a printer that refuses is PRINT_FAILED with the OS's reason", async () => {
    const { handlers, window, settings } = setup()
    settings.update({ printerName: 'EPSON_TM_T20III' })
    window.webContents.printFailure = 'Print job failed'
    expect(await failure(Promise.resolve(handlers['app.print']({ target: 'receipt' })))).toMatchObject({
      code: 'PRINT_FAILED',
      providerMessage: 'Print job failed'
    })
  })

  it('browser mode has no printer: NOT_CONFIGURED (the renderer keeps window.print())', async () => {
    const settings = new SettingsService(new MemoryKeyValueStore(), new MemorySecretStore(), {})
    const handlers = printingHandlers({ settings })
    expect(await failure(Promise.resolve().then(() => handlers['app.print']({ target: 'receipt' })))).toMatchObject({
      code: 'NOT_CONFIGURED'
    })
    expect(await handlers['printer.list'](undefined)).toEqual([])
  })

  it('a page is never shorter than 40 mm', () => {
    expect(rollPageSize(80, 10)).toEqual({ width: 80_000, height: 40_000 })
  })
})
