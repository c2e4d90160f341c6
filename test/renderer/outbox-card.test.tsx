import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DecisionRecord } from '@shared/contract'
import { decisionRecord, fakeApi, lookupResult, outboxItem } from './fake-api'
import { card, renderApp, scan, settle } from './render'

const NOW = Date.parse('2024-05-02T14:04:00.000Z')

function withDecision(record: Partial<DecisionRecord>) {
  const api = fakeApi()
  api['luka.lookup'].mockResolvedValue({
    ok: true,
    value: lookupResult({}, decisionRecord({ reply: null, ...record }))
  })
  return api
}

describe('the card while a decision is in the outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('queued: shows the next attempt from the outbox item, and follows outbox.item events', async () => {
    const api = withDecision({ state: 'queued', attempts: 3, error: { code: 'TIMEOUT', provider: 'luka' } })
    api['outbox.list'].mockResolvedValue({ ok: true, value: { active: [outboxItem()], history: [] } })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(api['outbox.list']).toHaveBeenCalledTimes(1)
    const text = () => card().textContent ?? ''
    expect(text()).toContain('En cola — se entregará a Luka automáticamente')
    expect(text()).toContain('Intentos: 3')
    expect(text()).toContain('Próximo intento: dentro de 1 min')
    api.emit(
      'outbox.item',
      outboxItem({ nextAttemptAt: '2024-05-02T14:09:00.000Z', updatedAt: '2024-05-02T14:04:00.000Z' })
    )
    await settle()
    expect(text()).toContain('Próximo intento: dentro de 5 min')
    // another item's event does not touch this card
    api.emit(
      'outbox.item',
      outboxItem({ id: 'other', nextAttemptAt: '2024-05-02T16:00:00.000Z', updatedAt: '2024-05-02T14:05:00.000Z' })
    )
    await settle()
    expect(text()).toContain('Próximo intento: dentro de 5 min')
  })

  it('attention: says so in an alert, with Luka’s refusal and the outbox’s detail; no retry', async () => {
    const api = withDecision({
      state: 'attention',
      attempts: 2,
      error: { code: 'PROVIDER_REJECTED', provider: 'luka', providerMessage: 'Transacción ya procesada' }
    })
    api['outbox.list'].mockResolvedValue({
      ok: true,
      value: {
        active: [
          outboxItem({
            state: 'attention',
            nextAttemptAt: null,
            attention: { reason: 'conflict', detail: 'Luka la aprobó' }
          })
        ],
        history: []
      }
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    const alert = within(card()).getByRole('alert')
    expect(alert.textContent).toContain('REQUIERE ATENCIÓN — Luka no tomó esta decisión')
    expect(alert.textContent).toContain('En Luka esta transacción se decidió de otra forma: Luka la aprobó')
    expect(alert.textContent).toContain('Luka rechazó la solicitud. — Luka: «Transacción ya procesada»')
    expect(card().textContent).toContain('cola de envíos (F6)')
    expect(card().textContent).not.toContain('Entregado a Luka')
    expect(within(card()).queryByRole('status')).toBeNull()
    expect(within(card()).queryByRole('button', { name: 'Reintentar ahora' })).toBeNull()
    expect(within(card()).queryByRole('button', { name: 'Aprobar' })).toBeNull()
    await user.keyboard('{F7}')
    await settle()
    expect(api['luka.retryDecision']).not.toHaveBeenCalled()
  })

  it('attention without the outbox item still shows the error prominently', async () => {
    const api = withDecision({
      state: 'attention',
      error: { code: 'PROVIDER_REJECTED', provider: 'luka', providerMessage: 'Monto no coincide' }
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    const alert = within(card()).getByRole('alert')
    expect(alert.textContent).toContain('REQUIERE ATENCIÓN')
    expect(alert.textContent).toContain('Monto no coincide')
  })

  it('discarded: says it will not reach Luka and why', async () => {
    const api = withDecision({ state: 'discarded', error: null })
    api['outbox.list'].mockResolvedValue({
      ok: true,
      value: {
        active: [],
        history: [
          outboxItem({ state: 'discarded', nextAttemptAt: null, discardReason: 'Cliente pagó en otra taquilla' })
        ]
      }
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    const alert = within(card()).getByRole('alert')
    expect(alert.textContent).toContain('DESCARTADA de la cola — NO se entregará a Luka')
    expect(alert.textContent).toContain('Motivo del descarte: Cliente pagó en otra taquilla')
    expect(card().textContent).not.toContain('Entregado a Luka')
  })

  it('a delivered decision asks the outbox nothing', async () => {
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    expect(within(card()).getByRole('status').textContent).toContain('Entregado a Luka')
    expect(api['outbox.list']).not.toHaveBeenCalled()
  })
})

describe('OUTBOX_LIMIT', () => {
  it('says the counter takes no new operations in that currency until some are delivered', async () => {
    const api = fakeApi()
    api['luka.decide'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'OUTBOX_LIMIT', reason: 'items', field: 'VES' }
    })
    api['luka.decide'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'OUTBOX_LIMIT', reason: 'amount', field: 'VES' }
    })
    api['luka.decide'].mockResolvedValueOnce({ ok: false, error: { code: 'OUTBOX_LIMIT' } })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    const alert = () => within(card()).getByRole('alert').textContent ?? ''
    expect(alert()).toContain('Hay demasiadas operaciones en VES esperando en la cola de envíos')
    expect(alert()).toContain(
      'no acepta operaciones nuevas en VES (aprobaciones ni depósitos) hasta que se entreguen algunas'
    )
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(card().textContent).not.toContain('Entregado a Luka')
    await user.keyboard('{F8}{Enter}')
    await settle()
    expect(alert()).toContain('El monto en VES que espera en la cola de envíos llegó al límite')
    await user.keyboard('{F8}{Enter}')
    await settle()
    expect(alert()).toContain(
      'Hay demasiado esperando en la cola de envíos: esta taquilla no acepta operaciones nuevas'
    )
  })
})
