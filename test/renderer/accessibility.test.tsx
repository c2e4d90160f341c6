import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mainShortcuts, shortcutHint, shortcuts, type ShortcutId } from '@renderer/shared/keyboard/shortcuts'
import { decisionRecord, deposit, fakeApi, lookupResult, luxcorePayment, outboxItem, outboxSummary } from './fake-api'
import { shiftOf, totals, zReport } from './fake-books'
import { card, renderApp, scan, settle } from './render'

const roles = [
  'checkbox',
  'button',
  'textbox',
  'radio',
  'combobox',
  'dialog',
  'region',
  'radiogroup',
  'group',
  'listbox',
  'option'
] as const

/** Every control on screen has a non-empty accessible name. */
function expectAllNamed(): void {
  for (const role of roles) {
    const all = screen.queryAllByRole(role)
    const named = screen.queryAllByRole(role, { name: /\S/ })
    expect(named.length, `${role} without a name`).toBe(all.length)
  }
  const controls = document.querySelectorAll('button, input, select, textarea')
  const reachable = roles.flatMap((role) => screen.queryAllByRole(role))
  // password and date inputs have no role: check them by their label instead
  for (const control of controls) {
    if (control instanceof HTMLInputElement && (control.type === 'password' || control.type === 'date')) {
      expect(control.labels?.[0]?.textContent).toMatch(/\S/)
    } else {
      expect(reachable, control.outerHTML).toContain(control)
    }
  }
}

const ariaValues = new Set(Object.values(shortcuts).map((def) => def.aria))

/** Every declared shortcut comes from the registry and its hint is on the control itself. */
function expectShortcutsDeclared(): void {
  for (const element of document.querySelectorAll('[aria-keyshortcuts]')) {
    const value = element.getAttribute('aria-keyshortcuts') ?? ''
    expect(ariaValues).toContain(value)
    const id = (Object.keys(shortcuts) as ShortcutId[]).find((candidate) => shortcuts[candidate].aria === value)
    const hint = element.querySelector('kbd') ?? element.closest('label')?.querySelector('kbd')
    expect(hint?.textContent, `hint for ${value}`).toBe(id && shortcutHint(id, document.documentElement.lang || 'es'))
  }
}

