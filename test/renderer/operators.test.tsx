import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { OperatorsState } from '@shared/contract'
import { fakeApi, lookupResult, outboxItem, outboxSummary } from './fake-api'
import { operatorsState } from './fake-operators'
import { card, renderApp, scan, searchField, settle } from './render'

const ana = { id: 'op-ana', name: 'Ana', role: 'supervisor' as const, disabled: false, lockedUntil: null }
const tomas = { id: 'op-tomas', name: 'Tomás', role: 'teller' as const, disabled: false, lockedUntil: null }
const signedIn = (locked = false): OperatorsState =>
  operatorsState({
    signIn: 'on',
    accounts: [ana, tomas],
    session: { operator: { id: tomas.id, name: tomas.name, role: 'teller' }, locked }
  })

describe('sign-in and the lock screen', () => {
  it('the lock screen shows no customer data: no name, amount or reference of the card on screen', async () => {
    const api = fakeApi()
    api['operators.state'].mockResolvedValue({ ok: true, value: signedIn() })
    api['luka.lookup'].mockResolvedValue({ ok: true, value: lookupResult({ description: 'pago de Jhon' }) })
    api['outbox.summary'].mockResolvedValue({
      ok: true,
      value: outboxSummary({ totals: [{ currency: 'USD', minor: 250_50, count: 1 }] })
    })
    const { user } = await renderApp(api)
    expect(screen.getByRole('contentinfo').textContent).toMatch(/250,50/)
    await scan(user, '6567704')
    // the card holds customer data before the lock (so the check below can fail)
    const candidates = ['Jhon Doe', '1.234,50', '6567704', '96336', 'V-12345678', 'example@mail.com', '04141234567']
    const before = candidates.filter((text) => card().textContent?.includes(text))
    expect(before).toEqual(expect.arrayContaining(['Jhon Doe', '1.234,50', '96336']))

    act(() => api.emit('operators.state', signedIn(true)))
    await settle()
    const lock = screen.getByRole('region', { name: 'Bloqueada' })
    expect(lock.textContent).toContain('Tomás')
    for (const text of [...candidates, 'Jhon']) expect(document.body.textContent).not.toContain(text)
    expect(screen.getByRole('contentinfo').textContent).not.toMatch(/\d+[.,]\d\d/) // no amount, not even the queue's
    expect(screen.queryByRole('search')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Pago encontrado' })).toBeNull()

    // the same operator unlocks with the PIN; the card does not come back
    api['operators.signIn'].mockResolvedValue({ ok: true, value: signedIn() })
    expect(within(lock).getByLabelText('PIN')).toBe(document.activeElement)
    await user.keyboard('1357{Enter}')
    await settle()
    expect(api['operators.signIn']).toHaveBeenCalledWith({ operatorId: tomas.id, pin: '1357' })
    expect(screen.queryByRole('region', { name: 'Bloqueada' })).toBeNull()
    expect(document.body.textContent).not.toContain('Jhon Doe')
    expect(searchField()).toBeTruthy()
  })

  it('sign-in: pick the operator with the keyboard, type the PIN, Enter; a wrong PIN says so', async () => {
    const api = fakeApi()
    api['operators.state'].mockResolvedValue({
      ok: true,
      value: operatorsState({ signIn: 'on', accounts: [ana, tomas] })
    })
    api['operators.signIn'].mockResolvedValueOnce({ ok: false, error: { code: 'WRONG_PIN', detail: { left: '4' } } })
    const { user } = await renderApp(api)
    const region = screen.getByRole('region', { name: 'Iniciar sesión' })
    const operator = within(region).getByRole('combobox', { name: 'Operador' })
    expect(document.activeElement).toBe(operator)
    await user.selectOptions(operator, 'Tomás')
    await user.tab()
    await user.keyboard('0000{Enter}')
    await settle()
    expect(within(region).getByRole('alert').textContent).toContain('Quedan 4 intentos')
    expect((within(region).getByLabelText('PIN') as HTMLInputElement).value).toBe('')

    api['operators.signIn'].mockResolvedValueOnce({ ok: true, value: signedIn() })
    await user.keyboard('1357{Enter}')
    await settle()
    expect(api['operators.signIn']).toHaveBeenLastCalledWith({ operatorId: tomas.id, pin: '1357' })
    expect(screen.queryByRole('region', { name: 'Iniciar sesión' })).toBeNull()
    expect(screen.getByRole('contentinfo').textContent).toContain('Tomás')
  })

  it('sign-in off: the status bar says so and names the operator from the settings', async () => {
    await renderApp()
    const bar = screen.getByRole('contentinfo').textContent ?? ''
    expect(bar).toContain('Inicio de sesión: desactivado')
    expect(bar).toContain('María Pérez')
  })
})

describe('the supervisor prompt', () => {
  it('a discard main refuses without approval asks for the supervisor PIN and goes again with it', async () => {
    const api = fakeApi()
    api['operators.state'].mockResolvedValue({ ok: true, value: signedIn() })
    const item = outboxItem({ state: 'attention' })
    api['outbox.list'].mockResolvedValue({ ok: true, value: { active: [item], history: [] } })
    api['outbox.discard'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'APPROVAL_REQUIRED', detail: { action: 'outboxDiscard' } }
    })
    const { user } = await renderApp(api)
    await user.keyboard('{F6}')
    await settle()
    await user.keyboard('{Delete}')
    await settle()
    await user.keyboard('cliente se fue{Enter}')
    await settle()
    const prompt = screen.getByRole('dialog', { name: 'Autorización de supervisor' })
    const pin = within(prompt).getByLabelText('PIN del supervisor')
    expect(document.activeElement).toBe(pin)
    // one supervisor: no choice to make
    expect(within(prompt).queryByRole('combobox')).toBeNull()
    await user.keyboard('2468{Enter}')
    await settle()
    expect(api['outbox.discard']).toHaveBeenLastCalledWith({
      id: item.id,
      reason: 'cliente se fue',
      approval: { operatorId: ana.id, pin: '2468' }
    })
    expect(screen.queryByRole('dialog', { name: 'Autorización de supervisor' })).toBeNull()
  })
  it('several supervisors: a "Supervisor" choice; Esc cancels and nothing is sent again', async () => {
    const api = fakeApi()
    const eva = { ...ana, id: 'op-eva', name: 'Eva' }
    api['operators.state'].mockResolvedValue({ ok: true, value: { ...signedIn(), accounts: [ana, eva, tomas] } })
    api['settings.update'].mockResolvedValue({
      ok: false,
      error: { code: 'APPROVAL_REQUIRED', detail: { action: 'settingsChange' } }
    })
    const { user } = await renderApp(api)
    await user.keyboard('{Control>},{/Control}')
    await settle()
    const settings = screen.getByRole('dialog', { name: 'Ajustes' })
    await user.type(within(settings).getByLabelText('Contraseña de Luka'), 'nueva{Enter}')
    await settle()
    const prompt = screen.getByRole('dialog', { name: 'Autorización de supervisor' })
    const choice = within(prompt).getByRole('combobox', { name: 'Supervisor' })
    expect(document.activeElement).toBe(choice)
    expect(
      within(choice)
        .getAllByRole('option')
        .map((option) => option.textContent)
    ).toEqual(['Ana', 'Eva'])
    await user.keyboard('{Escape}')
    await settle()
    expect(screen.queryByRole('dialog', { name: 'Autorización de supervisor' })).toBeNull()
    expect(api['settings.update']).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('dialog', { name: 'Ajustes' })).toBeTruthy()

    await user.type(within(settings).getByLabelText('Contraseña de Luka'), '{Enter}')
    await settle()
    await user.selectOptions(
      within(screen.getByRole('dialog', { name: 'Autorización de supervisor' })).getByRole('combobox'),
      'Eva'
    )
    await user.tab()
    await user.keyboard('1122{Enter}')
    await settle()
    expect(api['settings.update']).toHaveBeenLastCalledWith(
      expect.objectContaining({ approval: { operatorId: 'op-eva', pin: '1122' } })
    )
  })
})

