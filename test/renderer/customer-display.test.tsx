import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CustomerScreen } from '@renderer/customer/CustomerScreen'
import { formatMoney } from '@shared/money'
import { fakeApi } from './fake-api'
import { customerView, paymentLink } from './fake-link'
import { renderApp, scan, settle } from './render'

describe('the customer display page', () => {
  it('shows the agency name when idle, then the link’s QR, then a payment and its result — one at a time', async () => {
    const api = fakeApi()
    render(<CustomerScreen api={api} />)
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Agencia CCCT' })).toBeTruthy())
    expect(screen.getByText('Bienvenido')).toBeTruthy()

    const url = paymentLink().url!
    act(() =>
      api.emit('display.updated', customerView({ kind: 'link', amount: { minor: 1220, currency: 'USD' }, url }))
    )
    await waitFor(() => expect(screen.getByRole('img', { name: `Código QR ${url}` })).toBeTruthy())

    act(() =>
      api.emit(
        'display.updated',
        customerView({ kind: 'payment', amount: { minor: 799, currency: 'USD' }, result: 'approved' })
      )
    )
    expect(screen.getByRole('status').textContent).toBe('Pago aprobado')
    expect(document.querySelector('.customer-amount')?.textContent).toBe(
      formatMoney({ minor: 799, currency: 'USD' }, 'es-VE')
    )
    expect(screen.queryByRole('img')).toBeNull() // the earlier customer's link is gone
  })
})

describe('the counter tells main what the customer should see', () => {
  it('idle at start, the card’s amount after a lookup, the link while its panel shows it, idle again after Esc', async () => {
    const { user, api } = await renderApp()
    expect(api['display.show']).toHaveBeenLastCalledWith({ kind: 'idle' })
    await scan(user, '6567704')
    expect(api['display.show']).toHaveBeenLastCalledWith({
      kind: 'payment',
      amount: { minor: 123450, currency: 'VES' },
      result: 'pending'
    })
    await user.keyboard('{Escape}')
    await settle()
    expect(api['display.show']).toHaveBeenLastCalledWith({ kind: 'idle' })
    await user.keyboard('{Control>}k{/Control}')
    await settle()
    await user.keyboard('12,20{Enter}')
    await settle()
    expect(api['display.show']).toHaveBeenLastCalledWith({
      kind: 'link',
      amount: { minor: 1220, currency: 'USD' },
      url: paymentLink().url
    })
    await user.keyboard('{Escape}')
    await settle()
    expect(api['display.show']).toHaveBeenLastCalledWith({ kind: 'idle' })
  })
})
