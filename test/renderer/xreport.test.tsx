import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { XReport } from '@shared/books'
import { xReportCsv } from '@shared/books-csv'
import { formatMoney } from '@shared/money'
import { formatTime, localDay } from '@renderer/shared/format'
import { fakeApi, type FakeApi } from './fake-api'
import { shiftOf, totals, zReport } from './fake-books'
import { renderApp, settle } from './render'

const usd = (minor: number) => formatMoney({ minor, currency: 'USD' }, 'es-VE')
const ves = (minor: number) => formatMoney({ minor, currency: 'VES' }, 'es-VE')
const shift = shiftOf({ float: [{ minor: 10000, currency: 'USD' }] })
const running = zReport({
  shift,
  currencies: [
    totals('USD', { float: 10000, approvals: { count: 2, minor: 4204 }, approvalsWaiting: { count: 1, minor: 1 } }),
    totals('VES', { rejections: { count: 1, minor: 125050 } })
  ],
  operators: [
    {
      operatorId: 'op-7',
      name: 'José Díaz',
      currency: 'USD',
      approvals: { count: 1, minor: 2601 },
      rejections: { count: 0, minor: 0 },
      deposits: { count: 0, minor: 0 }
    },
    {
      operatorId: null,
      name: 'María Pérez',
      currency: 'USD',
      approvals: { count: 2, minor: 1604 },
      rejections: { count: 0, minor: 0 },
      deposits: { count: 0, minor: 0 }
    },
    {
      operatorId: null,
      name: 'María Pérez',
      currency: 'VES',
      approvals: { count: 0, minor: 0 },
      rejections: { count: 1, minor: 125050 },
      deposits: { count: 0, minor: 0 }
    }
  ]
})
const taken: XReport = { report: running, takenAt: '2024-05-02T15:30:00.000Z', number: 2 }

async function withOpenShift(language: 'es' | 'en' = 'es', api: FakeApi = fakeApi()) {
  api['app.info'].mockResolvedValue({
    ok: true,
    value: {
      version: '0.1.0',
      mode: 'harness',
      terminal: 'Agencia CCCT, Taquilla 2',
      operator: 'María Pérez',
      language,
      training: false,
      trainingForced: false
    }
  })
  api['shift.current'].mockResolvedValue({ ok: true, value: { shift, report: running } })
  api['shift.xReport'].mockResolvedValue({ ok: true, value: taken })
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{F3}')
  await settle()
  return { ...rendered, api }
}

