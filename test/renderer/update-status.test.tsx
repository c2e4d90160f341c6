import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, publicSettings, updateStatus } from './fake-api'
import { renderApp, settle } from './render'

const bar = () => screen.getByRole('contentinfo', { name: 'Barra de estado' })

/** The update is one status-bar item; main decides when installing cannot hurt, the item says why it waits. */
describe('the update in the status bar', () => {
  it('says nothing while off or current; shows download progress, then "ready (version)" with an install button', async () => {
    const api = fakeApi()
    const { user } = await renderApp(api)
    expect(api['update.status']).toHaveBeenCalledTimes(1)
    expect(bar().textContent).not.toMatch(/actualizaci/i)

    act(() => api.emit('update.status', updateStatus({ state: 'downloading', version: '0.2.0', percent: 42.7 })))
    expect(bar().textContent).toContain('Descargando la versión 0.2.0… 42 %')

    act(() => api.emit('update.status', updateStatus({ state: 'ready', version: '0.2.0', percent: 100 })))
    expect(screen.getByRole('status', { name: 'Actualización de Taquilla' }).textContent).toContain(
      'Actualización lista (0.2.0)'
    )
    api['update.install'].mockResolvedValue({
      ok: true,
      value: updateStatus({ state: 'installing', version: '0.2.0' })
    })
    await user.click(screen.getByRole('button', { name: 'Instalar y reiniciar' }))
    await settle()
    expect(api['update.install']).toHaveBeenCalledTimes(1)
    expect(bar().textContent).toContain('Instalando la versión 0.2.0…')
  })

  it('a ready update that waits says why, and offers no install button', async () => {
    const api = fakeApi()
    api['update.status'].mockResolvedValue({
      ok: true,
      value: updateStatus({ state: 'ready', version: '0.2.0', percent: 100, waiting: 'shiftOpen' })
    })
    await renderApp(api)
    const item = screen.getByRole('status', { name: 'Actualización de Taquilla' })
    expect(item.textContent).toBe('Actualización lista (0.2.0) — se instalará cuando cierre el turno')
    expect(screen.queryByRole('button', { name: 'Instalar y reiniciar' })).toBeNull()

    act(() => api.emit('update.status', updateStatus({ state: 'ready', version: '0.2.0', waiting: 'outboxNotEmpty' })))
    expect(item.textContent).toContain('se instalará cuando la cola de envíos esté vacía')
  })

  it('a refused download (sha512) is an alert; a feed that is down is a quiet note; in English too', async () => {
    const api = fakeApi()
    api['settings.get'].mockResolvedValue({ ok: true, value: publicSettings({ language: 'en' }) })
    api['app.info'].mockResolvedValue({
      ok: true,
      value: {
        version: '0.1.0',
        mode: 'electron',
        terminal: 'T2',
        operator: 'Ana',
        language: 'en',
        training: false,
        trainingForced: false
      }
    })
    await renderApp(api)
    act(() => api.emit('update.status', updateStatus({ state: 'failed', failure: 'integrity' })))
    expect(screen.getByRole('alert').textContent).toContain('does not match its fingerprint (sha512)')
    act(() => api.emit('update.status', updateStatus({ state: 'failed', failure: 'feedDown' })))
    expect(screen.getByText('The update server could not be reached; will try again.')).toBeTruthy()
  })
})

describe('settings: the update URL', () => {
  it('is typed in the settings and saved', async () => {
    const api = fakeApi()
    const { user } = await renderApp(api)
    await user.keyboard('{Control>},{/Control}')
    await settle()
    const field = within(screen.getByRole('dialog', { name: 'Ajustes' })).getByRole('textbox', {
      name: 'URL de actualizaciones'
    })
    await user.type(field, 'https://updates.example.com/taquilla/{Enter}')
    await settle()
    expect(api['settings.update']).toHaveBeenCalledWith(
      expect.objectContaining({ updateUrl: 'https://updates.example.com/taquilla/' })
    )
  })

  it('fixed by TAQUILLA_UPDATE_URL it is read-only and not sent', async () => {
    const fixedApi = fakeApi()
    fixedApi['settings.get'].mockResolvedValue({
      ok: true,
      value: publicSettings({ updateUrl: 'https://fleet.example.com/', overridden: ['updateUrl'] })
    })
    const fixed = await renderApp(fixedApi)
    await fixed.user.keyboard('{Control>},{/Control}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Ajustes' })
    const readOnly = within(dialog).getByRole('textbox', { name: 'URL de actualizaciones' })
    expect(readOnly).toHaveProperty('readOnly', true)
    expect(readOnly).toHaveProperty('value', 'https://fleet.example.com/')
    await fixed.user.click(within(dialog).getByRole('button', { name: 'Guardar y probar conexión' }))
    await settle()
    expect(fixedApi['settings.update']).toHaveBeenCalledWith(
      expect.not.objectContaining({ updateUrl: expect.anything() })
    )
  })
})
