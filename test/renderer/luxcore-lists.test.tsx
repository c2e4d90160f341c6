import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LuxcorePayment } from '@shared/contract'
import { formatMoney } from '@shared/money'
import { deposit, fakeApi, luxcorePayment } from './fake-api'
import { depositView, LUX_NOW, openLuxcore } from './luxcore-fixtures'
import { settle } from './render'

const mxn = (minor: number) => formatMoney({ minor, currency: 'MXN' }, 'es-VE')

/** LuxCore's list: `count` payments pay_0…, served 20 a page, with or without a total. */
function listing(count: number, withTotal = true) {
  const api = fakeApi()
  const all: LuxcorePayment[] = Array.from({ length: count }, (_, index) =>
    luxcorePayment({
      transactionId: `pay_${index}`,
      merchantReference: `REF-${index}`,
      amount: { minor: 10_000 + index, currency: 'MXN' }
    })
  )
  api['luxcore.listPayments'].mockImplementation(async ({ limit = 20, offset = 0 }) => ({
    ok: true,
    value: { items: all.slice(offset, offset + limit), total: withTotal ? count : null, limit, offset }
  }))
  return api
}

const paymentsOf = (panel: HTMLElement) => within(panel).getByRole('region', { name: 'Pagos en LuxCore hoy' })

describe('today’s LuxCore payments', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(LUX_NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('asks from the start of today (local), 20 a page; the filters ask again from the first page', async () => {
    const { user, api, panel } = await openLuxcore(listing(45))
    const now = new Date(LUX_NOW)
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate())
    expect(midnight.getHours()).toBe(0)
    expect(LUX_NOW - midnight.getTime()).toBeLessThan(86_400_000)
    expect(api['luxcore.listPayments']).toHaveBeenLastCalledWith({ from: midnight.toISOString(), limit: 20, offset: 0 })
    const payments = paymentsOf(panel)
    await user.click(within(payments).getByRole('button', { name: 'Siguiente' }))
    await settle()
    expect(api['luxcore.listPayments']).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 20 }))
    await user.selectOptions(within(payments).getByRole('combobox', { name: 'Estado' }), 'completed')
    await settle()
    expect(api['luxcore.listPayments']).toHaveBeenLastCalledWith({
      status: 'completed',
      from: midnight.toISOString(),
      limit: 20,
      offset: 0
    })
    await user.selectOptions(within(payments).getByRole('combobox', { name: 'Método' }), 'cash')
    await settle()
    expect(api['luxcore.listPayments']).toHaveBeenLastCalledWith({
      status: 'completed',
      method: 'cash',
      from: midnight.toISOString(),
      limit: 20,
      offset: 0
    })
    await user.selectOptions(within(payments).getByRole('combobox', { name: 'Estado' }), '')
    await settle()
    expect(api['luxcore.listPayments']).toHaveBeenLastCalledWith({
      method: 'cash',
      from: midnight.toISOString(),
      limit: 20,
      offset: 0
    })
  })

  it('pages with Anterior/Siguiente or RePág/AvPág and says “1–20 de N”', async () => {
    const { user, api, panel } = await openLuxcore(listing(45))
    const payments = paymentsOf(panel)
    const previous = within(payments).getByRole('button', { name: 'Anterior' })
    const next = within(payments).getByRole('button', { name: 'Siguiente' })
    expect(previous.getAttribute('aria-keyshortcuts')).toBe('PageUp')
    expect(next.getAttribute('aria-keyshortcuts')).toBe('PageDown')
    expect(payments.textContent).toContain('1–20 de 45')
    expect(within(payments).getAllByRole('row')).toHaveLength(21)
    expect(previous).toHaveProperty('disabled', true)
    next.focus()
    await user.keyboard('{PageDown}')
    await settle()
    expect(payments.textContent).toContain('21–40 de 45')
    await user.keyboard('{PageDown}')
    await settle()
    expect(payments.textContent).toContain('41–45 de 45')
    expect(within(payments).getAllByRole('row')).toHaveLength(6)
    expect(next).toHaveProperty('disabled', true)
    await user.keyboard('{PageDown}')
    await settle()
    expect(api['luxcore.listPayments']).toHaveBeenCalledTimes(3)
    await user.click(previous)
    await settle()
    expect(api['luxcore.listPayments']).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 20 }))
    expect(payments.textContent).toContain('21–40 de 45')
    const row = within(payments).getAllByRole('row')[1]
    expect(row?.textContent).toContain('REF-20')
    expect(row?.textContent).toContain(mxn(10_020))
    expect(row?.textContent).toContain('En proceso')
  })

  it('without a total, a full page may have a next one and a short page is the last', async () => {
    const { user, panel } = await openLuxcore(listing(23, false))
    const payments = paymentsOf(panel)
    expect(payments.textContent).toContain('1–20')
    expect(payments.textContent).not.toContain(' de ')
    await user.click(within(payments).getByRole('button', { name: 'Siguiente' }))
    await settle()
    expect(payments.textContent).toContain('21–23')
    expect(within(payments).getByRole('button', { name: 'Siguiente' })).toHaveProperty('disabled', true)
  })

  it('a payment of ours that changes follows in the list too', async () => {
    const api = listing(3)
    const { panel } = await openLuxcore(api)
    api.emit(
      'luxcore.deposit',
      deposit({
        payment: luxcorePayment({
          transactionId: 'pay_1',
          merchantReference: 'REF-1',
          status: 'completed',
          terminal: true
        })
      })
    )
    await settle()
    expect(within(paymentsOf(panel)).getAllByRole('row')[2]?.textContent).toContain('Completado')
  })
})

