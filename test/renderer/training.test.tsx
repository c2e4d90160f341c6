import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { zReportCsv } from '@shared/books-csv'
import { fakeApi, type FakeApi } from './fake-api'
import { zReport } from './fake-books'
import { openLuxcore } from './luxcore-fixtures'
import { renderApp, scan, settle } from './render'

/** The fake api of a window started in training mode. */
function trainingApi(language: 'es' | 'en' = 'es'): FakeApi {
  const api = fakeApi()
  api['app.info'].mockResolvedValue({
    ok: true,
    value: {
      version: '0.1.0',
      mode: 'harness',
      terminal: 'Agencia de práctica, Taquilla 1',
      operator: '',
      language,
      training: true,
      trainingForced: false
    }
  })
  return api
}

const banner = () => screen.queryByRole('note')

describe('training mode in the window', () => {
  it('shows the banner on every screen, the guided start until a card is shown, and marks the receipt', async () => {
    const { user } = await renderApp(trainingApi())
    expect(banner()?.textContent).toBe('ENTRENAMIENTO — sin pagos reales')

    const guide = screen.getByRole('region', { name: 'Para empezar: pruebe estas referencias' })
    const rows = within(guide).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      '6567704',
      '6567712',
      '6567999',
      '6567690'
    ])
    expect(rows[0]?.textContent).toContain('Aprobar un pago')
    expect(rows[0]?.textContent).toContain('María González')

    await scan(user, '6567704')
    expect(screen.queryByRole('region', { name: /Para empezar/ })).toBeNull()
    await user.keyboard('{F8}{Enter}')
    await settle()
    const receipt = document.querySelector('.print-doc-receipt')
    expect(receipt?.querySelector('.training-mark')?.textContent).toBe('ENTRENAMIENTO — sin pagos reales')

    // the panels are screens too: the banner stays
    await user.keyboard('{Control>},{/Control}')
    await settle()
    expect(screen.getByRole('dialog', { name: 'Ajustes' })).toBeTruthy()
    expect(banner()?.textContent).toBe('ENTRENAMIENTO — sin pagos reales')
  })

  it('in English too', async () => {
    await renderApp(trainingApi('en'))
    expect(banner()?.textContent).toBe('TRAINING — no real payments')
  })

  it('outside training: no banner, no guide, no mark on the receipt', async () => {
    const { user } = await renderApp()
    expect(banner()).toBeNull()
    expect(screen.queryByRole('region', { name: /Para empezar/ })).toBeNull()
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    expect(document.querySelector('.print-doc-receipt')).not.toBeNull()
    expect(document.querySelector('.training-mark')).toBeNull()
  })

  it('settings take the Luka simulator down and back up, and offer to leave training', async () => {
    const api = trainingApi()
    const { user } = await renderApp(api)
    await user.keyboard('{Control>},{/Control}')
    await settle()
    const section = screen.getByRole('region', { name: 'Modo de entrenamiento' })
    await user.click(within(section).getByRole('button', { name: 'Apagar Luka' }))
    await settle()
    expect(api['training.setLuka']).toHaveBeenCalledWith({ up: false })
    expect(within(section).getByRole('status').textContent).toMatch(/caído/)
    await user.click(within(section).getByRole('button', { name: 'Encender Luka' }))
    await settle()
    expect(api['training.setLuka']).toHaveBeenLastCalledWith({ up: true })

    await user.click(within(section).getByRole('button', { name: 'Salir del entrenamiento (reinicia)' }))
    await settle()
    expect(api['app.switchMode']).toHaveBeenCalledWith({ training: false })
    expect(within(section).getByText('Reiniciando con pagos reales…')).toBeTruthy()
  })

  it('a window with nothing configured offers practice or the settings', async () => {
    const api = fakeApi()
    api['luka.status'].mockResolvedValue({ ok: true, value: { state: 'unconfigured', checkedAt: null } })
    const { user } = await renderApp(api)
    const firstRun = screen.getByRole('region', { name: 'Luka no está configurado todavía' })

    await user.click(within(firstRun).getByRole('button', { name: 'Configurar Luka' }))
    await settle()
    expect(screen.getByRole('dialog', { name: 'Ajustes' })).toBeTruthy()
    await user.keyboard('{Escape}')
    await settle()

    await user.click(within(firstRun).getByRole('button', { name: 'Practicar (modo de entrenamiento)' }))
    await settle()
    expect(api['app.switchMode']).toHaveBeenCalledWith({ training: true })
    expect(within(firstRun).getByRole('status').textContent).toBe('Reiniciando en modo de entrenamiento…')
  })

  it('the LuxCore voucher carries the mark', async () => {
    const { user } = await openLuxcore(trainingApi())
    await user.keyboard('1234,50{Enter}')
    await settle()
    expect(document.querySelector('.print-voucher .training-mark')?.textContent).toBe(
      'ENTRENAMIENTO — sin pagos reales'
    )
  })

  it('the Z report on paper carries the mark', async () => {
    const report = zReport()
    const api = trainingApi()
    api['shift.list'].mockResolvedValue({ ok: true, value: [report.shift] })
    api['shift.report'].mockResolvedValue({ ok: true, value: report })
    const again = await renderApp(api)
    await again.user.keyboard('{F3}')
    await settle()
    await again.user.click(screen.getByRole('button', { name: 'Turnos anteriores' }))
    await settle()
    await again.user.keyboard('{Enter}')
    await settle()
    expect(screen.getByRole('dialog', { name: 'Reporte Z' })).toBeTruthy()
    expect(document.querySelector('.print-doc-zreport .training-mark')?.textContent).toBe(
      'ENTRENAMIENTO — sin pagos reales'
    )
  })

  it('the Z report CSV carries the mark on its first line', () => {
    const csv = zReportCsv(zReport(), 'es', (iso) => iso, 'ENTRENAMIENTO — sin pagos reales')
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('ENTRENAMIENTO — sin pagos reales')
    expect(
      zReportCsv(zReport(), 'es')
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]
    ).toBe('Reporte Z')
  })
})
