import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { decisionRecord, fakeApi, publicSettings, type FakeApi } from './fake-api'
import { renderApp, scan, settle } from './render'

/** What the page looked like while main printed: which document, on which roll. */
function recordPrints(api: FakeApi) {
  const seen: { target: string | undefined; paper: string | undefined; input: unknown }[] = []
  api['app.print'].mockImplementation(async (input) => {
    const root = document.documentElement
    seen.push({ target: root.dataset['print'], paper: root.dataset['paper'], input })
    return { ok: true, value: { silent: true } }
  })
  return seen
}

const systemDialog = () => {
  const opened: (string | undefined)[] = []
  vi.spyOn(window, 'print').mockImplementation(() => opened.push(document.documentElement.dataset['print']))
  return opened
}

afterEach(() => vi.restoreAllMocks())

async function approve(api: FakeApi) {
  const rendered = await renderApp(api)
  await scan(rendered.user, '6567704')
  await rendered.user.keyboard('{F8}{Enter}')
  await settle()
  return rendered
}

describe('the receipt printer', () => {
  it('with a printer chosen, Ctrl+P sends the receipt to it laid out for the roll, without the system dialog', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ printerName: 'EPSON', paperWidthMm: 58 })
    })
    api['luka.decide'].mockResolvedValue({ ok: true, value: decisionRecord() })
    const prints = recordPrints(api)
    const dialog = systemDialog()
    const { user } = await approve(api)
    await user.keyboard('{Control>}p{/Control}')
    await settle()
    expect(prints).toEqual([{ target: 'receipt', paper: '58', input: expect.objectContaining({ target: 'receipt' }) }])
    expect(dialog).toEqual([])
    // afterwards the page is the app again
    expect(document.documentElement.dataset['paper']).toBeUndefined()
    expect(document.documentElement.dataset['print']).toBeUndefined()
    expect(screen.getAllByRole('status').some((status) => status.textContent?.includes('EPSON'))).toBe(true)
  })

  it('without a printer, the system print dialog as before (and main is not asked to print)', async () => {
    const api = fakeApi()
    api['luka.decide'].mockResolvedValue({ ok: true, value: decisionRecord() })
    const dialog = systemDialog()
    const { user } = await approve(api)
    await user.keyboard('{Control>}p{/Control}')
    await settle()
    expect(dialog).toEqual(['receipt'])
    expect(api['app.print']).not.toHaveBeenCalled()
  })

  it('browser mode (main has no printer: NOT_CONFIGURED) keeps window.print()', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({ ok: true, value: publicSettings({ printerName: 'EPSON' }) })
    api['luka.decide'].mockResolvedValue({ ok: true, value: decisionRecord() })
    api['app.print'].mockResolvedValue({ ok: false, error: { code: 'NOT_CONFIGURED' } })
    const dialog = systemDialog()
    const { user } = await approve(api)
    await user.keyboard('{Control>}p{/Control}')
    await settle()
    expect(dialog).toEqual(['receipt'])
  })

  it('a printer that fails says so in the teller’s words, with the reason', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({ ok: true, value: publicSettings({ printerName: 'EPSON' }) })
    api['luka.decide'].mockResolvedValue({ ok: true, value: decisionRecord() })
    api['app.print'].mockResolvedValue({ ok: false, error: { code: 'PRINT_FAILED', providerMessage: 'Out of paper' } })
    const { user } = await approve(api)
    await user.keyboard('{Control>}p{/Control}')
    await settle()
    expect(document.body.textContent).toContain('No se pudo imprimir')
    expect(document.body.textContent).toContain('Out of paper')
  })
})

describe('settings: printer and diagnostics', () => {
  async function openSettings(api: FakeApi) {
    const rendered = await renderApp(api)
    await rendered.user.keyboard('{Control>},{/Control}')
    await settle()
    return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Ajustes' }) }
  }

  it('lists the printers, test-prints the choice on its roll before saving, and saves it', async () => {
    const api = fakeApi()
    const prints = recordPrints(api)
    const { user, dialog } = await openSettings(api)
    const printer = within(dialog).getByRole('combobox', { name: 'Impresora' })
    const test = within(dialog).getByRole('button', { name: 'Imprimir prueba' })
    expect(test).toHaveProperty('disabled', true) // no printer: nothing to test
    await user.selectOptions(printer, 'EPSON_TM_T20III')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Ancho del rollo' }), '58')
    await user.click(test)
    await settle()
    expect(prints).toEqual([
      {
        target: 'test',
        paper: '58',
        input: expect.objectContaining({ target: 'test', printer: { name: 'EPSON_TM_T20III', paperWidthMm: 58 } })
      }
    ])
    await user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    expect(api['settings.update']).toHaveBeenCalledWith(
      expect.objectContaining({ printerName: 'EPSON_TM_T20III', paperWidthMm: 58 })
    )
  })

  it('Export diagnostics says where the file is', async () => {
    const api = fakeApi()
    const { user, dialog } = await openSettings(api)
    await user.click(within(dialog).getByRole('button', { name: 'Exportar diagnóstico' }))
    await settle()
    expect(api['app.exportDiagnostics']).toHaveBeenCalledOnce()
    expect(dialog.textContent).toContain('/datos/diagnostics/taquilla-diagnostics-2024-05-02.json')
  })
})
