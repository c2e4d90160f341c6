import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ZReport } from '@shared/books'
import { zReportCsv } from '@shared/books-csv'
import { formatMoney } from '@shared/money'
import { formatTime, localDay } from '@renderer/shared/format'
import { fakeApi, type FakeApi } from './fake-api'
import { shiftOf, totals, zReport } from './fake-books'
import { renderApp, settle } from './render'

const closed: ZReport = zReport({
  shift: shiftOf({ id: 'z1', terminal: 'Agencia Ñemby, Taquilla 2', closedAt: '2024-05-02T20:00:00.000Z' }),
  currencies: [
    totals('USD', {
      float: 10000,
      approvals: { count: 2, minor: 26653 },
      rejections: { count: 1, minor: 5000 },
      counted: 36000,
      variance: -653
    })
  ],
  actions: [
    { action: 'decision', result: 'approve', count: 2 },
    { action: 'decision', result: 'reject', count: 1 }
  ],
  note: 'Faltan billetes'
})

/** Opens the Z report of a past shift: F3, "Turnos anteriores", Enter. */
async function openReport(api: FakeApi = fakeApi()) {
  api['shift.list'].mockResolvedValue({ ok: true, value: [closed.shift] })
  api['shift.report'].mockResolvedValue({ ok: true, value: closed })
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{F3}')
  await settle()
  await rendered.user.click(screen.getByRole('button', { name: /Turnos anteriores|Past shifts/ }))
  await settle()
  await rendered.user.keyboard('{Enter}')
  await settle()
  return { ...rendered, dialog: screen.getByRole('dialog', { name: /Reporte Z|Z report/ }) }
}

let blobs: Blob[]
let clicked: HTMLAnchorElement[]
beforeEach(() => {
  blobs = []
  clicked = []
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob)
        return 'blob:taquilla/1'
      }),
      revokeObjectURL: vi.fn()
    })
  )
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('the Z report view', () => {
  it('shows who, when, the totals per currency, counts per action, the note and the journal check', async () => {
    const { dialog } = await openReport()
    const text = dialog.textContent ?? ''
    for (const part of [
      'Agencia Ñemby, Taquilla 2',
      'María Pérez',
      'Faltan billetes',
      'Diario íntegro',
      'Decisión',
      'aprobación',
      'rechazo'
    ]) {
      expect(text).toContain(part)
    }
    const usdRow = within(dialog).getAllByRole('row', { name: /^USD/ })[0]!
    expect(usdRow.textContent).toContain(`2 · ${formatMoney({ minor: 26653, currency: 'USD' }, 'es-VE')}`)
    expect(usdRow.textContent).toContain(`1 · ${formatMoney({ minor: 5000, currency: 'USD' }, 'es-VE')}`)
    expect(usdRow.textContent).toContain('Faltante')
  })

  it('declares and shows its shortcuts: Ctrl+P prints, Ctrl+E exports CSV, Ctrl+S saves a PDF', async () => {
    const { dialog } = await openReport()
    const expected: Record<string, [string, string]> = {
      Imprimir: ['Control+P', 'Ctrl+P'],
      'Exportar CSV': ['Control+E', 'Ctrl+E'],
      'Guardar PDF': ['Control+S', 'Ctrl+S']
    }
    for (const [name, [aria, hint]] of Object.entries(expected)) {
      const button = within(dialog).getByRole('button', { name })
      expect(button.getAttribute('aria-keyshortcuts')).toBe(aria)
      expect(button.querySelector('kbd')?.textContent).toBe(hint)
    }
  })

  for (const language of ['es', 'en'] as const) {
    it(`CSV (${language}): zReportCsv in the UI language, downloaded as reporte-z-<terminal>-<day>.csv without navigating`, async () => {
      const api = fakeApi()
      api['app.info'].mockResolvedValue({
        ok: true,
        value: {
          version: '0.1.0',
          mode: 'harness',
          terminal: 'Agencia Ñemby, Taquilla 2',
          operator: 'María Pérez',
          language,
          training: false,
          trainingForced: false
        }
      })
      const { user, dialog } = await openReport(api)
      await user.keyboard('{Control>}e{/Control}')
      expect(blobs).toHaveLength(1)
      const time = (iso: string) => `${localDay(iso)} ${formatTime(iso, language)}`
      const csv = await blobs[0]!.text()
      expect(csv).toBe(zReportCsv(closed, language, time).replace(/^\uFEFF/, ''))
      expect(new Uint8Array(await blobs[0]!.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
      expect(blobs[0]!.type).toBe('text/csv;charset=utf-8')
      expect(csv).toContain(language === 'es' ? 'Diferencia' : 'Variance')
      expect(csv).toContain(language === 'es' ? '-6,53' : '-6.53')
      expect(clicked).toHaveLength(1)
      const name = `reporte-z-agencia-nemby-taquilla-2-${localDay('2024-05-02T20:00:00.000Z')}.csv`
      expect(clicked[0]!.download).toBe(name)
      expect(clicked[0]!.getAttribute('href')).toBe('blob:taquilla/1')
      expect(clicked[0]!.isConnected).toBe(false)
      expect(dialog.textContent).toContain(name)
    })
  }

  it('Imprimir: the system print dialog with only the Z report named for paper', async () => {
    const printed: (string | undefined)[] = []
    vi.stubGlobal(
      'print',
      vi.fn(() => printed.push(document.documentElement.dataset['print']))
    )
    const { user } = await openReport()
    await user.keyboard('{Control>}p{/Control}')
    expect(printed).toEqual(['zreport'])
    expect(document.documentElement.dataset['print']).toBeUndefined()
    const paper = document.querySelector('.print-doc-zreport')
    expect(paper?.getAttribute('aria-hidden')).toBe('true')
    expect(document.getElementById('root')?.contains(paper)).toBeFalsy()
    expect(paper?.textContent).toContain('Faltan billetes')
  })

  it('PDF in Electron: app.savePdf with the report’s name while it is the document on paper; says where it went', async () => {
    const api = fakeApi()
    let named: string | undefined
    api['app.savePdf'].mockImplementation(async ({ name }) => {
      named = document.documentElement.dataset['print']
      return { ok: true, value: { saved: true, path: `/home/cajera/${name}.pdf` } }
    })
    const { user, dialog } = await openReport(api)
    await user.keyboard('{Control>}s{/Control}')
    await settle()
    const day = localDay('2024-05-02T20:00:00.000Z')
    expect(api['app.savePdf']).toHaveBeenCalledWith({ name: `Reporte Z Agencia Ñemby, Taquilla 2 ${day}` })
    expect(named).toBe('zreport')
    expect(within(dialog).getByRole('status').textContent).toContain(
      `/home/cajera/Reporte Z Agencia Ñemby, Taquilla 2 ${day}.pdf`
    )
  })

  it('PDF in the browser (NOT_CONFIGURED): falls back to print and tells the teller to choose “Guardar como PDF”', async () => {
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const api = fakeApi()
    api['app.savePdf'].mockResolvedValue({ ok: false, error: { code: 'NOT_CONFIGURED' } })
    const { user, dialog } = await openReport(api)
    await user.click(within(dialog).getByRole('button', { name: 'Guardar PDF' }))
    await settle()
    expect(print).toHaveBeenCalledTimes(1)
    expect(within(dialog).getByRole('status').textContent).toContain('elija «Guardar como PDF»')
  })
})