describe('this counter’s deposits and cancelling', () => {
  // the first is "pending": LuxCore lets only a pending payment be cancelled
  const three = [
    deposit({ payment: luxcorePayment({ status: 'pending' }) }),
    deposit({
      merchantReference: 'TAQ-20240502-0002',
      amount: { minor: 5000, currency: 'MXN' },
      state: 'queued',
      payment: null
    }),
    deposit({
      merchantReference: 'TAQ-20240502-0003',
      payment: luxcorePayment({ status: 'completed', terminal: true })
    })
  ]

  function withDeposits() {
    const api = fakeApi()
    api['luxcore.deposits'].mockResolvedValue({ ok: true, value: three })
    return api
  }

  it('lists them newest first, shows the first, and the arrows choose the deposit on view', async () => {
    const { user, panel } = await openLuxcore(withDeposits())
    const list = within(panel).getByRole('listbox', { name: 'Depósitos de esta taquilla' })
    const options = within(list).getAllByRole('option')
    expect(options.map((option) => option.textContent?.split(' · ')[0])).toEqual(three.map((d) => d.merchantReference))
    expect(options[1]?.textContent).toContain('en cola')
    expect(options[2]?.textContent).toContain('Completado')
    expect(depositView().textContent).toContain('TAQ-20240502-0001')
    list.focus()
    await user.keyboard('{ArrowDown}')
    expect(list.getAttribute('aria-activedescendant')).toBe(options[1]?.id)
    expect(depositView().textContent).toContain('En cola — se creará en LuxCore automáticamente')
    await user.keyboard('{End}')
    expect(depositView().textContent).toContain('TAQ-20240502-0003')
    // a completed deposit cannot be cancelled: Supr does nothing
    await user.keyboard('{Delete}')
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
  })

  it('Supr asks to cancel the deposit on view, naming amount and reference; Esc backs out; Enter cancels it', async () => {
    const { user, api, panel } = await openLuxcore(withDeposits())
    within(panel).getByRole('listbox').focus()
    await user.keyboard('{Delete}')
    const confirm = screen.getByRole('dialog', { name: `Anular depósito de ${mxn(123450)}` })
    expect(confirm.textContent).toContain('TAQ-20240502-0001')
    expect(confirm.textContent).toContain(mxn(123450))
    await user.keyboard('{Escape}')
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
    expect(api['luxcore.cancelDeposit']).not.toHaveBeenCalled()
    await user.click(within(depositView()).getByRole('button', { name: 'Anular…' }))
    expect(screen.getByRole('dialog', { name: /^Anular depósito/ })).toBeTruthy()
    await user.keyboard('{Enter}')
    await settle()
    expect(api['luxcore.cancelDeposit']).toHaveBeenCalledTimes(1)
    expect(api['luxcore.cancelDeposit']).toHaveBeenCalledWith({ merchantReference: 'TAQ-20240502-0001' })
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
    expect(depositView().textContent).toContain('Anulación en curso — esperando a LuxCore')
    expect(within(depositView()).queryByRole('button', { name: 'Anular…' })).toBeNull()
    // the button that opened the confirmation is gone: the focus still stays in the panel
    expect(document.activeElement).toBe(depositView())
    api.emit('luxcore.deposit', deposit({ payment: luxcorePayment({ status: 'cancelled', terminal: true }) }))
    await settle()
    expect(within(depositView()).getByRole('status', { name: 'Novedades del depósito' }).textContent).toBe(
      'Depósito TAQ-20240502-0001: Anulado'
    )
  })

  it('a refused cancel stays in the confirmation with LuxCore’s words', async () => {
    const api = withDeposits()
    api['luxcore.cancelDeposit'].mockResolvedValue({
      ok: false,
      error: {
        code: 'PROVIDER_REJECTED',
        provider: 'luxcore',
        providerCode: 'PAYMENT_ALREADY_PROCESSED',
        providerMessage: 'Payment already processed'
      }
    })
    const { user, panel } = await openLuxcore(api)
    within(panel).getByRole('listbox').focus()
    await user.keyboard('{Delete}{Enter}')
    await settle()
    const confirm = screen.getByRole('dialog', { name: /^Anular depósito/ })
    expect(within(confirm).getByRole('alert').textContent).toBe(
      'El pago ya terminó en LuxCore: no se puede cambiar. — LuxCore: «Payment already processed, código PAYMENT_ALREADY_PROCESSED»'
    )
  })
})
