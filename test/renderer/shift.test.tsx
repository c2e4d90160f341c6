import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import { formatTime } from '@renderer/shared/format'
import { fakeApi } from './fake-api'
import { shiftOf, totals, zReport } from './fake-books'
import { renderApp, settle } from './render'

const usd = (minor: number) => formatMoney({ minor, currency: 'USD' }, 'es-VE')
const statusBar = () => screen.getByRole('contentinfo', { name: 'Barra de estado' })

/** An open shift: USD 100,00 float, two approvals Luka confirmed (USD 266,53), one it has not (USD 16,03). */
function withOpenShift() {
  const api = fakeApi()
  const shift = shiftOf({ float: [{ minor: 10000, currency: 'USD' }] })
  const running = zReport({
    shift,
    currencies: [
      totals('USD', {
        float: 10000,
        approvals: { count: 2, minor: 26653 },
        approvalsWaiting: { count: 1, minor: 1603 },
        rejections: { count: 1, minor: 5000 }
      })
    ],
    waiting: [{ transactionId: 96338, amount: { minor: 1603, currency: 'USD' }, state: 'queued' }]
  })
  api['shift.current'].mockResolvedValue({ ok: true, value: { shift, report: running } })
  return { api, shift }
}

describe('opening a shift (F3)', () => {
  it('asks the float per currency, reads it exactly, sends minor units (blank = 0) and says since when', async () => {
    const { user, api } = await renderApp()
    expect(statusBar().textContent).toContain('Sin turno abierto')
    const button = within(statusBar()).getByRole('button', { name: 'Turno' })
    expect(button.getAttribute('aria-keyshortcuts')).toBe('F3')
    expect(button.querySelector('kbd')?.textContent).toBe('F3')
    await user.keyboard('{F3}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Abrir turno' })
    const usdField = within(dialog).getByRole('textbox', { name: 'Fondo inicial en USD' })
    expect(document.activeElement).toBe(usdField)
    expect(within(dialog).getByRole('textbox', { name: 'Fondo inicial en VES' })).toBeTruthy()
    expect(within(dialog).getByRole('textbox', { name: 'Fondo inicial en MXN' })).toBeTruthy()
    await user.keyboard('1.234,56')
    expect(dialog.textContent).toContain(`= ${usd(123456)}`)
    await user.tab()
    await user.keyboard('0,1')
    await user.keyboard('{Enter}')
    await settle()
    expect(api['shift.open']).toHaveBeenCalledWith({
      float: [
        { currency: 'USD', minor: 123456 },
        { currency: 'VES', minor: 10 },
        { currency: 'MXN', minor: 0 }
      ]
    })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(statusBar().textContent).toContain(`Turno abierto desde ${formatTime('2024-05-02T12:30:00.000Z', 'es')}`)
  })

  it('an unreadable float is refused beside its field, and nothing is sent', async () => {
    const { user, api } = await renderApp()
    await user.keyboard('{F3}')
    await settle()
    await user.keyboard('12,345{Tab}1,2,3{Enter}')
    const dialog = screen.getByRole('dialog', { name: 'Abrir turno' })
    expect(within(dialog).getByRole('alert').textContent).toContain('No se entiende el monto')
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Fondo inicial en VES' }))
    expect(api['shift.open']).not.toHaveBeenCalled()
  })
})

