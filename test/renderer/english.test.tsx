import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import { fakeApi, lookupResult } from './fake-api'
import { card, renderApp, scan } from './render'

function englishApi() {
  const api = fakeApi()
  api['app.info'].mockResolvedValue({
    ok: true,
    value: { version: '0.1.0', mode: 'harness', terminal: 'Agencia CCCT, Taquilla 2', operator: 'Mary', language: 'en' }
  })
  return api
}

describe('English', () => {
  it('follows app.info: labels, amounts and the document language', async () => {
    const api = englishApi()
    api['luka.lookup'].mockResolvedValue({ ok: true, value: lookupResult({ amount: { minor: 799, currency: 'USD' } }) })
    const { user } = await renderApp(api)
    expect(document.documentElement.lang).toBe('en')
    expect(screen.getByRole('radiogroup', { name: 'Search by' })).toBeTruthy()
    await scan(user, '6567704')
    expect(card().textContent).toContain(formatMoney({ minor: 799, currency: 'USD' }, 'en-US'))
    expect(card().textContent).toContain('$7.99')
    expect(within(card()).getByRole('button', { name: 'Approve' }).getAttribute('aria-keyshortcuts')).toBe('F8')
    await user.keyboard('{F9}')
    expect(screen.getByRole('dialog', { name: 'Reject payment of $7.99' })).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'Rejection reason' })).toBeTruthy()
  })

  it('explains errors in English and keeps Luka’s own words', async () => {
    const api = englishApi()
    api['luka.lookup'].mockResolvedValue({
      ok: false,
      error: { code: 'NOT_FOUND', provider: 'luka', providerCode: '404', providerMessage: 'Transacción no encontrada' }
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(screen.getByRole('alert').textContent).toBe(
      'Payment not found in Luka. — Luka: “Transacción no encontrada, code 404”'
    )
  })

  it('says queued in English too, never delivered', async () => {
    const api = englishApi()
    api['luka.lookup'].mockResolvedValue({
      ok: true,
      value: lookupResult({}, {
        transactionId: 96336,
        decision: 'approve',
        note: '',
        authorizationCode: '',
        amount: null,
        state: 'queued',
        attempts: 3,
        decidedAt: '2024-05-02T14:00:00.000Z',
        updatedAt: '2024-05-02T14:00:00.000Z',
        reply: null,
        error: { code: 'PROVIDER_UNAVAILABLE', httpStatus: 502 },
        outboxId: 'ob-96336'
      })
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(card().textContent).toContain('Queued — it will be delivered to Luka automatically')
    expect(card().textContent).toContain('Luka is not answering')
    expect(card().textContent).not.toContain('Delivered to Luka')
    expect(within(card()).getByRole('button', { name: 'Retry now' })).toBeTruthy()
  })
})
