import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { JournalIncident } from '@shared/books'
import { setSupervisorPrompt } from '@renderer/shared/supervisor'
import { fakeApi } from './fake-api'
import { shiftOf, verification, zReport } from './fake-books'
import { renderApp, settle } from './render'

const incident: JournalIncident = {
  id: 'inc-1',
  at: '2026-12-06T10:00:00.000Z',
  reason: 'removed',
  seq: 42,
  line: 41,
  places: 1,
  acknowledged: null
}

afterEach(() => setSupervisorPrompt(async () => undefined))

/** Issue 11: a journal incident is shown app-wide until a supervisor acknowledges it with a note. */
describe('journal incidents', () => {
  it('stay on screen, and are acknowledged with a note after the supervisor approves', async () => {
    const api = fakeApi()
    api['journal.status'].mockResolvedValue({ ok: true, value: verification({ ok: false, incidents: [incident] }) })
    api['journal.acknowledge'].mockResolvedValue({ ok: true, value: verification({ ok: false, incidents: [] }) })
    const asked: string[] = []
    const { user } = await renderApp(api)
    // after the app installed its own prompt (SupervisorPrompt): this one stands in for it
    setSupervisorPrompt(async (action) => {
      asked.push(action)
      return { operatorId: 'sup-1', pin: '2468' }
    })
    const banner = screen.getByRole('alert', { name: 'Incidente del diario' })
    expect(banner.textContent).toContain('falta una entrada')
    const button = within(banner).getByRole('button', { name: 'Reconocer incidente' })
    expect(button).toHaveProperty('disabled', true) // a note first
    await user.type(within(banner).getByRole('textbox', { name: 'Nota del supervisor' }), 'revisado con soporte')
    await user.click(button)
    expect(asked).toEqual(['incidentAcknowledge'])
    expect(api['journal.acknowledge']).toHaveBeenCalledWith({
      incidentId: 'inc-1',
      note: 'revisado con soporte',
      approval: { operatorId: 'sup-1', pin: '2468' }
    })
    expect(screen.queryByRole('alert', { name: 'Incidente del diario' })).toBeNull()
  })

  it('a cancelled supervisor prompt sends nothing; a new incident from main appears at once', async () => {
    const api = fakeApi()
    const { user } = await renderApp(api)
    setSupervisorPrompt(async () => null)
    expect(screen.queryByRole('alert', { name: 'Incidente del diario' })).toBeNull()
    act(() => api.emit('journal.changed', verification({ ok: false, incidents: [incident] })))
    const banner = screen.getByRole('alert', { name: 'Incidente del diario' })
    await user.type(within(banner).getByRole('textbox', { name: 'Nota del supervisor' }), 'visto')
    await user.click(within(banner).getByRole('button', { name: 'Reconocer incidente' }))
    expect(api['journal.acknowledge']).not.toHaveBeenCalled()
    expect(screen.getByRole('alert', { name: 'Incidente del diario' })).toBeTruthy()
  })

  it('the Z report lists the shift’s incidents with who acknowledged them and the note', async () => {
    const api = fakeApi()
    const report = zReport({
      shift: shiftOf({ id: 'z1', closedAt: '2024-05-02T20:00:00.000Z' }),
      incidents: [
        { ...incident, acknowledged: { at: '2026-12-06T11:00:00.000Z', note: 'revisado', by: 'Ana Supervisora' } }
      ]
    })
    api['shift.list'].mockResolvedValue({ ok: true, value: [report.shift] })
    api['shift.report'].mockResolvedValue({ ok: true, value: report })
    const { user } = await renderApp(api)
    await user.keyboard('{F3}')
    await settle()
    await user.click(screen.getByRole('button', { name: /Turnos anteriores/ }))
    await settle()
    await user.keyboard('{Enter}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: /Reporte Z/ })
    expect(within(dialog).getByRole('heading', { name: 'Incidentes del diario' })).toBeTruthy()
    expect(dialog.textContent).toContain('falta una entrada')
    expect(dialog.textContent).toMatch(/Reconocido por Ana Supervisora el .*: revisado/)
  })

  it('the journal view says when protection is weaker (a key file) and when only the start was checked', async () => {
    const api = fakeApi()
    api['journal.status'].mockResolvedValue({
      ok: true,
      value: verification({ protection: 'file', scope: 'start' })
    })
    const { user } = await renderApp(api)
    await user.keyboard('{F4}')
    await settle()
    const integrity = screen.getByRole('region', { name: 'Integridad del diario' })
    expect(integrity.textContent).toContain('Protección más débil')
    expect(integrity.textContent).toContain('verificación completa sigue en segundo plano')
  })
})