describe('closing a shift (F3 with a shift open)', () => {
  it('shows expected cash, the unconfirmed approvals apart, and the variance live', async () => {
    const { api } = withOpenShift()
    const { user } = await renderApp(api)
    expect(statusBar().textContent).toContain('Turno abierto desde')
    await user.keyboard('{F3}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Cerrar turno' })
    const row = within(dialog).getByRole('row', { name: /^USD/ })
    expect(row.textContent).toContain(usd(38256)) // 100,00 + 266,53 + 16,03
    const waiting = within(dialog).getByRole('region', { name: 'Efectivo recibido, Luka aún no confirma' })
    expect(waiting.textContent).toContain('96338')
    expect(waiting.textContent).toContain(usd(1603))
    const counted = within(dialog).getByRole('textbox', { name: 'Contado en USD' })
    expect(document.activeElement).toBe(counted)
    await user.keyboard('380')
    expect(row.textContent).toContain(`Faltante ${usd(256)}`)
    await user.clear(counted)
    await user.keyboard('383,56')
    expect(row.textContent).toContain(`Sobrante ${usd(100)}`)
    await user.clear(counted)
    await user.keyboard('382,56')
    expect(row.textContent).toContain('Cuadra')
  })

  it('a short count requires a note, then closes and shows the Z report with the variance', async () => {
    const { user, api } = await renderApp()
    await user.keyboard('{F3}')
    await settle()
    await user.keyboard('100{Enter}')
    await settle()
    await user.keyboard('{F3}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Cerrar turno' })
    await user.keyboard('93,47{Enter}')
    const note = within(dialog).getByRole('textbox', { name: /Nota del cierre/ })
    expect(within(dialog).getByRole('alert').textContent).toContain('escriba una nota')
    expect(document.activeElement).toBe(note)
    expect(note.getAttribute('aria-invalid')).toBe('true')
    expect(api['shift.close']).not.toHaveBeenCalled()
    await user.keyboard('Faltan billetes{Enter}')
    await settle()
    expect(api['shift.close']).toHaveBeenCalledWith({
      counted: [
        { currency: 'USD', minor: 9347 },
        { currency: 'VES', minor: 0 },
        { currency: 'MXN', minor: 0 }
      ],
      note: 'Faltan billetes'
    })
    const report = screen.getByRole('dialog', { name: 'Reporte Z' })
    const usdRow = within(report).getAllByRole('row', { name: /^USD/ })[0]!
    expect(usdRow.textContent).toContain(`Faltante ${usd(653)}`)
    expect(report.textContent).toContain('Faltan billetes')
    expect(report.textContent).toContain('Diario íntegro')
    expect(statusBar().textContent).toContain('Sin turno abierto')
  })

  it('main’s own refusal (noteRequired) lands beside the note', async () => {
    const { api } = withOpenShift()
    api['shift.close'].mockResolvedValue({
      ok: false,
      error: { code: 'VALIDATION', reason: 'noteRequired', field: 'note' }
    })
    const { user } = await renderApp(api)
    await user.keyboard('{F3}')
    await settle()
    await user.keyboard('382,56{Enter}') // balanced here, but main counted something else meanwhile
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Cerrar turno' })
    expect(within(dialog).getByRole('alert').textContent).toContain('escriba una nota')
    expect(
      within(dialog)
        .getByRole('textbox', { name: /Nota del cierre/ })
        .getAttribute('aria-invalid')
    ).toBe('true')
  })

  it('past shifts: the list opens a closed shift’s Z report', async () => {
    const api = fakeApi()
    const closed = zReport({
      shift: shiftOf({ id: 'old', closedAt: '2024-05-01T20:00:00.000Z' }),
      currencies: [totals('USD', { float: 5000, counted: 5000, variance: 0 })],
      note: 'Todo en orden'
    })
    api['shift.list'].mockResolvedValue({ ok: true, value: [closed.shift] })
    api['shift.report'].mockResolvedValue({ ok: true, value: closed })
    const { user } = await renderApp(api)
    await user.keyboard('{F3}')
    await settle()
    await user.click(screen.getByRole('button', { name: 'Turnos anteriores' }))
    await settle()
    const list = screen.getByRole('listbox', { name: 'Turnos cerrados' })
    expect(document.activeElement).toBe(list)
    await user.keyboard('{Enter}')
    await settle()
    expect(api['shift.report']).toHaveBeenCalledWith({ shiftId: 'old' })
    const report = screen.getByRole('dialog', { name: 'Reporte Z' })
    expect(report.textContent).toContain('Todo en orden')
    expect(report.textContent).toContain('Cuadra')
  })
})
