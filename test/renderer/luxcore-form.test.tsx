import { within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import { fakeApi } from './fake-api'
import { amountField, describedText, openLuxcore } from './luxcore-fixtures'
import { settle } from './render'

const mxn = (minor: number) => formatMoney({ minor, currency: 'MXN' }, 'es-VE')

describe('the deposit form', () => {
  for (const typed of ['1.234,50', '1,234.50']) {
    it(`reads “${typed}” as 123450 minor units, shows it as understood, and Enter sends it`, async () => {
      const { user, api, panel } = await openLuxcore()
      await user.keyboard(typed)
      expect(describedText(amountField(panel))).toContain(`= ${mxn(123450)}`)
      await user.keyboard('{Enter}')
      await settle()
      expect(api['luxcore.createDeposit']).toHaveBeenCalledTimes(1)
      expect(api['luxcore.createDeposit']).toHaveBeenCalledWith({
        method: 'oxxo',
        amount: { minor: 123450, currency: 'MXN' },
        description: '',
        customer: { name: '', email: '', phone: '' }
      })
    })
  }

  it('sends the method, customer and description typed from the keyboard', async () => {
    const { user, api, panel } = await openLuxcore()
    await user.keyboard('250')
    await user.click(within(panel).getByRole('radio', { name: 'Efectivo' }))
    await user.type(within(panel).getByRole('textbox', { name: /Nombre del cliente/ }), ' Ana López ')
    await user.type(within(panel).getByRole('textbox', { name: /Correo del cliente/ }), 'ana@example.com')
    await user.type(within(panel).getByRole('textbox', { name: /Teléfono del cliente/ }), '+52 (55) 1234-5678')
    await user.type(within(panel).getByRole('textbox', { name: /Descripción/ }), 'Recarga{Enter}')
    await settle()
    expect(api['luxcore.createDeposit']).toHaveBeenCalledWith({
      method: 'cash',
      amount: { minor: 25000, currency: 'MXN' },
      description: 'Recarga',
      customer: { name: 'Ana López', email: 'ana@example.com', phone: '+52 (55) 1234-5678' }
    })
    // ready for the next customer: the form is empty again, the method kept
    expect(amountField(panel).value).toBe('')
    expect(within(panel).getByRole('radio', { name: 'Efectivo' })).toHaveProperty('checked', true)
  })

  const refused: [string, string][] = [
    ['', 'Escriba el monto.'],
    ['12,3,4', 'No se entiende el monto'],
    ['1.5.5', 'No se entiende el monto'],
    ['1.234,567', 'a lo sumo 2 decimales'],
    ['0,00', 'mayor que cero'],
    ['0,50', `El monto mínimo por depósito es ${mxn(100)}.`],
    // one separator and three digits groups thousands: twelve thousand pesos, over the limit
    ['12.345', `El monto máximo por depósito es ${mxn(1_000_000)}.`],
    ['10.000,01', `El monto máximo por depósito es ${mxn(1_000_000)}.`]
  ]

  for (const [typed, message] of refused) {
    it(`refuses the amount “${typed}” next to the field and sends nothing`, async () => {
      const { user, api, panel } = await openLuxcore()
      await user.keyboard(`${typed}{Enter}`)
      await settle()
      expect(api['luxcore.createDeposit']).not.toHaveBeenCalled()
      const amount = amountField(panel)
      expect(amount.getAttribute('aria-invalid')).toBe('true')
      expect(document.activeElement).toBe(amount)
      const alert = within(panel).getByRole('alert')
      expect(alert.textContent).toContain(message)
      expect(amount.getAttribute('aria-describedby')).toContain(alert.id)
    })
  }

  it('checks the e-mail and the phone before sending', async () => {
    const { user, api, panel } = await openLuxcore()
    await user.keyboard('100')
    const email = within(panel).getByRole('textbox', { name: /Correo del cliente/ })
    const phone = within(panel).getByRole('textbox', { name: /Teléfono del cliente/ })
    await user.type(email, 'ana@example')
    await user.type(phone, '55-12{Enter}')
    await settle()
    expect(api['luxcore.createDeposit']).not.toHaveBeenCalled()
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(phone.getAttribute('aria-invalid')).toBe('true')
    expect(describedText(email)).toContain('El correo no es válido')
    expect(describedText(phone)).toContain('El teléfono no es válido')
    expect(document.activeElement).toBe(email)
    await user.clear(email)
    await user.type(email, 'ana@example.mx')
    await user.clear(phone)
    await user.type(phone, '5512345678{Enter}')
    await settle()
    expect(api['luxcore.createDeposit']).toHaveBeenCalledTimes(1)
  })

  it('puts main’s VALIDATION refusals on the field they name', async () => {
    const api = fakeApi()
    api['luxcore.createDeposit']
      .mockResolvedValueOnce({ ok: false, error: { code: 'VALIDATION', field: 'amount', reason: 'aboveMaximum' } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'VALIDATION', field: 'customer.phone', reason: 'phone' } })
    const { user, panel } = await openLuxcore(api)
    await user.keyboard('500{Enter}')
    await settle()
    expect(describedText(amountField(panel))).toContain(`El monto máximo por depósito es ${mxn(1_000_000)}.`)
    expect(document.activeElement).toBe(amountField(panel))
    await user.keyboard('{Enter}')
    await settle()
    const phone = within(panel).getByRole('textbox', { name: /Teléfono del cliente/ })
    expect(phone.getAttribute('aria-invalid')).toBe('true')
    expect(describedText(phone)).toContain('El teléfono no es válido')
    expect(amountField(panel).getAttribute('aria-invalid')).toBe('false')
  })

  it('shows an outright refusal under the form in the teller’s words', async () => {
    const api = fakeApi()
    api['luxcore.createDeposit'].mockResolvedValue({
      ok: false,
      error: { code: 'NOT_CONFIGURED', provider: 'luxcore' }
    })
    const { user, panel } = await openLuxcore(api)
    await user.keyboard('500{Enter}')
    await settle()
    expect(within(panel).getByRole('alert').textContent).toBe(
      'LuxCore no está configurado: abra Ajustes (Ctrl+,) y escriba la llave de API.'
    )
    expect(amountField(panel).value).toBe('500')
  })
})