describe('accessibility', () => {
  it('names every control and declares every shortcut on the main screen', async () => {
    const { user } = await renderApp()
    await scan(user, '6567704')
    expectAllNamed()
    expectShortcutsDeclared()
    const expected: Record<string, string> = {
      Aprobar: 'F8',
      Rechazar: 'F9',
      Limpiar: 'Escape',
      Conectar: 'Control+L',
      Ajustes: 'Control+,',
      'Cola de envíos': 'F6',
      'Depósitos LuxCore': 'F2'
    }
    for (const [name, keys] of Object.entries(expected)) {
      expect(screen.getByRole('button', { name }).getAttribute('aria-keyshortcuts')).toBe(keys)
    }
    expect(screen.getByRole('radio', { name: 'Referencia' }).getAttribute('aria-keyshortcuts')).toBe('Alt+1')
    expect(screen.getByRole('radio', { name: 'ID de transacción Luka' }).getAttribute('aria-keyshortcuts')).toBe(
      'Alt+2'
    )
    expect(screen.getByRole('radio', { name: 'Código de autorización' }).getAttribute('aria-keyshortcuts')).toBe(
      'Alt+3'
    )
  })

  it('lists the main shortcuts in the status bar', async () => {
    await renderApp()
    const list = screen.getByRole('list', { name: 'Atajos de teclado' })
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('kbd')?.textContent)
    expect(items).toEqual(mainShortcuts.map((id) => shortcutHint(id, 'es')))
  })

  it('names every control in both decision dialogs and the queued state', async () => {
    const api = fakeApi()
    api['luka.decide'].mockResolvedValue({
      ok: true,
      value: decisionRecord({ state: 'queued', reply: null, error: { code: 'NETWORK' } })
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    await user.keyboard('{F9}')
    expectAllNamed()
    expectShortcutsDeclared()
    await user.keyboard('{Escape}{F8}')
    expectAllNamed()
    expectShortcutsDeclared()
    await user.keyboard('{Enter}')
    await settle()
    expect(within(card()).getByRole('button', { name: 'Reintentar ahora' })).toBeTruthy()
    expectAllNamed()
    expectShortcutsDeclared()
  })

  it('names every control in the queue panel and its discard dialog', async () => {
    const api = fakeApi()
    api['outbox.summary'].mockResolvedValue({
      ok: true,
      value: outboxSummary({
        providers: [
          { provider: 'luka', state: 'offline', waiting: 1, attention: 0, oldestAt: '2024-05-02T14:00:00.000Z' }
        ],
        totals: [{ currency: 'VES', minor: 123450, count: 1 }]
      })
    })
    api['outbox.list'].mockResolvedValue({
      ok: true,
      value: { active: [outboxItem()], history: [outboxItem({ id: 'old', state: 'delivered', nextAttemptAt: null })] }
    })
    const { user } = await renderApp(api)
    expectAllNamed()
    await user.keyboard('{F6}')
    await settle()
    const panel = screen.getByRole('dialog', { name: 'Cola de envíos' })
    expect(within(panel).getByRole('listbox').getAttribute('aria-activedescendant')).toMatch(/\S/)
    expectAllNamed()
    expectShortcutsDeclared()
    const expected: Record<string, string> = { 'Reintentar ahora': 'R', 'Descartar…': 'Delete', Cerrar: 'Escape' }
    for (const [name, keys] of Object.entries(expected)) {
      expect(within(panel).getByRole('button', { name }).getAttribute('aria-keyshortcuts')).toBe(keys)
    }
    expect(within(panel).getByRole('button', { name: 'Descartar…' }).querySelector('kbd')?.textContent).toBe('Supr')
    await user.keyboard('{Delete}')
    expect(screen.getByRole('dialog', { name: /^Descartar/ })).toBeTruthy()
    expectAllNamed()
    expectShortcutsDeclared()
  })

  it('names every control in the settings panel', async () => {
    const api = fakeApi()
    api['luka.lookup'].mockResolvedValue({ ok: true, value: lookupResult() })
    const { user } = await renderApp(api)
    await user.keyboard('{Control>},{/Control}')
    await settle()
    expect(screen.getByRole('dialog', { name: 'Ajustes' })).toBeTruthy()
    expectAllNamed()
    expectShortcutsDeclared()
  })

  it('names every control in the LuxCore panel, its deposit view, its lists and its cancel dialog', async () => {
    const api = fakeApi()
    api['luxcore.deposits'].mockResolvedValue({
      ok: true,
      value: [
        deposit({ merchantReference: 'TAQ-OLD', payment: luxcorePayment({ status: 'completed', terminal: true }) })
      ]
    })
    api['luxcore.listPayments'].mockResolvedValue({
      ok: true,
      value: { items: [luxcorePayment()], total: 1, limit: 20, offset: 0 }
    })
    const { user } = await renderApp(api)
    await user.keyboard('{F2}')
    await settle()
    const panel = screen.getByRole('dialog', { name: 'Depósitos LuxCore' })
    expectAllNamed()
    expectShortcutsDeclared()
    api['luxcore.createDeposit'].mockResolvedValue({
      ok: true,
      value: deposit({ payment: luxcorePayment({ status: 'pending' }) })
    })
    await user.keyboard('100{Enter}')
    await settle()
    expectAllNamed()
    expectShortcutsDeclared()
    const expected: Record<string, string> = {
      'Crear depósito': 'Enter',
      'Imprimir comprobante': 'Control+P',
      'Anular…': 'Delete',
      Anterior: 'PageUp',
      Siguiente: 'PageDown',
      Cerrar: 'Escape'
    }
    for (const [name, keys] of Object.entries(expected)) {
      expect(within(panel).getByRole('button', { name }).getAttribute('aria-keyshortcuts')).toBe(keys)
    }
    expect(within(panel).getByRole('button', { name: 'Anular…' }).querySelector('kbd')?.textContent).toBe('Supr')
    await user.keyboard('{Delete}')
    expect(screen.getByRole('dialog', { name: /^Anular depósito/ })).toBeTruthy()
    expectAllNamed()
    expectShortcutsDeclared()
  })

  it('names every control and declares every shortcut in the shift dialogs and the Z report', async () => {
    const api = fakeApi()
    const { user } = await renderApp(api)
    expect(screen.getByRole('button', { name: 'Turno' }).getAttribute('aria-keyshortcuts')).toBe('F3')
    await user.keyboard('{F3}')
    await settle()
    expect(screen.getByRole('dialog', { name: 'Abrir turno' })).toBeTruthy()
    expectAllNamed()
    expectShortcutsDeclared()
    await user.keyboard('100{Enter}')
    await settle()
    const shift = shiftOf()
    api['shift.current'].mockResolvedValue({
      ok: true,
      value: {
        shift,
        report: zReport({
          shift,
          currencies: [totals('USD', { float: 10000 })],
          waiting: [{ transactionId: 1, amount: { minor: 100, currency: 'USD' }, state: 'queued' }]
        })
      }
    })
    await user.keyboard('{F3}')
    await settle()
    expect(screen.getByRole('dialog', { name: 'Cerrar turno' })).toBeTruthy()
    expectAllNamed()
    expectShortcutsDeclared()
    await user.keyboard('99{Enter}Contado dos veces{Enter}')
    await settle()
    expect(screen.getByRole('dialog', { name: 'Reporte Z' })).toBeTruthy()
    expectAllNamed()
    expectShortcutsDeclared()
  })

  it('names every control and declares every shortcut in the journal view', async () => {
    const { user } = await renderApp()
    expect(screen.getByRole('button', { name: 'Diario' }).getAttribute('aria-keyshortcuts')).toBe('F4')
    await user.keyboard('{F4}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Diario de la taquilla' })
    expectAllNamed()
    expectShortcutsDeclared()
    expect(within(dialog).getByRole('button', { name: 'Reimprimir recibo' }).getAttribute('aria-keyshortcuts')).toBe(
      'Control+P'
    )
    expect(within(dialog).getByRole('button', { name: 'Guardar PDF' }).getAttribute('aria-keyshortcuts')).toBe(
      'Control+S'
    )
    expect(within(dialog).getByLabelText('Día')).toBeTruthy()
  })

  it('names the change field in the approve dialog and the receipt buttons on the card', async () => {
    const { user } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}')
    expect(screen.getByRole('textbox', { name: /Efectivo recibido/ })).toBeTruthy()
    expectAllNamed()
    await user.keyboard('{Enter}')
    await settle()
    expectAllNamed()
    expectShortcutsDeclared()
  })
})
