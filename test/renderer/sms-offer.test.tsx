import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SupervisorApproval } from '@shared/schemas/approval'
import { setSupervisorPrompt } from '@renderer/shared/supervisor'
import { deposit, fakeApi } from './fake-api'
import { paymentLink } from './fake-link'
import { lox24Status } from './fake-lox24'
import { amountField, depositView, openLuxcore } from './luxcore-fixtures'
import { renderApp, scan, searchField, settle } from './render'

/** The "Send SMS" dialog (Spanish, the default language). */
const smsDialog = () => screen.getByRole('dialog', { name: 'Enviar SMS' })
const phoneField = () => within(smsDialog()).getByRole('textbox', { name: 'Teléfono' }) as HTMLInputElement
const textField = () => within(smsDialog()).getByRole('textbox', { name: 'Mensaje' }) as HTMLTextAreaElement

describe('SMS receipt after a delivered approval (the counter, joined by the shell)', () => {
  it("F8, Enter, then Ctrl+M: Luka's payer phone and operation; Enter sends; focus back on the search field", async () => {
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    await user.keyboard('{Control>}m{/Control}')
    await settle()
    expect(textField().value).toContain('96336')
    expect(phoneField().value).not.toBe('')
    await user.keyboard('{Enter}')
    await settle()
    expect(api['lox24.sendSms']).toHaveBeenCalledWith(
      expect.objectContaining({ about: { kind: 'luka', ref: '96336' } })
    )
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(searchField())
    // with a panel open, the counter's offer stays quiet: the panel owns the keyboard
    await user.keyboard('{F2}')
    await settle()
    await user.keyboard('{Control>}m{/Control}')
    await settle()
    expect(screen.queryByRole('dialog', { name: 'Enviar SMS' })).toBeNull()
  })
})

describe('SMS receipt after a created LuxCore deposit', () => {
  it("Ctrl+M in the panel opens 'Send SMS' with the LuxCore reference and the form's phone; Enter sends it about the deposit", async () => {
    const opened = await openLuxcore()
    const { user, api, panel } = opened
    await user.type(within(panel).getByRole('textbox', { name: /Teléfono del cliente/ }), '+52 55 1234 5678')
    await user.type(amountField(panel), '1234,50{Enter}')
    await settle()
    const view = depositView()
    const offer = within(view).getByRole('button', { name: /Enviar recibo por SMS/ })
    expect(offer.getAttribute('aria-keyshortcuts')).toBe('Control+M')
    expect(offer.textContent).toContain('Ctrl+M')

    await user.keyboard('{Control>}m{/Control}')
    await settle()
    const text = textField().value
    expect(text).toContain('Agencia CCCT, Taquilla 2')
    expect(text).toContain('TAQ-20240502-0001') // our merchant reference, what the customer quotes
    expect(text).toContain('pay_1234567890_abcdefgh') // LuxCore's id
    expect(text).toMatch(/1\.234,50/)
    expect(phoneField().value).toBe('+52 55 1234 5678') // typed in the deposit form, editable
    expect(document.activeElement).toBe(phoneField())

    await user.clear(phoneField())
    await user.type(phoneField(), '0414 123 45 67{Enter}')
    await settle()
    expect(api['lox24.sendSms']).toHaveBeenCalledWith({
      about: { kind: 'luxcore', ref: 'TAQ-20240502-0001' },
      phone: '+584141234567',
      text
    })
    expect(screen.queryByRole('dialog', { name: 'Enviar SMS' })).toBeNull()
    // back in the panel, which still has the keyboard, with the SMS's state beside the deposit
    expect(panel.contains(document.activeElement)).toBe(true)
    await waitFor(() => expect(within(view).getByText(/SMS enviado/)).toBeTruthy())
  })

  it.each([
    ['LuxCore does not have it yet (queued)', { queued: true, receipts: true }],
    ['SMS receipts are off', { queued: false, receipts: false }]
  ])('no offer when %s: Ctrl+M opens nothing', async (_case, { queued, receipts }) => {
    const api = fakeApi()
    api['lox24.status'].mockResolvedValue({ ok: true, value: lox24Status({ receipts }) })
    if (queued)
      api['luxcore.createDeposit'].mockResolvedValue({ ok: true, value: deposit({ state: 'queued', payment: null }) })
    const { user } = await openLuxcore(api)
    await user.keyboard('1234,50{Enter}')
    await settle()
    expect(depositView()).toBeTruthy()
    expect(within(depositView()).queryByRole('button', { name: /Enviar recibo por SMS/ })).toBeNull()
    await user.keyboard('{Control>}m{/Control}')
    await settle()
    expect(screen.queryByRole('dialog', { name: 'Enviar SMS' })).toBeNull()
  })
})

