import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { setSupervisorPrompt } from '@renderer/shared/supervisor'
import { fakeApi } from './fake-api'
import { ledgerView } from './fake-ledger'
import { renderApp, settle } from './render'

afterEach(() => setSupervisorPrompt(async () => undefined))

const enrolled = ledgerView({
  enrolled: true,
  serverUrl: 'https://libro.agencia.test',
  terminalId: '6f1c1c52-6f0e-4f39-8a57-3d0f3f2b7a10',
  agency: 'Agencia Centro',
  counter: 'Taquilla 1',
  status: { state: 'behind', behind: 3 },
  lastSyncAt: '2026-12-06T10:00:00.000Z'
})

async function openSettings(api = fakeApi()) {
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{Control>},{/Control}')
  await settle()
  const dialog = screen.getByRole('dialog', { name: /Ajustes|Settings/ })
  return { ...rendered, section: within(dialog).getByRole('region', { name: /Libro de la agencia|Agency ledger/ }) }
}

const statusBar = () => screen.getByRole('contentinfo')

describe('the agency ledger', () => {
  it('enrols from the settings after the supervisor approves, and the status bar follows the ledger', async () => {
    const api = fakeApi()
    api['ledger.enrol']
      .mockResolvedValueOnce({ ok: false, error: { code: 'APPROVAL_REQUIRED' } })
      .mockResolvedValueOnce({ ok: true, value: enrolled })
    const { user, section } = await openSettings(api)
    const asked: string[] = []
    setSupervisorPrompt(async (action) => {
      asked.push(action)
      return { operatorId: 'sup-1', pin: '2468' }
    })
    // not enrolled: nothing about the ledger in the status bar
    expect(statusBar().textContent).not.toContain('libro:')
    await user.type(within(section).getByLabelText('URL del servidor de la agencia'), 'https://libro.agencia.test')
    await user.type(within(section).getByLabelText('Código de alta (un solo uso)'), 'ABCD-EFGH-JKMN')
    await user.type(within(section).getByLabelText('Agencia'), 'Agencia Centro')
    await user.type(within(section).getByLabelText('Nombre de esta taquilla'), 'Taquilla 1')
    await user.click(within(section).getByRole('button', { name: 'Dar de alta' }))
    await settle()
    expect(asked).toEqual(['settingsChange'])
    expect(api['ledger.enrol']).toHaveBeenLastCalledWith({
      serverUrl: 'https://libro.agencia.test',
      code: 'ABCD-EFGH-JKMN',
      agency: 'Agencia Centro',
      counter: 'Taquilla 1',
      approval: { operatorId: 'sup-1', pin: '2468' }
    })
    expect(section.textContent).toContain('Dada de alta en https://libro.agencia.test: Agencia Centro · Taquilla 1')
    expect(statusBar().textContent).toContain('libro: 3 pendientes')
    // the Enrol button is gone: the focus stays in the dialog, on Leave
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Dar de baja' }))
    // main pushes each change
    const words: [Parameters<typeof ledgerView>[0], string][] = [
      [{ status: { state: 'upToDate' } }, 'libro: al día'],
      [{ status: { state: 'unreachable', behind: 0 } }, 'libro: sin conexión'],
      [{ status: { state: 'unreachable', behind: 12 } }, 'libro: sin conexión (12 pendientes)'],
      [{ status: { state: 'refused', code: 'unknownTerminal' } }, 'libro: rechazado (el servidor no conoce'],
      [{ status: { state: 'refused', code: 'revoked' } }, 'libro: rechazado (el dueño dio de baja esta taquilla'],
      [
        { status: { state: 'refused', code: 'tooLarge' } },
        'libro: rechazado (el servidor rechazó el envío por demasiado grande'
      ],
      [{ status: { state: 'refused', code: 'somethingNew' } }, 'libro: rechazado (somethingNew)']
    ]
    for (const [change, text] of words) {
      act(() => api.emit('ledger.status', { ...enrolled, ...change }))
      expect(screen.getByRole('status', { name: 'Libro de la agencia' }).textContent).toContain(text)
    }
    // leaving asks again
    api['ledger.leave'].mockResolvedValueOnce({ ok: true, value: ledgerView() })
    await user.click(within(section).getByRole('button', { name: 'Dar de baja' }))
    await settle()
    expect(api['ledger.leave']).toHaveBeenCalledTimes(1)
    expect(statusBar().textContent).not.toContain('libro:')
    expect(within(section).getByRole('button', { name: 'Dar de alta' })).toBeTruthy()
  })

  it('keeps the focus in the dialog when main’s pushed status arrives before the answer', async () => {
    const api = fakeApi()
    let answer: (value: Awaited<ReturnType<(typeof api)['ledger.enrol']>>) => void = () => undefined
    api['ledger.enrol'].mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    const { user, section } = await openSettings(api)
    await user.type(within(section).getByLabelText('URL del servidor de la agencia'), 'https://libro.agencia.test')
    await user.type(within(section).getByLabelText('Código de alta (un solo uso)'), 'ABCD-EFGH-JKMN')
    await user.type(within(section).getByLabelText('Agencia'), 'Agencia Centro')
    await user.type(within(section).getByLabelText('Nombre de esta taquilla'), 'Taquilla 1')
    await user.click(within(section).getByRole('button', { name: 'Dar de alta' }))
    act(() => api.emit('ledger.status', enrolled))
    await act(async () => answer({ ok: true, value: enrolled }))
    await settle()
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Dar de baja' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('says what the server refused in the teller’s words, with its own word attached', async () => {
    const api = fakeApi()
    api['ledger.enrol'].mockResolvedValue({
      ok: false,
      error: { code: 'LEDGER_REFUSED', httpStatus: 403, providerCode: 'badCode' }
    })
    const { user, section } = await openSettings(api)
    await user.type(within(section).getByLabelText('URL del servidor de la agencia'), 'https://libro.agencia.test')
    await user.type(within(section).getByLabelText('Código de alta (un solo uso)'), 'ABCD-EFGH-JKMN')
    await user.type(within(section).getByLabelText('Agencia'), 'Centro')
    await user.type(within(section).getByLabelText('Nombre de esta taquilla'), 'Taquilla 1{Enter}')
    await settle()
    const alert = within(section).getByRole('alert')
    expect(alert.textContent).toContain('El código de alta ya se usó, no existe o caducó')
    expect(alert.textContent).toContain('Servidor de la agencia: «código badCode»')
    // a URL that reaches some other web server: its 404 is said as a wrong address, the word attached
    api['ledger.enrol'].mockResolvedValue({
      ok: false,
      error: { code: 'LEDGER_REFUSED', httpStatus: 404, providerCode: 'notFound' }
    })
    await user.click(within(section).getByRole('button', { name: 'Dar de alta' }))
    await settle()
    expect(within(section).getByRole('alert').textContent).toContain('Esa URL no lleva a un servidor del libro')
    expect(within(section).getByRole('alert').textContent).toContain('«código notFound»')
    api['ledger.enrol'].mockResolvedValue({ ok: false, error: { code: 'LEDGER_UNREACHABLE' } })
    await user.click(within(section).getByRole('button', { name: 'Dar de alta' }))
    await settle()
    expect(within(section).getByRole('alert').textContent).toContain(
      'No se pudo conectar con el servidor de la agencia'
    )
    api['ledger.enrol'].mockResolvedValue({ ok: false, error: { code: 'ENCRYPTION_UNAVAILABLE', field: 'ledgerKey' } })
    await user.click(within(section).getByRole('button', { name: 'Dar de alta' }))
    await settle()
    expect(within(section).getByRole('alert').textContent).toContain('no puede cifrar la clave de la taquilla')
  })

  it('in English, and off in training (said so, no status words)', async () => {
    const api = fakeApi()
    api['app.info'].mockResolvedValue({
      ok: true,
      value: {
        version: '0.1.0',
        mode: 'harness',
        terminal: 'Agencia CCCT, Taquilla 2',
        operator: 'Mary',
        language: 'en',
        training: false,
        trainingForced: false
      }
    })
    api['ledger.status'].mockResolvedValue({ ok: true, value: { ...enrolled, status: { state: 'upToDate' } } })
    const { section } = await openSettings(api)
    expect(statusBar().textContent).toContain('ledger: up to date')
    expect(within(section).getByRole('button', { name: 'Leave the ledger' })).toBeTruthy()
    act(() => api.emit('ledger.status', { ...enrolled, status: { state: 'behind', behind: 2 } }))
    expect(statusBar().textContent).toContain('ledger: 2 behind')
    act(() => api.emit('ledger.status', ledgerView({ training: true })))
    expect(statusBar().textContent).not.toContain('ledger:')
    expect(section.textContent).toContain('practice entries never reach the agency ledger')
  })
})
