import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TaquillaApi } from '@shared/contract'
import { printTargets, type PrintTarget } from '@renderer/shared/print'
import { createPrintSlice, type PrintSlice } from '@renderer/shared/print-slice'
import { usePrintedAt } from '@renderer/shared/printed-at'
import { fakeApi, publicSettings, type FakeApi } from './fake-api'

/** The slice alone, as the store builds it. */
function printSlice(api: FakeApi): () => PrintSlice {
  let state: PrintSlice
  const set = (partial: Partial<PrintSlice> | ((s: PrintSlice) => Partial<PrintSlice>)): void => {
    state = { ...state, ...(typeof partial === 'function' ? partial(state) : partial) }
  }
  state = createPrintSlice(api as unknown as TaquillaApi)(set, () => state)
  return () => state
}

/** Every document as its component renders it, one inch tall (jsdom lays nothing out). */
function documents(): void {
  for (const target of printTargets) {
    const element = document.createElement('div')
    element.className = target === 'voucher' ? 'print-doc-voucher print-voucher' : `print-doc print-doc-${target}`
    element.getBoundingClientRect = () => ({ height: 96 }) as DOMRect // 96 CSS px = 1 in = 25.4 mm
    document.body.append(element)
  }
}

function PrintedAt() {
  return <p data-testid="printed-at">{usePrintedAt()}</p>
}

let api: FakeApi
let dialog: (string | undefined)[]
beforeEach(() => {
  api = fakeApi()
  dialog = []
  vi.spyOn(window, 'print').mockImplementation(() => void dialog.push(document.documentElement.dataset['print']))
  documents()
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('one print pipeline: every document kind, the same target choice', () => {
  it('with a receipt printer chosen, every document goes to it, laid out for the roll and measured', async () => {
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ printerName: 'EPSON', paperWidthMm: 80 })
    })
    const seen: { target?: string; paper?: string; heightMm?: number }[] = []
    api['app.print'].mockImplementation(async (input) => {
      const root = document.documentElement
      seen.push({ target: root.dataset['print'], paper: root.dataset['paper'], heightMm: input.heightMm })
      return { ok: true, value: { silent: true } }
    })
    const state = printSlice(api)
    for (const target of printTargets) {
      await state().printDocument(target)
      expect(state().printNotice).toEqual({ target, kind: 'printed', printer: 'EPSON' })
    }
    // 25.4 mm of document (rounded up) + 8 mm of feed, for each one: the voucher is found like the others
    expect(seen).toEqual(printTargets.map((target) => ({ target, paper: '80', heightMm: 34 })))
    expect(dialog).toEqual([])
    expect(document.documentElement.dataset['print']).toBeUndefined()
    expect(document.documentElement.dataset['paper']).toBeUndefined()
  })

  it('without one, every document opens the system print dialog, named for paper; main is not asked', async () => {
    const state = printSlice(api)
    for (const target of printTargets) await state().printDocument(target)
    expect(dialog).toEqual([...printTargets])
    expect(api['app.print']).not.toHaveBeenCalled()
  })

  it('browser mode (main answers NOT_CONFIGURED): every document falls back to the browser’s print', async () => {
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ printerName: 'EPSON', paperWidthMm: 58 })
    })
    api['app.print'].mockResolvedValue({ ok: false, error: { code: 'NOT_CONFIGURED' } })
    const state = printSlice(api)
    for (const target of printTargets) await state().printDocument(target)
    expect(dialog).toEqual([...printTargets])
  })

  it('a printer that refuses is told beside that document, whichever it is', async () => {
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ printerName: 'EPSON', paperWidthMm: 58 })
    })
    api['app.print'].mockResolvedValue({ ok: false, error: { code: 'PRINT_FAILED', providerMessage: 'no paper' } })
    const state = printSlice(api)
    for (const target of ['voucher', 'xreport'] as PrintTarget[]) {
      await state().printDocument(target)
      expect(state().printNotice).toMatchObject({ target, kind: 'error', error: { code: 'PRINT_FAILED' } })
    }
    expect(dialog).toEqual([])
  })

  it('"Printed" is stamped by the pipeline on every path (receipt printer, dialog, PDF) and by the one beforeprint', async () => {
    // later than any stamp the tests above left (the stamp lives as long as the page)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2030-05-02T14:00:00.000Z'))
    render(<PrintedAt />)
    const shown = () => screen.getByTestId('printed-at').textContent
    expect(shown()).toBe('2030-05-02T14:00:00.000Z')
    const state = printSlice(api)

    vi.setSystemTime(new Date('2030-05-02T14:01:00.000Z'))
    await act(() => state().printDocument('receipt')) // the dialog (window.print is mocked: no beforeprint)
    expect(shown()).toBe('2030-05-02T14:01:00.000Z')

    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ printerName: 'EPSON', paperWidthMm: 80 })
    })
    api['app.print'].mockResolvedValue({ ok: true, value: { silent: true } })
    vi.setSystemTime(new Date('2030-05-02T14:02:00.000Z'))
    await act(() => state().printDocument('voucher'))
    expect(shown()).toBe('2030-05-02T14:02:00.000Z')

    vi.setSystemTime(new Date('2030-05-02T14:03:00.000Z'))
    await act(() => state().saveDocumentPdf('zreport', 'Reporte Z'))
    expect(shown()).toBe('2030-05-02T14:03:00.000Z')

    vi.setSystemTime(new Date('2030-05-02T14:04:00.000Z'))
    act(() => void window.dispatchEvent(new Event('beforeprint')))
    expect(shown()).toBe('2030-05-02T14:04:00.000Z')
  })
})