describe('Settings → Operators', () => {
  it('Alt+O in the settings opens Operators; the first account is a supervisor, its PIN typed twice', async () => {
    const { user, api } = await renderApp()
    await user.keyboard('{Control>},{/Control}')
    await settle()
    const settings = screen.getByRole('dialog', { name: 'Ajustes' })
    expect(
      within(settings)
        .getByRole('button', { name: /Operadores/ })
        .getAttribute('aria-keyshortcuts')
    ).toBe('Alt+O')
    await user.keyboard('{Alt>}o{/Alt}')
    await settle()
    expect(screen.queryByRole('dialog', { name: 'Ajustes' })).toBeNull()
    const dialog = screen.getByRole('dialog', { name: 'Operadores' })
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Nombre' }))
    expect(within(dialog).getByRole('combobox', { name: 'Rol' })).toHaveProperty('value', 'supervisor')
    await user.keyboard('Ana{Tab}2468{Tab}2469{Enter}')
    expect(within(dialog).getByRole('alert').textContent).toBe('Los dos PIN no coinciden.')
    expect(api['operators.add']).not.toHaveBeenCalled()
    const repeat = within(dialog).getByLabelText('Repetir PIN')
    await user.clear(repeat)
    await user.type(repeat, '2468{Enter}')
    await settle()
    expect(api['operators.add']).toHaveBeenCalledWith({ name: 'Ana', role: 'supervisor', pin: '2468' })
  })
})
