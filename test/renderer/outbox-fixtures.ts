import { screen, within } from '@testing-library/react'
import { fakeApi, outboxItem, type FakeApi } from './fake-api'
import { renderApp, settle } from './render'

/** The outbox panel's fixtures: three waiting items and two done, at a fixed "now". */
export const NOW = Date.parse('2024-05-02T14:04:00.000Z')

export const items = {
  first: outboxItem(),
  second: outboxItem({
    id: 'ob-96337',
    subject: { transactionId: 96337, decision: 'reject', merchantReference: null },
    amount: { minor: 799, currency: 'USD' },
    attempts: 1,
    createdAt: '2024-05-02T14:01:00.000Z',
    nextAttemptAt: '2024-05-02T14:04:20.000Z',
    lastError: { code: 'NETWORK', provider: 'luka' }
  }),
  attention: outboxItem({
    id: 'ob-96338',
    subject: { transactionId: 96338, decision: 'approve', merchantReference: null },
    state: 'attention',
    nextAttemptAt: null,
    lastError: { code: 'PROVIDER_REJECTED', provider: 'luka', providerMessage: 'Transacción ya procesada' },
    attention: { reason: 'rejected', detail: 'Código 12' }
  }),
  delivered: outboxItem({
    id: 'ob-96330',
    state: 'delivered',
    nextAttemptAt: null,
    lastError: null,
    subject: { transactionId: 96330, decision: 'approve', merchantReference: null }
  }),
  discarded: outboxItem({
    id: 'ob-96331',
    state: 'discarded',
    nextAttemptAt: null,
    subject: { transactionId: 96331, decision: 'reject', merchantReference: null },
    discardReason: 'Duplicado'
  })
}

export function listedApi(): FakeApi {
  const api = fakeApi()
  api['outbox.list'].mockResolvedValue({
    ok: true,
    value: { active: [items.first, items.second, items.attention], history: [items.delivered, items.discarded] }
  })
  return api
}

export async function openPanel(api: FakeApi = listedApi()) {
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{F6}')
  await settle()
  const dialog = screen.getByRole('dialog', { name: 'Cola de envíos' })
  return { ...rendered, dialog, listbox: within(dialog).getByRole('listbox', { name: 'Envíos' }) }
}

export const option = (listbox: HTMLElement, text: string): HTMLElement =>
  within(listbox).getByRole('option', { name: new RegExp(text) })
export const selected = (listbox: HTMLElement): HTMLElement => within(listbox).getByRole('option', { selected: true })
