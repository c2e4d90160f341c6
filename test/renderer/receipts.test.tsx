import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatMoney } from '@shared/money'
import { readChange } from '@renderer/features/counter/change'
import { formatDateTime } from '@renderer/shared/format'
import { decisionRecord, fakeApi, type FakeApi } from './fake-api'
import { journalEntry } from './fake-books'
import { card, renderApp, scan, settle } from './render'

const ves = (minor: number) => formatMoney({ minor, currency: 'VES' }, 'es-VE')
const paper = (target: string): HTMLElement | null => document.querySelector(`.print-doc-${target}`)
/** "label" then "value", as a <dt>/<dd> pair reads */
const row = (doc: HTMLElement | null, label: string): string | null =>
  [...(doc?.querySelectorAll('dt') ?? [])].find((term) => term.textContent === label)?.nextElementSibling
    ?.textContent ?? null

function stubPrint(): (string | undefined)[] {
  const printed: (string | undefined)[] = []
  vi.stubGlobal(
    'print',
    vi.fn(() => printed.push(document.documentElement.dataset['print']))
  )
  return printed
}
afterEach(() => vi.unstubAllGlobals())

describe('the change (Efectivo recibido)', () => {
  it('is exact in minor units, whatever the decimals', () => {
    const amount = { minor: 1603, currency: 'USD' }
    expect(readChange(amount, '20')).toEqual({
      kind: 'change',
      tendered: { minor: 2000, currency: 'USD' },
      difference: { minor: 397, currency: 'USD' }
    })
    expect(readChange(amount, '16,03')).toMatchObject({ kind: 'exact', difference: { minor: 0 } })
    expect(readChange(amount, '16.02')).toMatchObject({ kind: 'short', difference: { minor: 1 } })
    expect(readChange({ minor: 123450, currency: 'VES' }, '1.300')).toMatchObject({
      kind: 'change',
      difference: { minor: 6550 }
    })
    expect(readChange({ minor: 30, currency: 'USD' }, '0.3')).toMatchObject({ kind: 'exact' }) // 0.1 + 0.2 is not a problem here
    expect(readChange({ minor: 500, currency: 'JPY' }, '1.000')).toMatchObject({
      kind: 'change',
      difference: { minor: 500, currency: 'JPY' }
    })
    expect(readChange(amount, '')).toEqual({ kind: 'none' })
    expect(readChange(amount, '1,2,3')).toEqual({ kind: 'problem', problem: 'format' })
    expect(readChange(amount, '20,001')).toMatchObject({ kind: 'change', difference: { minor: 2_000_100 - 1603 } }) // "20,001" groups thousands: 20 001,00
    expect(readChange(amount, '2,001')).toMatchObject({ kind: 'change' })
    expect(readChange(amount, '20,0001')).toEqual({ kind: 'problem', problem: 'precision' })
  })

  it('shows “Vuelto” or “Faltan” beside the field, never blocks, and goes on the receipt', async () => {
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}{Tab}')
    const dialog = screen.getByRole('dialog', { name: /Aprobar pago/ })
    const field = within(dialog).getByRole('textbox', { name: /Efectivo recibido/ })
    expect(document.activeElement).toBe(field)
    await user.keyboard('1.000')
    expect(dialog.textContent).toContain(`Faltan ${ves(23450)}`)
    await user.clear(field)
    await user.keyboard('1.300')
    expect(dialog.textContent).toContain(`Vuelto: ${ves(6550)}`)
    await user.keyboard('{Enter}')
    await settle()
    expect(api['luka.decide']).toHaveBeenCalledWith({
      transactionId: 96336,
      decision: 'approve',
      note: '',
      authorizationCode: ''
    })
    expect(row(paper('receipt'), 'Efectivo recibido')).toBe(ves(130000))
    expect(row(paper('receipt'), 'Vuelto')).toBe(ves(6550))
  })
})

