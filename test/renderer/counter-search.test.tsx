import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import { fakeApi, lookupResult } from './fake-api'
import { card, renderApp, scan, searchField, settle } from './render'

describe('counter search', () => {
  it('has the search field focused at start, searching by reference', async () => {
    await renderApp()
    expect(document.activeElement).toBe(searchField())
    const group = screen.getByRole('radiogroup', { name: 'Buscar por' })
    expect(within(group).getByRole('radio', { name: 'Referencia' })).toHaveProperty('checked', true)
  })

  it('refuses an empty search with a message and no request', async () => {
    const { user, api } = await renderApp()
    await user.keyboard('   {Enter}')
    expect(screen.getByRole('alert').textContent).toMatch(/Escriba o escanee/)
    expect(searchField().getAttribute('aria-invalid')).toBe('true')
    expect(api['luka.lookup']).not.toHaveBeenCalled()
  })

  it('refuses a non-numeric Luka transaction ID (Alt+2) before any request', async () => {
    const { user, api } = await renderApp()
    await user.keyboard('{Alt>}2{/Alt}')
    expect(screen.getByRole('radio', { name: 'ID de transacción Luka' })).toHaveProperty('checked', true)
    expect(document.activeElement).toBe(searchField())
    await user.keyboard('96A36{Enter}')
    expect(screen.getByRole('alert').textContent).toMatch(/solo números/)
    expect(api['luka.lookup']).not.toHaveBeenCalled()
  })

  it('refuses control characters (a scanner’s stray Tab pasted in)', async () => {
    const { user, api } = await renderApp()
    await user.click(searchField())
    await user.paste('6567\t704')
    await user.keyboard('{Enter}')
    expect(screen.getByRole('alert').textContent).toMatch(/caracteres no válidos/)
    expect(api['luka.lookup']).not.toHaveBeenCalled()
  })

  it('refuses a value longer than 64 characters', async () => {
    const { user, api } = await renderApp()
    await user.click(searchField())
    await user.paste('9'.repeat(65))
    await user.keyboard('{Enter}')
    expect(screen.getByRole('alert').textContent).toMatch(/demasiado largo/)
    expect(api['luka.lookup']).not.toHaveBeenCalled()
  })

  it('looks up scanner input (trimmed) and shows every field of the card', async () => {
    const { user, api } = await renderApp()
    await scan(user, '  6567704 ')
    expect(api['luka.lookup']).toHaveBeenCalledWith({ by: 'reference', value: '6567704' })
    const region = card()
    const text = region.textContent ?? ''
    const amount = formatMoney({ minor: 123450, currency: 'VES' }, 'es-VE')
    expect(amount).toContain('1.234,50')
    expect(text).toContain(amount)
    for (const value of [
      'Jhon Doe',
      'example@mail.com',
      '04141234567',
      'V-12345678',
      '96336',
      'e6c28df3ae4f',
      '024PeR42',
      'Api',
      'Efectivo',
      'Pendiente'
    ]) {
      expect(text).toContain(value)
    }
    const date = new Intl.DateTimeFormat('es-VE', { dateStyle: 'medium', timeStyle: 'medium' }).format(
      new Date('2023-09-29T19:25:11.767Z')
    )
    expect(within(region).getByText(date).tagName).toBe('TIME')
    expect(document.activeElement).toBe(searchField())
  })

  it('searches by authorization code with Alt+3', async () => {
    const { user, api } = await renderApp()
    await user.keyboard('{Alt>}3{/Alt}')
    await scan(user, 'kjfkgds874k')
    expect(api['luka.lookup']).toHaveBeenCalledWith({ by: 'authorizationCode', value: 'kjfkgds874k' })
  })

  it('shows the raw date when Luka sent one it could not read', async () => {
    const api = fakeApi()
    api['luka.lookup'].mockResolvedValue({
      ok: true,
      value: lookupResult({ operationDate: null, operationDateRaw: '29/09/2023 raro' })
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(card().textContent).toContain('29/09/2023 raro')
  })

  it('shows NOT_FOUND in Spanish with Luka’s own words', async () => {
    const api = fakeApi()
    api['luka.lookup'].mockResolvedValue({
      ok: false,
      error: { code: 'NOT_FOUND', provider: 'luka', providerMessage: 'Transacción no encontrada' }
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('No se encontró el pago')
    expect(alert.textContent).toContain('Luka: «Transacción no encontrada»')
    expect(screen.queryByRole('region', { name: 'Pago encontrado' })).toBeNull()
    expect(document.activeElement).toBe(searchField())
  })

  it('shows a network failure as "Luka no responde"', async () => {
    const api = fakeApi()
    api['luka.lookup'].mockResolvedValue({ ok: false, error: { code: 'NETWORK' } })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(screen.getByRole('alert').textContent).toMatch(/^Luka no responde/)
  })

  it('Esc clears the card and puts the focus back in the search field', async () => {
    const { user } = await renderApp()
    await scan(user, '6567704')
    expect(card()).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('region', { name: 'Pago encontrado' })).toBeNull()
    expect(searchField().value).toBe('')
    expect(document.activeElement).toBe(searchField())
  })

  it('ignores the answer of a search that Esc abandoned', async () => {
    const api = fakeApi()
    let answer: (value: Awaited<ReturnType<(typeof api)['luka.lookup']>>) => void = () => {}
    api['luka.lookup'].mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const { user } = await renderApp(api)
    await user.keyboard('6567704{Enter}')
    expect(screen.getByText('Buscando en Luka…')).toBeTruthy()
    await user.keyboard('{Escape}')
    answer({ ok: true, value: lookupResult() })
    await settle()
    expect(screen.queryByRole('region', { name: 'Pago encontrado' })).toBeNull()
  })
})