describe('SMS after a payment link', () => {
  it('Ctrl+M opens "Send SMS" with the link URL and no phone; an empty phone is refused; Enter sends it about the link', async () => {
    const { user, api } = await renderApp()
    searchField().focus()
    await user.keyboard('{Control>}k{/Control}')
    await settle()
    const panel = screen.getByRole('dialog', { name: 'Enlace de pago' })
    await user.keyboard('12,20{Enter}')
    await settle()
    const link = paymentLink()
    const offer = await waitFor(() => within(panel).getByRole('button', { name: /Enviar recibo por SMS/ }))
    expect(offer.getAttribute('aria-keyshortcuts')).toBe('Control+M')

    await user.keyboard('{Control>}m{/Control}')
    await settle()
    expect(textField().value).toContain(link.url!)
    expect(textField().value).toContain('3372') // Luka's order number
    expect(phoneField().value).toBe('')
    // the text stays one line, as main takes it: Shift+Enter brings no line break
    await user.type(textField(), '{Shift>}{Enter}{/Shift}Gracias')
    expect(textField().value).toMatch(/ Gracias$/)
    expect(textField().value).not.toMatch(/[\r\n]/)
    phoneField().focus()
    await user.keyboard('{Enter}')
    await settle()
    expect(api['lox24.sendSms']).not.toHaveBeenCalled()
    expect(within(smsDialog()).getByText('Escriba el teléfono.')).toBeTruthy()

    await user.type(phoneField(), '04241112233{Enter}')
    await settle()
    expect(api['lox24.sendSms']).toHaveBeenCalledWith({
      about: { kind: 'link', ref: link.trace },
      phone: '+584241112233',
      text: expect.stringContaining(link.url!)
    })
    await waitFor(() => expect(within(panel).getByText(/SMS enviado/)).toBeTruthy())
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('top-up: supervisors only', () => {
  afterEach(() => setSupervisorPrompt(async () => undefined))

  async function topUp(answer: SupervisorApproval | null) {
    const asked: string[] = []
    const { user, api } = await renderApp()
    // after the app installed its own prompt (SupervisorPrompt, issue 11): this one stands in for it
    setSupervisorPrompt(async (action) => {
      asked.push(action)
      return answer
    })
    await user.keyboard('{Alt>}t{/Alt}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Recargar crédito SMS' })
    await user.type(within(dialog).getByRole('textbox', { name: 'Monto' }), '25{Enter}')
    await settle()
    return { api, asked, dialog }
  }

  it('asks for a supervisor first; cancelled, nothing is sent', async () => {
    const { api, asked } = await topUp(null)
    expect(asked).toEqual(['smsTopUp'])
    expect(api['lox24.createTopup']).not.toHaveBeenCalled()
  })

  it("sends the supervisor's approval with the top-up", async () => {
    const { api, asked } = await topUp({ operatorId: 'sup-1', pin: '4321' })
    expect(asked).toEqual(['smsTopUp'])
    expect(api['lox24.createTopup']).toHaveBeenCalledWith({
      type: 'stored_card',
      methodId: 94,
      net: { minor: 2500, currency: 'EUR' },
      approval: { operatorId: 'sup-1', pin: '4321' }
    })
  })
})
