import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { formatMoney } from '@shared/money'
import { listedApi, NOW, openPanel, option, selected } from './outbox-fixtures'
import { settle } from './render'

describe('discarding from the queue panel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('discard needs a typed reason: Enter on empty shows a message and calls nothing', async () => {
    const { user, api, listbox } = await openPanel()
    await user.keyboard('{Delete}')
    const confirm = screen.getByRole('dialog', { name: 'Descartar Aprobación · Luka 96336' })
    expect(confirm.textContent).toContain(formatMoney({ minor: 123450, currency: 'VES' }, 'es-VE'))
    expect(confirm.textContent).toContain('NO se entregará a Luka')
    const reason = within(confirm).getByRole('textbox', { name: 'Motivo del descarte' })
    expect(document.activeElement).toBe(reason)
    await user.keyboard('{Enter}')
    expect(within(confirm).getByRole('alert').textContent).toBe('Escriba el motivo del descarte.')
    expect(reason.getAttribute('aria-invalid')).toBe('true')
    await user.keyboard('   {Enter}')
    expect(api['outbox.discard']).not.toHaveBeenCalled()
    await user.keyboard('Cliente pagó en otra taquilla{Enter}')
    await settle()
    expect(api['outbox.discard']).toHaveBeenCalledTimes(1)
    expect(api['outbox.discard']).toHaveBeenCalledWith({ id: 'ob-96336', reason: 'Cliente pagó en otra taquilla' })
    // the "r" typed in the reason is text, not the panel's retry shortcut
    expect(api['outbox.retryNow']).not.toHaveBeenCalled()
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
    const moved = option(listbox, 'Luka 96336')
    const history = within(listbox).getByRole('group', { name: 'Entregados y descartados' })
    expect(within(history).getAllByRole('option')[0]).toBe(moved) // newest first
    expect(moved.textContent).toContain('Motivo del descarte: Cliente pagó en otra taquilla')
    expect(document.activeElement).toBe(listbox)
  })

  it('Esc cancels the discard without a call; the panel stays open', async () => {
    const { user, api, dialog } = await openPanel()
    await user.click(within(dialog).getByRole('button', { name: 'Descartar…' }))
    expect(screen.getByRole('dialog', { name: /^Descartar/ })).toBeTruthy()
    await user.keyboard('algo{Escape}')
    expect(screen.getAllByRole('dialog')).toEqual([dialog])
    expect(api['outbox.discard']).not.toHaveBeenCalled()
  })

  it('shows main’s refusal inside the discard dialog', async () => {
    const api = listedApi()
    api['outbox.discard'].mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND' } })
    const { user } = await openPanel(api)
    await user.keyboard('{Delete}Ya no existe{Enter}')
    await settle()
    const confirm = screen.getByRole('dialog', { name: /^Descartar/ })
    expect(within(confirm).getByRole('alert').textContent).toContain('No se encontró')
  })

  it('attention items can be retried (main verifies first) or discarded; delivered ones neither, Supr and R do nothing', async () => {
    const { user, api, dialog, listbox } = await openPanel()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(selected(listbox).textContent).toContain('requiere atención')
    expect(within(dialog).getByRole('button', { name: 'Descartar…' })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Reintentar ahora' })).toBeTruthy()
    await user.keyboard('{ArrowDown}')
    expect(selected(listbox).textContent).toContain('entregado')
    expect(within(dialog).queryByRole('button', { name: 'Descartar…' })).toBeNull()
    expect(within(dialog).queryByRole('button', { name: 'Reintentar ahora' })).toBeNull()
    await user.keyboard('{Delete}r')
    await settle()
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
    expect(api['outbox.retryNow']).not.toHaveBeenCalled()
    await user.keyboard('{End}')
    expect(selected(listbox).textContent).toContain('descartado')
    expect(within(dialog).queryByRole('button', { name: 'Descartar…' })).toBeNull()
  })
})