let blobs: Blob[]
let printed: (string | undefined)[]
beforeEach(() => {
  blobs = []
  printed = []
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => (blobs.push(blob), 'blob:taquilla/x')),
      revokeObjectURL: vi.fn()
    })
  )
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  vi.stubGlobal(
    'print',
    vi.fn(() => printed.push(document.documentElement.dataset['print']))
  )
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('the X report (Alt+X in the shift dialog)', () => {
  it('is offered beside closing, with its shortcut declared and shown; Alt+X from the count field takes it', async () => {
    const { user, api } = await withOpenShift()
    const dialog = screen.getByRole('dialog', { name: 'Cerrar turno' })
    const button = within(dialog).getByRole('button', { name: /Reporte X/ })
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+X')
    expect(button.querySelector('kbd')?.textContent).toBe('Alt+X')
    // the focus is in the first count field: the key still reaches the dialog
    expect(document.activeElement?.tagName).toBe('INPUT')
    await user.keyboard('{Alt>}x{/Alt}')
    await settle()
    expect(api['shift.xReport']).toHaveBeenCalledTimes(1)
    expect(api['shift.close']).not.toHaveBeenCalled()
    const x = screen.getByRole('dialog', { name: 'Reporte X — no cierra el turno' })
    const text = x.textContent ?? ''
    expect(text).toContain('REPORTE X — NO ES UN CIERRE: el turno sigue abierto')
    expect(text).toContain('el reporte Z del cierre no cambia')
    expect(text).toContain(`Reporte X n.º2`)
    // a running report: no count, no difference, no closing note
    expect(text).not.toContain('Contado')
    expect(text).not.toContain('(sin nota)')
    const usdRow = within(x).getAllByRole('row', { name: /^USD/ })[0]!
    expect(usdRow.textContent).toContain(`2 · ${usd(4204)}`)
    // per operator: one row per operator and currency, to the cent
    const table = x.querySelector('table.zreport-operators')!
    expect(within(table as HTMLElement).getByRole('row', { name: /^José Díaz/ }).textContent).toContain(
      `1 · ${usd(2601)}`
    )
    const maria = within(table as HTMLElement).getAllByRole('row', { name: /^María Pérez/ })
    expect(maria.map((row) => row.textContent)).toEqual([
      expect.stringContaining(`2 · ${usd(1604)}`),
      expect.stringContaining(`1 · ${ves(125050)}`)
    ])
  })

  it('prints through the one pipeline (its own paper, marked), exports its CSV, and Esc leaves the shift open', async () => {
    const { user, api } = await withOpenShift()
    await user.click(screen.getByRole('button', { name: /Reporte X/ }))
    await settle()
    await user.keyboard('{Control>}p{/Control}')
    await settle()
    expect(printed).toEqual(['xreport'])
    const paper = document.querySelector('.print-doc-xreport')
    expect(paper?.getAttribute('aria-hidden')).toBe('true')
    expect(document.getElementById('root')?.contains(paper)).toBeFalsy()
    expect(paper?.textContent).toContain('NO ES UN CIERRE')
    expect(paper?.textContent).toContain('José Díaz')
    await user.keyboard('{Control>}e{/Control}')
    expect(blobs).toHaveLength(1)
    const time = (iso: string) => `${localDay(iso)} ${formatTime(iso, 'es')}`
    expect(await blobs[0]!.text()).toBe(xReportCsv(taken, 'es', time).replace(/^\uFEFF/, ''))
    const dialog = screen.getByRole('dialog', { name: /Reporte X/ })
    expect(dialog.textContent).toContain(`reporte-x-agencia-ccct-taquilla-2-${localDay(taken.takenAt)}-2.csv`)
    await user.keyboard('{Escape}')
    await settle()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api['shift.close']).not.toHaveBeenCalled()
    expect(screen.getByRole('contentinfo', { name: 'Barra de estado' }).textContent).toContain('Turno abierto desde')
  })

  it('in English: the same names, marked as not a closing', async () => {
    const { user } = await withOpenShift('en')
    const button = within(screen.getByRole('dialog', { name: 'Close shift' })).getByRole('button', {
      name: /X report/
    })
    await user.click(button)
    await settle()
    const x = screen.getByRole('dialog', { name: 'X report — does not close the shift' })
    expect(x.textContent).toContain('X REPORT — NOT A CLOSING: the shift stays open')
    expect(within(x).getByRole('columnheader', { name: 'Operator' })).toBeTruthy()
    expect(within(x).getByRole('group', { name: 'X report: print and export' })).toBeTruthy()
  })

  it('a refusal from main is shown in the dialog, in the teller’s words', async () => {
    const api = fakeApi()
    api['shift.xReport'].mockResolvedValue({ ok: false, error: { code: 'VALIDATION', reason: 'noShiftForX' } })
    const { user } = await withOpenShift('es', api)
    api['shift.xReport'].mockResolvedValue({ ok: false, error: { code: 'VALIDATION', reason: 'noShiftForX' } })
    await user.keyboard('{Alt>}x{/Alt}')
    await settle()
    expect(screen.getByRole('dialog', { name: /Reporte X/ }).textContent).toContain(
      'No hay un turno abierto: el reporte X necesita uno.'
    )
  })
})

describe('the Z report per operator', () => {
  it('the closing report lists who did what, per currency', async () => {
    const api = fakeApi()
    const { user } = await withOpenShift('es', api)
    api['shift.close'].mockResolvedValue({
      ok: true,
      value: { ...running, shift: { ...shift, closedAt: '2024-05-02T20:00:00.000Z' } }
    })
    await user.keyboard('142,05{Tab}{Enter}')
    await settle()
    const z = screen.getByRole('dialog', { name: 'Reporte Z' })
    expect(within(z).getByRole('heading', { name: 'Por operador' })).toBeTruthy()
    expect(within(z).getByRole('row', { name: /^José Díaz/ }).textContent).toContain(`1 · ${usd(2601)}`)
    expect(document.querySelector('.print-doc-zreport .zreport-operators')?.textContent).toContain('María Pérez')
  })
})
