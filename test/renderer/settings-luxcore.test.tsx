import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, publicSettings, type FakeApi } from './fake-api'
import { renderApp, settle } from './render'

async function openSettings(api: FakeApi = fakeApi()) {
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{Control>},{/Control}')
  await settle()
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Ajustes' }) }
}

const keyField = (dialog: HTMLElement) => within(dialog).getByLabelText('Llave de API de LuxCore') as HTMLInputElement
const notesOf = (control: HTMLElement): string =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ')

describe('LuxCore settings', () => {
  it('shows the URL in force and which kind of key is saved, never the key itself', async () => {
    const { dialog } = await openSettings()
    expect(within(dialog).getByRole('group', { name: 'LuxCore' })).toBeTruthy()
    expect(within(dialog).getByRole('textbox', { name: 'URL de LuxCore' })).toHaveProperty(
      'value',
      'https://api.lux-core.io/api/v1'
    )
    const key = keyField(dialog)
    expect(key.type).toBe('password')
    expect(key.value).toBe('')
    expect(notesOf(key)).toContain('Llave guardada (prueba). Déjela en blanco para conservarla.')
  })

  it('an empty key keeps the stored one, an unchanged URL is not sent', async () => {
    const { user, api, dialog } = await openSettings()
    await user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    const sent = api['settings.update'].mock.calls[0]?.[0] ?? {}
    expect(sent).not.toHaveProperty('luxcoreApiKey')
    expect(sent).not.toHaveProperty('luxcoreBaseUrl')
  })

  it('sends a typed key and a changed URL, then forgets the key and shows its kind', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ hasLuxcoreApiKey: false, luxcoreKeyMode: null })
    })
    const { user, dialog } = await openSettings(api)
    const key = keyField(dialog)
    expect(notesOf(key)).toContain('No hay llave guardada.')
    const url = within(dialog).getByRole('textbox', { name: 'URL de LuxCore' })
    await user.clear(url)
    await user.type(url, 'https://sandbox.lux-core.test/api/v1')
    await user.type(key, 'qp_prod_sk_123{Enter}')
    await settle()
    expect(api['settings.update']).toHaveBeenCalledWith(
      expect.objectContaining({
        luxcoreApiKey: 'qp_prod_sk_123',
        luxcoreBaseUrl: 'https://sandbox.lux-core.test/api/v1'
      })
    )
    expect(key.value).toBe('')
    expect(notesOf(key)).toContain('Llave guardada (en vivo)')
  })

  it('fields fixed by LUXCORE_BASE_URL / LUXCORE_API_KEY are read-only, say so, and are not sent', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ overridden: ['luxcoreBaseUrl', 'luxcoreApiKey'] })
    })
    const { user, dialog } = await openSettings(api)
    const url = within(dialog).getByRole('textbox', { name: 'URL de LuxCore' })
    expect(url).toHaveProperty('readOnly', true)
    expect(keyField(dialog)).toHaveProperty('readOnly', true)
    expect(notesOf(url)).toContain('Fijado por variable de entorno')
    expect(notesOf(keyField(dialog))).toContain('Fijado por variable de entorno')
    await user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    const sent = api['settings.update'].mock.calls[0]?.[0] ?? {}
    expect(Object.keys(sent).filter((name) => name.startsWith('luxcore'))).toEqual([])
  })

  it('a key that cannot be encrypted is refused next to the key field', async () => {
    const api = fakeApi()
    api['settings.update'].mockResolvedValue({ ok: false, error: { code: 'ENCRYPTION_UNAVAILABLE' } })
    const { user, dialog } = await openSettings(api)
    await user.type(keyField(dialog), 'qp_test_sk_1{Enter}')
    await settle()
    expect(keyField(dialog).getAttribute('aria-invalid')).toBe('true')
    expect(within(dialog).getByLabelText('Contraseña de Luka').getAttribute('aria-invalid')).toBe('false')
  })

  it('is in English too', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ language: 'en', luxcoreKeyMode: 'live' })
    })
    api['app.info'].mockResolvedValue({
      ok: true,
      value: {
        version: '0.1.0',
        mode: 'harness',
        terminal: 'T2',
        operator: 'Mary',
        language: 'en',
        training: false,
        trainingForced: false
      }
    })
    const { user } = await renderApp(api)
    await user.keyboard('{Control>},{/Control}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Settings' })
    expect(notesOf(within(dialog).getByLabelText('LuxCore API key'))).toContain('Key saved (live)')
  })
})
