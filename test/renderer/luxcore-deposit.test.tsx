import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Deposit } from '@shared/contract'
import { formatMoney } from '@shared/money'
import { formatDateTime } from '@renderer/shared/format'
import { deposit, fakeApi, luxcorePayment } from './fake-api'
import { depositView, LUX_NOW, openLuxcore } from './luxcore-fixtures'
import { settle } from './render'

const mxn = (minor: number) => formatMoney({ minor, currency: 'MXN' }, 'es-VE')

function creating(result: Deposit) {
  const api = fakeApi()
  api['luxcore.createDeposit'].mockResolvedValue({ ok: true, value: result })
  return api
}

async function createOne(api = fakeApi()) {
  const opened = await openLuxcore(api)
  await opened.user.keyboard('1234,50{Enter}')
  await settle()
  return { ...opened, view: depositView() }
}

/** "label" then "value", as a <dt>/<dd> pair reads in textContent */
const fact = (view: HTMLElement, label: string): string | null => {
  const term = within(view).getAllByText(label, { selector: 'dt' })[0]
  return term?.nextElementSibling?.textContent ?? null
}

describe('a created deposit', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(LUX_NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('shows reference, transaction id, status, amount, fee, net and the time left, and takes the focus', async () => {
    const { view } = await createOne()
    expect(document.activeElement).toBe(view)
    expect(view.textContent).toContain('Depósito TAQ-20240502-0001')
    expect(fact(view, 'ID de transacción LuxCore')).toBe('pay_1234567890_abcdefgh')
    expect(fact(view, 'Estado')).toBe('En proceso')
    expect(fact(view, 'Monto')).toBe(mxn(123450))
    expect(fact(view, 'Comisión')).toBe(mxn(5555))
    expect(fact(view, 'Monto neto')).toBe(mxn(117895))
    expect(within(view).getByRole('timer').textContent).toBe('10:00')
    expect(view.textContent).not.toContain('En cola')
  })

  it('renders the instructions generically: bank details, the payment page URL as text, a nested voucher reference', async () => {
    const { view } = await createOne()
    const instructions = within(view).getByRole('region', { name: 'Instrucciones de pago' })
    expect(fact(instructions, 'Datos bancarios')).toContain('Banco Azteca')
    expect(fact(instructions, 'Número de cuenta')).toBe('0110012345678901234567')
    expect(fact(instructions, 'Titular')).toBe('LuxCore Platform S.A.')
    const url = within(instructions).getByText('https://pay.lux-core.io/pay/tok123?sig=abc&exp=1714661100')
    expect(url.closest('a')).toBeNull()
    const voucher = within(instructions).getAllByText('Comprobante', { selector: 'dt' })[0]
      ?.nextElementSibling as HTMLElement
    expect(fact(voucher, 'Tienda')).toBe('OXXO')
    expect(fact(voucher, 'Referencia')).toContain('93000012345678')
    expect(fact(voucher, 'Check digit')).toBe('7')
  })

  it('draws the barcode (Code128) into an svg named with its value, the value as text below', async () => {
    const { view } = await createOne()
    const svg = await waitFor(() => within(view).getByRole('img', { name: 'Código de barras 93000012345678' }))
    await waitFor(() => expect(svg.querySelectorAll('rect').length).toBeGreaterThan(10))
    expect(svg.closest('figure')?.querySelector('figcaption')?.textContent).toBe('93000012345678')
  })

  it('a barcode value Code128 cannot carry stays as text', async () => {
    const { view } = await createOne(creating(deposit({ payment: luxcorePayment({ barcode: 'Ωmega' }) })))
    await waitFor(() => expect(within(view).getByText(/No se pudo dibujar el código de barras/)).toBeTruthy())
    expect(within(view).queryByRole('img')).toBeNull()
    expect(within(view).getByText('Ωmega', { selector: 'figcaption' })).toBeTruthy()
  })

  it('prints the voucher with Ctrl+P or the button; the voucher carries agency, reference, amount and instructions', async () => {
    const print = vi.fn()
    vi.stubGlobal('print', print)
    try {
      const { user, view } = await createOne()
      const button = within(view).getByRole('button', { name: 'Imprimir comprobante' })
      expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+P')
      await user.keyboard('{Control>}p{/Control}')
      expect(print).toHaveBeenCalledTimes(1)
      await user.click(button)
      expect(print).toHaveBeenCalledTimes(2)
      const voucher = document.querySelector('.print-voucher')
      expect(voucher?.getAttribute('aria-hidden')).toBe('true')
      expect(document.getElementById('root')?.contains(voucher ?? null)).toBeFalsy()
      const text = voucher?.textContent ?? ''
      for (const part of [
        'Agencia CCCT, Taquilla 2',
        'TAQ-20240502-0001',
        mxn(123450),
        'OXXO',
        'PRUEBA — SIN VALOR',
        'Banco Azteca'
      ]) {
        expect(text).toContain(part)
      }
      await waitFor(() => expect(voucher?.querySelector('svg rect')).not.toBeNull())
      // "Impreso" is when it is printed, not when the deposit was shown
      const later = Date.parse('2024-05-02T16:20:00.000Z')
      vi.setSystemTime(later)
      act(() => {
        window.dispatchEvent(new Event('beforeprint'))
      })
      expect(voucher?.textContent).toContain(`Impreso${formatDateTime(new Date(later).toISOString(), 'es')}`)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('says “vencido” once the time is up', async () => {
    const { view } = await createOne(
      creating(deposit({ payment: luxcorePayment({ expiresAt: '2024-05-02T14:30:00.000Z' }) }))
    )
    expect(within(view).getByRole('timer').textContent).toBe('vencido')
  })

  it('follows luxcore.deposit live and announces the new status', async () => {
    const { api, view } = await createOne()
    const news = within(view).getByRole('status', { name: 'Novedades del depósito' })
    expect(news.textContent).toBe('')
    api.emit('luxcore.deposit', deposit({ payment: luxcorePayment({ status: 'completed', terminal: true }) }))
    await settle()
    expect(fact(view, 'Estado')).toBe('Completado')
    expect(news.textContent).toBe('Depósito TAQ-20240502-0001: Completado')
    expect(within(view).queryByRole('timer')).toBeNull()
    // a final payment has no voucher to print: the customer must not go and pay it
    expect(within(view).queryByRole('button', { name: 'Imprimir comprobante' })).toBeNull()
    expect(document.querySelector('.print-voucher')).toBeNull()
    // the balance is read again once money came in
    expect(api['luxcore.balance']).toHaveBeenCalledTimes(2)
    // an older message arriving late does not undo it
    api.emit('luxcore.deposit', deposit())
    await settle()
    expect(fact(view, 'Estado')).toBe('Completado')
    // a word LuxCore did not document is shown as it came
    api.emit('luxcore.deposit', deposit({ payment: luxcorePayment({ status: 'on_hold' }) }))
    await settle()
    expect(fact(view, 'Estado')).toBe('Completado')
  })

  it('shows a status word LuxCore did not document as it came', async () => {
    const { view } = await createOne(creating(deposit({ payment: luxcorePayment({ status: 'awaiting_store' }) })))
    expect(fact(view, 'Estado')).toBe('awaiting_store')
  })
})

describe('a deposit LuxCore does not have', () => {
  it('queued: says it waits in the outbox, never that it was created, with no voucher', async () => {
    const api = creating(deposit({ state: 'queued', payment: null, error: { code: 'TIMEOUT', provider: 'luxcore' } }))
    const { view } = await createOne(api)
    expect(view.textContent).toContain('En cola — se creará en LuxCore automáticamente')
    expect(view.textContent).toContain('LuxCore no responde: se agotó el tiempo de espera')
    expect(view.textContent).not.toContain('ID de transacción LuxCore')
    expect(within(view).queryByRole('region', { name: 'Instrucciones de pago' })).toBeNull()
    expect(within(view).queryByRole('button', { name: 'Imprimir comprobante' })).toBeNull()
    expect(document.querySelector('.print-voucher')).toBeNull()
    // and when the outbox delivers it, the view follows
    api.emit('luxcore.deposit', deposit())
    await settle()
    expect(view.textContent).not.toContain('En cola')
    expect(within(view).getByRole('status', { name: 'Novedades del depósito' }).textContent).toContain('En proceso')
  })

  const refusals = [
    ['UNSUPPORTED_CURRENCY', 'Currency MXN is not supported', 'LuxCore no acepta esta moneda para este comercio.'],
    [
      'LIMIT_EXCEEDED',
      'Amount exceeds the per-transaction limit',
      'El monto supera el límite que LuxCore permite por operación.'
    ]
  ] as const

  for (const [providerCode, providerMessage, sentence] of refusals) {
    it(`attention (${providerCode}): says so in an alert with our sentence and LuxCore’s own words`, async () => {
      const error = {
        code: 'PROVIDER_REJECTED',
        provider: 'luxcore',
        httpStatus: 400,
        providerCode,
        providerMessage
      } as const
      const { view } = await createOne(creating(deposit({ state: 'attention', payment: null, error })))
      const alert = within(view).getByRole('alert')
      expect(alert.textContent).toContain('REQUIERE ATENCIÓN — LuxCore no aceptó este depósito')
      expect(alert.textContent).toContain(`${sentence} — LuxCore: «${providerMessage}, código ${providerCode}»`)
      expect(view.textContent).not.toContain('En cola')
    })
  }

  it('discarded: says it will not be created', async () => {
    const { view } = await createOne(creating(deposit({ state: 'discarded', payment: null })))
    expect(within(view).getByRole('alert').textContent).toContain('DESCARTADO — no se creará en LuxCore')
  })
})

describe('screen', () => {
  it('no deposit on view: nothing to print, Ctrl+P prints nothing', async () => {
    const print = vi.fn()
    vi.stubGlobal('print', print)
    try {
      const { user } = await openLuxcore()
      expect(screen.queryByRole('region', { name: /^Depósito / })).toBeNull()
      await user.keyboard('{Control>}p{/Control}')
      expect(print).not.toHaveBeenCalled()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
