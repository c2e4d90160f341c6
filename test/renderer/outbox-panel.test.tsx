import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { formatMoney } from '@shared/money'
import { fakeApi, outboxSummary } from './fake-api'
import { items, listedApi, NOW, openPanel, option, selected } from './outbox-fixtures'
import { renderApp, searchField, settle } from './render'

describe('the queue panel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('F6 opens it with the list focused: waiting oldest first, then history; Esc closes it', async () => {
    const { user, api, dialog, listbox } = await openPanel()
    expect(api['outbox.list']).toHaveBeenCalledTimes(1)
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(document.activeElement).toBe(listbox)
    const options = within(listbox).getAllByRole('option')
    expect(options.map((element) => element.textContent?.split(' · ').slice(0, 2).join(' · '))).toEqual([
      'Aprobación · Luka 96336',
      'Rechazo · Luka 96337',
      'Aprobación · Luka 96338',
      'Aprobación · Luka 96330',
      'Rechazo · Luka 96331'
    ])
    expect(within(listbox).getByRole('group', { name: 'En cola' })).toBeTruthy()
    expect(within(listbox).getByRole('group', { name: 'Entregados y descartados' })).toBeTruthy()
    const first = options[0]?.textContent ?? ''
    expect(first).toContain(formatMoney({ minor: 123450, currency: 'VES' }, 'es-VE'))
    expect(first).toContain('pendiente')
    expect(first).toContain('Intentos: 3')
    expect(first).toContain('Próximo intento: dentro de 1 min')
    expect(first).toContain('Creado: ')
    expect(first).toContain('Último error: Luka no responde: se agotó el tiempo de espera')
    expect(options[1]?.textContent).toContain('Próximo intento: dentro de 20 s')
    const attention = options[2]?.textContent ?? ''
    expect(attention).toContain('requiere atención')
    expect(attention).toContain('Luka no aceptó este envío: Código 12')
    expect(attention).toContain('Luka: «Transacción ya procesada»')
    expect(options[3]?.textContent).toContain('entregado')
    expect(options[3]?.textContent).not.toContain('Próximo intento')
    expect(options[4]?.textContent).toContain('descartado')
    expect(options[4]?.textContent).toContain('Motivo del descarte: Duplicado')
    expect(selected(listbox)).toBe(options[0])
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(searchField())
  })

  it('ArrowDown/ArrowUp move the selection; R retries the selected item now', async () => {
    const api = listedApi()
    api['outbox.retryNow'].mockResolvedValue({
      ok: true,
      value: { ...items.second, state: 'sending', nextAttemptAt: null, updatedAt: '2024-05-02T14:04:00.000Z' }
    })
    const { user, dialog, listbox } = await openPanel(api)
    await user.keyboard('{ArrowDown}')
    expect(selected(listbox).textContent).toContain('Luka 96337')
    expect(listbox.getAttribute('aria-activedescendant')).toBe(selected(listbox).id)
    await user.keyboard('{ArrowDown}{ArrowUp}')
    expect(selected(listbox).textContent).toContain('Luka 96337')
    await user.keyboard('r')
    await settle()
    expect(api['outbox.retryNow']).toHaveBeenCalledTimes(1)
    expect(api['outbox.retryNow']).toHaveBeenCalledWith({ id: 'ob-96337' })
    expect(within(dialog).getByRole('status').textContent).toBe('Se reintentará ahora.')
    expect(option(listbox, 'Luka 96337').textContent).toContain('enviando')
    await user.keyboard('{ArrowUp}')
    expect(selected(listbox).textContent).toContain('Luka 96336')
  })

  it('the "Reintentar ahora" button does the same for the selected item', async () => {
    const { user, api, dialog, listbox } = await openPanel()
    await user.click(option(listbox, 'Luka 96337'))
    const retry = within(dialog).getByRole('button', { name: 'Reintentar ahora' })
    expect(retry.getAttribute('aria-keyshortcuts')).toBe('R')
    expect(retry.getAttribute('aria-describedby')).toBe(selected(listbox).id)
    await user.click(retry)
    await settle()
    expect(api['outbox.retryNow']).toHaveBeenCalledWith({ id: 'ob-96337' })
  })

  it('follows outbox.item at once and reloads the list after outbox.updated', async () => {
    const { api, listbox } = await openPanel()
    api.emit('outbox.item', {
      ...items.first,
      state: 'delivered',
      nextAttemptAt: null,
      updatedAt: '2024-05-02T14:04:30.000Z'
    })
    await settle()
    const done = option(listbox, 'Luka 96336')
    expect(done.textContent).toContain('entregado')
    expect(within(listbox).getByRole('group', { name: 'Entregados y descartados' }).contains(done)).toBe(true)
    api['outbox.list'].mockResolvedValue({ ok: true, value: { active: [items.second], history: [] } })
    api.emit('outbox.updated', outboxSummary())
    await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(1))
    expect(api['outbox.list']).toHaveBeenCalledTimes(2)
    expect(selected(listbox).textContent).toContain('Luka 96337')
  })

  it('says when the outbox is empty', async () => {
    const { user } = await renderApp(fakeApi())
    await user.keyboard('{F6}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Cola de envíos' })
    expect(dialog.textContent).toContain('No hay nada en la cola de envíos.')
    expect(within(dialog).queryByRole('listbox')).toBeNull()
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cerrar' }))
  })

  it('is the "Outbox" in English', async () => {
    const api = listedApi()
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
    const { user } = await renderApp(api)
    await user.keyboard('{F6}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Outbox' })
    const listbox = within(dialog).getByRole('listbox', { name: 'Items' })
    expect(selected(listbox).textContent).toContain('Approval · Luka 96336')
    expect(selected(listbox).textContent).toContain('pending')
    expect(within(dialog).getByRole('button', { name: 'Retry now' })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Discard…' })).toBeTruthy()
  })
})
