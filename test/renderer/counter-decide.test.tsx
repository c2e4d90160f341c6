import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DecisionRecord, Result } from '@shared/contract'
import { decisionRecord, fakeApi, lookupResult } from './fake-api'
import { card, renderApp, scan, searchField, settle } from './render'

const approveButton = () => within(card()).getByRole('button', { name: 'Aprobar' })
const rejectButton = () => within(card()).getByRole('button', { name: 'Rechazar' })

describe('deciding a payment', () => {
  it('F8 then Enter approves: luka.decide gets the payload, Luka’s reply is shown, focus returns', async () => {
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}')
    const dialog = screen.getByRole('dialog', { name: /Aprobar pago de Bs\.S\s1\.234,50/ })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(dialog.textContent).toContain('96336')
    await user.keyboard('{Enter}')
    await settle()
    expect(api['luka.decide']).toHaveBeenCalledTimes(1)
    expect(api['luka.decide']).toHaveBeenCalledWith({
      transactionId: 96336,
      decision: 'approve',
      note: '',
      authorizationCode: ''
    })
    expect(screen.queryByRole('dialog')).toBeNull()
    const outcome = within(card()).getByRole('status')
    expect(outcome.textContent).toContain('Entregado a Luka')
    expect(outcome.textContent).toContain('Tx Exitosa')
    expect(outcome.textContent).toContain('8357')
    expect(outcome.textContent).toContain('kjfkgds874k')
    expect(within(card()).queryByRole('button', { name: 'Aprobar' })).toBeNull()
    expect(document.activeElement).toBe(searchField())
  })

  it('sends the optional authorization code typed in the approve dialog', async () => {
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}')
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Código de autorización/ }))
    await user.keyboard(' AB-123 {Enter}')
    await settle()
    expect(api['luka.decide']).toHaveBeenCalledWith(
      expect.objectContaining({ decision: 'approve', authorizationCode: 'AB-123' })
    )
  })

  it('F9 requires a reason: Enter on an empty reason shows a message and sends nothing', async () => {
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F9}')
    const dialog = screen.getByRole('dialog', { name: /Rechazar pago de/ })
    const reason = within(dialog).getByRole('textbox', { name: 'Motivo del rechazo' })
    expect(document.activeElement).toBe(reason)
    expect(reason.getAttribute('maxlength')).toBe('250')
    await user.keyboard('{Enter}')
    expect(within(dialog).getByRole('alert').textContent).toContain('Escriba el motivo del rechazo')
    expect(api['luka.decide']).not.toHaveBeenCalled()
    await user.keyboard('Billete falso{Enter}')
    await settle()
    expect(api['luka.decide']).toHaveBeenCalledWith({
      transactionId: 96336,
      decision: 'reject',
      note: 'Billete falso',
      authorizationCode: ''
    })
    expect(within(card()).getByRole('status').textContent).toContain('Esta taquilla rechazó este pago')
  })

  it('Esc cancels the dialog without any call and gives the focus back to search', async () => {
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F9}')
    await user.keyboard('algo{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api['luka.decide']).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(searchField())
    expect(card()).toBeTruthy() // Esc closed the dialog only
    expect(approveButton()).toHaveProperty('disabled', false)
  })

  it('the buttons open the same dialogs', async () => {
    const { user } = await renderApp()
    await scan(user, '6567704')
    await user.click(rejectButton())
    expect(screen.getByRole('dialog', { name: /Rechazar/ })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Cancelar' }))
    await user.click(approveButton())
    expect(screen.getByRole('dialog', { name: /Aprobar/ })).toBeTruthy()
  })

  it('disables the buttons while the decision is in flight and sends it only once', async () => {
    const api = fakeApi()
    let answer: (value: Result<DecisionRecord>) => void = () => {}
    api['luka.decide'].mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    expect(approveButton()).toHaveProperty('disabled', true)
    expect(rejectButton()).toHaveProperty('disabled', true)
    expect(screen.getByText('Enviando la decisión a Luka…')).toBeTruthy()
    await user.keyboard('{F8}')
    expect(screen.queryByRole('dialog')).toBeNull()
    answer({ ok: true, value: decisionRecord() })
    await settle()
    expect(api['luka.decide']).toHaveBeenCalledTimes(1)
    expect(within(card()).getByRole('status').textContent).toContain('Entregado a Luka')
  })

  it('queued: says "En cola", never success, offers no decision, and F7 retries now', async () => {
    const api = fakeApi()
    api['luka.decide'].mockResolvedValue({
      ok: true,
      value: decisionRecord({
        state: 'queued',
        attempts: 2,
        reply: null,
        error: { code: 'TIMEOUT', provider: 'luka' }
      })
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    const text = card().textContent ?? ''
    expect(within(card()).getByRole('status').textContent).toContain('En cola — se entregará a Luka automáticamente')
    expect(text).toContain('Intentos: 2')
    expect(text).toContain('Último error:')
    expect(text).toContain('Luka no responde')
    expect(text).not.toContain('Entregado a Luka')
    expect(card().querySelector('.outcome-delivered')).toBeNull()
    expect(within(card()).queryByRole('button', { name: 'Aprobar' })).toBeNull()
    expect(within(card()).queryByRole('button', { name: 'Rechazar' })).toBeNull()
    await user.keyboard('{F8}')
    expect(screen.queryByRole('dialog')).toBeNull()
    const retry = within(card()).getByRole('button', { name: 'Reintentar ahora' })
    expect(retry.getAttribute('aria-keyshortcuts')).toBe('F7')
    expect(document.activeElement).toBe(searchField())
    await user.keyboard('{F7}')
    await settle()
    expect(api['luka.retryDecision']).toHaveBeenCalledWith({ transactionId: 96336 })
    expect(within(card()).getByRole('status').textContent).toContain('Entregado a Luka')
    expect(within(card()).queryByRole('button', { name: 'Reintentar ahora' })).toBeNull()
  })

  it('a non-pending payment shows its status and no decision buttons; F8 does nothing', async () => {
    const api = fakeApi()
    api['luka.lookup'].mockResolvedValue({ ok: true, value: lookupResult({ processingStatus: 'rejected' }) })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(within(card()).queryByRole('button', { name: 'Aprobar' })).toBeNull()
    expect(within(card()).queryByRole('button', { name: 'Rechazar' })).toBeNull()
    expect(card().textContent).toContain('«rejected»')
    await user.keyboard('{F8}')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('a success payment shows "Ya aprobado" and no buttons', async () => {
    const api = fakeApi()
    api['luka.lookup'].mockResolvedValue({ ok: true, value: lookupResult({ processingStatus: 'success' }) })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(card().textContent).toContain('Ya aprobado')
    expect(within(card()).queryByRole('button', { name: 'Aprobar' })).toBeNull()
  })

  it('a payment this terminal already decided shows that decision instead of the buttons', async () => {
    const api = fakeApi()
    api['luka.lookup'].mockResolvedValue({
      ok: true,
      value: lookupResult(
        {},
        decisionRecord({ decision: 'reject', note: 'Monto incompleto', state: 'sending', reply: null })
      )
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(within(card()).queryByRole('button', { name: 'Aprobar' })).toBeNull()
    expect(card().textContent).toContain('Esta taquilla rechazó este pago')
    expect(card().textContent).toContain('Enviando a Luka')
    expect(card().textContent).toContain('Monto incompleto')
    await user.keyboard('{F9}')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('decision.updated refreshes the card’s decision', async () => {
    const api = fakeApi()
    api['luka.lookup'].mockResolvedValue({
      ok: true,
      value: lookupResult({}, decisionRecord({ state: 'queued', reply: null, error: { code: 'NETWORK' } }))
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(card().textContent).toContain('En cola')
    api.emit('decision.updated', decisionRecord({ attempts: 2, updatedAt: '2024-05-02T14:05:00.000Z' }))
    await settle()
    expect(within(card()).getByRole('status').textContent).toContain('Entregado a Luka')
    // another transaction's update does not touch this card
    api.emit(
      'decision.updated',
      decisionRecord({ transactionId: 1, state: 'queued', updatedAt: '2024-05-02T15:00:00.000Z' })
    )
    await settle()
    expect(card().textContent).not.toContain('En cola')
  })

  it('a late "sending" event cannot turn a delivered decision back', async () => {
    const { user, api } = await renderApp()
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    api.emit(
      'decision.updated',
      decisionRecord({ state: 'sending', reply: null, updatedAt: '2024-05-02T14:00:00.500Z' })
    )
    await settle()
    expect(within(card()).getByRole('status').textContent).toContain('Entregado a Luka')
  })

  it('ALREADY_DECIDED and DECISION_IN_FLIGHT are explained, not dumped', async () => {
    const api = fakeApi()
    api['luka.decide'].mockResolvedValueOnce({ ok: false, error: { code: 'ALREADY_DECIDED' } })
    api['luka.decide'].mockResolvedValueOnce({ ok: false, error: { code: 'DECISION_IN_FLIGHT' } })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    await user.keyboard('{F8}{Enter}')
    await settle()
    expect(within(card()).getByRole('alert').textContent).toContain('ya decidió este pago')
    await user.keyboard('{F8}{Enter}')
    await settle()
    expect(within(card()).getByRole('alert').textContent).toContain('ya se está enviando')
  })
})