describe('the receipt of a decision on the card', () => {
  it('carries agency, terminal, operator, time, reference, transaction, amount, status and authorization code', async () => {
    const { user } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    const doc = paper('receipt')
    expect(doc?.getAttribute('aria-hidden')).toBe('true')
    expect(document.getElementById('root')?.contains(doc)).toBeFalsy()
    expect(doc?.querySelector('h1')?.textContent).toBe('Recibo de pago en efectivo')
    expect(row(doc, 'Agencia')).toBe('Agencia CCCT')
    expect(row(doc, 'Taquilla')).toBe('Agencia CCCT, Taquilla 2')
    expect(row(doc, 'Operador')).toBe('María Pérez')
    expect(row(doc, 'Fecha y hora')).toBe(formatDateTime('2024-05-02T14:00:00.000Z', 'es'))
    expect(row(doc, 'Referencia')).toBe('6567704')
    expect(row(doc, 'ID de transacción Luka')).toBe('96336')
    expect(row(doc, 'Nº de operación Luka')).toBe('8357')
    expect(row(doc, 'Monto')).toBe(ves(123450))
    expect(row(doc, 'Estado')).toBe('Confirmado por Luka')
    expect(row(doc, 'Código de autorización')).toBe('kjfkgds874k')
    expect(row(doc, 'Efectivo recibido')).toBeNull()
  })

  it('Ctrl+P prints it alone; Ctrl+S saves it as PDF; both declared and shown on the card', async () => {
    const printed = stubPrint()
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    const print = within(card()).getByRole('button', { name: 'Imprimir recibo' })
    const pdf = within(card()).getByRole('button', { name: 'Guardar PDF' })
    expect([print.getAttribute('aria-keyshortcuts'), print.querySelector('kbd')?.textContent]).toEqual([
      'Control+P',
      'Ctrl+P'
    ])
    expect([pdf.getAttribute('aria-keyshortcuts'), pdf.querySelector('kbd')?.textContent]).toEqual([
      'Control+S',
      'Ctrl+S'
    ])
    await user.keyboard('{Control>}p{/Control}')
    expect(printed).toEqual(['receipt'])
    await user.keyboard('{Control>}s{/Control}')
    await settle()
    expect(api['app.savePdf']).toHaveBeenCalledWith({ name: 'Recibo 6567704 2024-05-02' })
  })

  it('a queued approval gets a receipt that says Luka has not confirmed it', async () => {
    const api = fakeApi()
    api['luka.decide'].mockResolvedValue({
      ok: true,
      value: decisionRecord({ state: 'queued', reply: null, authorizationCode: 'AB-1' })
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    expect(row(paper('receipt'), 'Estado')).toBe('Efectivo recibido — Luka aún no confirma')
    expect(row(paper('receipt'), 'Código de autorización')).toBe('AB-1')
  })

  it('no receipt before a decision, and LuxCore’s Ctrl+P stays LuxCore’s (its voucher, not the card’s receipt)', async () => {
    const printed = stubPrint()
    const { user } = await renderApp()
    await scan(user, '6567704')
    expect(within(card()).queryByRole('button', { name: 'Imprimir recibo' })).toBeNull()
    await user.keyboard('{F8}{Enter}')
    await settle()
    await user.keyboard('{F2}')
    await settle()
    await user.keyboard('{Control>}p{/Control}')
    expect(printed).toEqual([]) // nothing on view in the panel: no print at all
  })
})

async function reprintFrom(api: FakeApi) {
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{F4}')
  await settle()
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Diario de la taquilla' }) }
}

describe('reprinting from the journal', () => {
  it('a decision entry: Ctrl+P reprints its receipt, built from the entry alone', async () => {
    const printed = stubPrint()
    const { user, dialog } = await reprintFrom(fakeApi())
    const button = within(dialog).getByRole('button', { name: 'Reimprimir recibo' })
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+P')
    await user.keyboard('{Control>}p{/Control}')
    expect(printed).toEqual(['reprint'])
    const doc = paper('reprint')
    expect(doc?.textContent).toContain('REIMPRESIÓN')
    expect(row(doc, 'ID de transacción Luka')).toBe('96336')
    expect(row(doc, 'Monto')).toBe(ves(123450))
    expect(row(doc, 'Código de autorización')).toBe('AB-123')
    expect(row(doc, 'Operador')).toBe('María Pérez')
    expect(row(doc, 'Estado')).toBe('Registrado en esta taquilla')
  })

  it('a deposit entry reprints a deposit receipt with LuxCore’s transaction', async () => {
    const api = fakeApi()
    const entry = journalEntry({
      action: 'depositCreated',
      refs: { merchantReference: 'TAQ-20240502-0001', providerTransactionId: 'pay_123', outboxId: 'ob-lux-1' },
      amount: { minor: 123450, currency: 'MXN' },
      detail: { method: 'cash' }
    })
    api['journal.query'].mockResolvedValue({ ok: true, value: { items: [entry], total: 1 } })
    await reprintFrom(api)
    const doc = paper('reprint')
    expect(doc?.querySelector('h1')?.textContent).toBe('Recibo de depósito')
    expect(row(doc, 'Referencia')).toBe('TAQ-20240502-0001')
    expect(row(doc, 'ID de transacción LuxCore')).toBe('pay_123')
    expect(row(doc, 'Monto')).toBe(formatMoney({ minor: 123450, currency: 'MXN' }, 'es-VE'))
  })

  it('an entry without a receipt offers none, and Ctrl+P prints nothing', async () => {
    const printed = stubPrint()
    const api = fakeApi()
    api['journal.query'].mockResolvedValue({
      ok: true,
      value: {
        items: [journalEntry({ action: 'lookup', refs: { reference: 'X' }, amount: null, result: 'found' })],
        total: 1
      }
    })
    const { user, dialog } = await reprintFrom(api)
    expect(within(dialog).queryByRole('button', { name: 'Reimprimir recibo' })).toBeNull()
    expect(dialog.textContent).toContain('La entrada elegida no tiene recibo.')
    await user.keyboard('{Control>}p{/Control}')
    expect(printed).toEqual([])
    expect(paper('reprint')).toBeNull()
  })
})
