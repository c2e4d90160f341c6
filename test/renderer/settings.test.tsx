import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, online, publicSettings, type FakeApi } from './fake-api'
import { renderApp, searchField, settle } from './render'

async function openSettings(api?: FakeApi) {
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{Control>},{/Control}')
  await settle()
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Ajustes' }) }
}

describe('settings', () => {
  it('Ctrl+, opens the panel with the current values; Esc closes it and search has the focus again', async () => {
    const { user, api, dialog } = await openSettings()
    expect(api['settings.get']).toHaveBeenCalled()
    expect(within(dialog).getByRole('combobox', { name: 'Entorno de Luka' })).toHaveProperty('value', 'qa')
    expect(within(dialog).getByRole('textbox', { name: 'Usuario de Luka' })).toHaveProperty('value', 'agencia.ccct')
    expect(within(dialog).getByRole('textbox', { name: 'Nombre de la taquilla' })).toHaveProperty(
      'value',
      'Agencia CCCT, Taquilla 2'
    )
    expect(dialog.textContent).toContain('Contraseña guardada')
    expect(dialog.contains(document.activeElement)).toBe(true)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(searchField())
  })

  it('saves only what changed hands, leaves an empty password out, then tests the connection', async () => {
    const { user, api, dialog } = await openSettings()
    const terminal = within(dialog).getByRole('textbox', { name: 'Nombre de la taquilla' })
    await user.clear(terminal)
    await user.type(terminal, 'Agencia Chacao, Taquilla 1')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Entorno de Luka' }), 'custom')
    await user.type(within(dialog).getByRole('textbox', { name: 'URL de Luka personalizada' }), 'https://luka.test')
    await user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    expect(api['settings.update']).toHaveBeenCalledWith({
      lukaEnvironment: 'custom',
      lukaCustomUrl: 'https://luka.test',
      lukaUsername: 'agencia.ccct',
      terminal: 'Agencia Chacao, Taquilla 1',
      operator: 'María Pérez',
      language: 'es'
    })
    expect(api['luka.signIn']).toHaveBeenCalledTimes(1)
    expect(within(dialog).getByRole('status').textContent).toContain('Conexión con Luka correcta')
    // the status bar follows the saved terminal
    expect(screen.getByRole('contentinfo').textContent).toContain('Agencia Chacao, Taquilla 1')
  })

  it('sends a typed password and clears it from the form after saving', async () => {
    const { user, api, dialog } = await openSettings()
    const password = within(dialog).getByLabelText('Contraseña de Luka') as HTMLInputElement
    await user.type(password, 's3creto{Enter}')
    await settle()
    expect(api['settings.update']).toHaveBeenCalledWith(expect.objectContaining({ lukaPassword: 's3creto' }))
    expect(password.value).toBe('')
  })

  it('shows a VALIDATION error next to its field and does not test the connection', async () => {
    const api = fakeApi()
    api['settings.update'].mockResolvedValue({
      ok: false,
      error: { code: 'VALIDATION', field: 'lukaCustomUrl', reason: 'url' }
    })
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ lukaEnvironment: 'custom', lukaCustomUrl: 'ftp://x' })
    })
    const { user, dialog } = await openSettings(api)
    await user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    const url = within(dialog).getByRole('textbox', { name: 'URL de Luka personalizada' })
    expect(url.getAttribute('aria-invalid')).toBe('true')
    const errorId = url.getAttribute('aria-describedby')?.split(' ').pop() ?? ''
    expect(document.getElementById(errorId)?.textContent).toContain('https:// (o http:// solo hacia este mismo equipo)')
    expect(api['luka.signIn']).not.toHaveBeenCalled()
  })

  it('shows a failed connection test with the teller’s sentence', async () => {
    const api = fakeApi()
    api['luka.signIn'].mockResolvedValue({
      ok: false,
      error: { code: 'BAD_CREDENTIALS', provider: 'luka', providerMessage: 'Usuario o clave inválidos' }
    })
    const { user, dialog } = await openSettings(api)
    await user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    const alert = within(dialog).getByRole('alert')
    expect(alert.textContent).toContain('Revise su usuario y contraseña de Luka')
    expect(alert.textContent).toContain('Usuario o clave inválidos')
  })

  it('fields fixed by environment variables are read-only, say so, and are not sent', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ overridden: ['lukaBaseUrl', 'lukaUsername', 'terminal'] })
    })
    const { user, dialog } = await openSettings(api)
    const username = within(dialog).getByRole('textbox', { name: 'Usuario de Luka' })
    expect(username).toHaveProperty('readOnly', true)
    expect(within(dialog).getByRole('textbox', { name: 'Nombre de la taquilla' })).toHaveProperty('readOnly', true)
    expect(within(dialog).getByRole('combobox', { name: 'Entorno de Luka' })).toHaveProperty('disabled', true)
    expect(within(dialog).getByRole('textbox', { name: 'Nombre del operador' })).toHaveProperty('readOnly', false)
    const noteId = username.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(noteId)?.textContent).toBe('Fijado por variable de entorno')
    await user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    const sent = api['settings.update'].mock.calls[0]?.[0] ?? {}
    expect(Object.keys(sent).sort()).toEqual(['language', 'operator'])
  })

  it('without encryption the password field is disabled and explains why', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ encryptionAvailable: false, hasLukaPassword: false })
    })
    const { dialog } = await openSettings(api)
    expect(within(dialog).getByLabelText('Contraseña de Luka')).toHaveProperty('disabled', true)
    expect(dialog.textContent).toContain('la contraseña no se puede guardar aquí')
    expect(dialog.textContent).toContain('No hay contraseña guardada')
  })

  it('switching the language to English re-renders the window in English', async () => {
    const { user, dialog } = await openSettings()
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Idioma' }), 'en')
    await user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
    expect(screen.getByRole('status', { name: 'Connection to Luka' }).textContent).toBe('Luka: online')
  })

  it('Ctrl+L (Conectar) signs in to Luka from the status bar', async () => {
    const api = fakeApi()
    api['luka.status'].mockResolvedValue({ ok: true, value: { state: 'signed-out', checkedAt: null } })
    const { user } = await renderApp(api)
    const state = screen.getByRole('status', { name: 'Conexión con Luka' })
    expect(state.textContent).toBe('Luka: desconectado')
    await user.keyboard('{Control>}l{/Control}')
    await settle()
    expect(api['luka.signIn']).toHaveBeenCalledTimes(1)
    expect(state.textContent).toBe('Luka: en línea')
    api.emit('luka.status', { ...online, state: 'offline', error: { code: 'NETWORK' } })
    await settle()
    expect(state.textContent).toContain('Luka: sin conexión')
    expect(state.textContent).toContain('Luka no responde')
  })
})
