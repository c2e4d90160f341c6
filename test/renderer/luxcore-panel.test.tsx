import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import { fakeApi, luxcoreStatus } from './fake-api'
import { amountField, openLuxcore } from './luxcore-fixtures'
import { renderApp, searchField, settle } from './render'

describe('the LuxCore panel', () => {
  it('F2 opens it with the amount focused and asks LuxCore for status, balance, deposits and today’s payments; Esc closes it', async () => {
    const { user, api, panel } = await openLuxcore()
    expect(panel.getAttribute('aria-modal')).toBe('true')
    expect(document.activeElement).toBe(amountField(panel))
    expect(api['luxcore.status']).toHaveBeenCalledTimes(1)
    expect(api['luxcore.balance']).toHaveBeenCalledWith({ currency: 'MXN' })
    expect(api['luxcore.deposits']).toHaveBeenCalledTimes(1)
    expect(api['luxcore.listPayments']).toHaveBeenCalledTimes(1)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(searchField())
  })

  it('says prominently that the key is a test key, and shows the merchant balance', async () => {
    const { panel } = await openLuxcore()
    const header = within(panel).getByRole('group', { name: 'Llave de LuxCore' })
    expect(header.textContent).toContain('MODO PRUEBA — llave de prueba')
    expect(header.textContent).not.toContain('EN VIVO')
    const balance = within(header).getByLabelText('Saldo del comercio')
    const money = (minor: number) => formatMoney({ minor, currency: 'MXN' }, 'es-VE')
    expect(balance.textContent).toContain(`Disponible${money(1_250_000)}`)
    expect(balance.textContent).toContain(`Congelado${money(250_000)}`)
    expect(balance.textContent).toContain(`Total${money(1_500_000)}`)
  })

  it('says EN VIVO — dinero real for a live key', async () => {
    const api = fakeApi()
    api['luxcore.status'].mockResolvedValue({ ok: true, value: luxcoreStatus({ keyMode: 'live' }) })
    const { panel } = await openLuxcore(api)
    const header = within(panel).getByRole('group', { name: 'Llave de LuxCore' })
    expect(header.textContent).toContain('EN VIVO — dinero real')
    expect(header.textContent).not.toContain('PRUEBA')
  })

  it('points to the settings when LuxCore is not configured, and shows no balance error', async () => {
    const api = fakeApi()
    api['luxcore.status'].mockResolvedValue({ ok: true, value: luxcoreStatus({ configured: false, keyMode: null }) })
    api['luxcore.balance'].mockResolvedValue({ ok: false, error: { code: 'NOT_CONFIGURED', provider: 'luxcore' } })
    const { panel } = await openLuxcore(api)
    const header = within(panel).getByRole('group', { name: 'Llave de LuxCore' })
    expect(header.textContent).toBe('LuxCore no está configurado: Ajustes (Ctrl+,)')
  })

  it('a balance that cannot be read is said in LuxCore’s name', async () => {
    const api = fakeApi()
    api['luxcore.balance'].mockResolvedValue({ ok: false, error: { code: 'NETWORK', provider: 'luxcore' } })
    const { panel } = await openLuxcore(api)
    const header = within(panel).getByRole('group', { name: 'Llave de LuxCore' })
    expect(header.textContent).toContain('Saldo no disponible: LuxCore no responde')
  })

  it('is “LuxCore deposits” in English, with the live banner in English', async () => {
    const api = fakeApi()
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
    api['luxcore.status'].mockResolvedValue({ ok: true, value: luxcoreStatus({ keyMode: 'live' }) })
    const { user } = await renderApp(api)
    expect(screen.getByRole('button', { name: 'LuxCore deposits' }).getAttribute('aria-keyshortcuts')).toBe('F2')
    await user.keyboard('{F2}')
    await settle()
    const panel = screen.getByRole('dialog', { name: 'LuxCore deposits' })
    expect(panel.textContent).toContain('LIVE — real money')
    expect(within(panel).getByRole('textbox', { name: 'Amount (MXN)' })).toBeTruthy()
    expect(within(panel).getByRole('button', { name: 'Create deposit' })).toBeTruthy()
  })

  it('lists F2 in the status bar', async () => {
    await renderApp()
    const list = screen.getByRole('list', { name: 'Atajos de teclado' })
    expect(list.textContent).toContain('F2 Depósitos LuxCore')
  })
})
