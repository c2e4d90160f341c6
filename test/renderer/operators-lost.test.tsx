import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi } from './fake-api'
import { operatorsState } from './fake-operators'
import { renderApp, settle } from './render'

const english = (api: ReturnType<typeof fakeApi>) =>
  api['app.info'].mockResolvedValue({
    ok: true,
    value: {
      version: '0.1.0',
      mode: 'harness',
      terminal: 'Agencia CCCT, Taquilla 2',
      operator: '',
      language: 'en',
      training: false,
      trainingForced: false
    }
  })

describe('the operator accounts were lost (no valid copy)', () => {
  it('locked: a clear screen says what happened and what to do; no counter, no sign-in form behind it', async () => {
    const api = fakeApi()
    api['operators.state'].mockResolvedValue({ ok: true, value: operatorsState({ signIn: 'on', lost: 'locked' }) })
    await renderApp(api)
    const lost = screen.getByRole('region', { name: 'Cuentas de operador perdidas' })
    expect(within(lost).getByRole('alert').textContent).toContain('operators.json')
    expect(lost.textContent).toContain('--recover-operators')
    expect(screen.queryByRole('search')).toBeNull()
    expect(screen.queryByLabelText('PIN')).toBeNull()
    expect(screen.queryByRole('form', { name: 'Agregar operador' })).toBeNull()
  })

  it('in English too', async () => {
    const api = fakeApi()
    english(api)
    api['operators.state'].mockResolvedValue({ ok: true, value: operatorsState({ signIn: 'on', lost: 'locked' }) })
    await renderApp(api)
    const lost = screen.getByRole('region', { name: 'Operator accounts lost' })
    expect(lost.textContent).toContain('Tell whoever installed this counter')
  })

  it('started with --recover-operators: the new first supervisor is created from the keyboard, then sign-in', async () => {
    const api = fakeApi()
    english(api)
    api['operators.state'].mockResolvedValue({ ok: true, value: operatorsState({ signIn: 'on', lost: 'recovery' }) })
    const eva = { id: 'op-eva', name: 'Eva', role: 'supervisor' as const, disabled: false, lockedUntil: null }
    api['operators.add'].mockResolvedValue({
      ok: true,
      value: operatorsState({ signIn: 'on', lost: null, accounts: [eva] })
    })
    const { user } = await renderApp(api)
    const lost = screen.getByRole('region', { name: 'Operator accounts lost' })
    expect(within(lost).getByRole('combobox', { name: 'Role' })).toHaveProperty('disabled', true)
    expect(document.activeElement).toBe(within(lost).getByRole('textbox', { name: 'Name' }))
    await user.keyboard('Eva{Tab}8642{Tab}8642{Enter}') // the role is fixed (a disabled select takes no focus)
    await settle()
    expect(api['operators.add']).toHaveBeenCalledWith({ name: 'Eva', role: 'supervisor', pin: '8642' })
    expect(screen.queryByRole('region', { name: 'Operator accounts lost' })).toBeNull()
    const signIn = screen.getByRole('region', { name: 'Sign in' })
    expect(screen.queryByRole('search')).toBeNull()
    // the sign-in form starts afresh: the only operator is chosen, the PIN field has the focus
    expect(document.activeElement).toBe(within(signIn).getByLabelText('PIN'))
    await user.keyboard('8642{Enter}')
    expect(api['operators.signIn']).toHaveBeenCalledWith({ operatorId: eva.id, pin: '8642' })
  })
})
