import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import { fakeApi, lookupResult } from './fake-api'
import { card, renderApp, scan, settle } from './render'

function englishApi() {
  const api = fakeApi()
  api['app.info'].mockResolvedValue({
    ok: true,
    value: {
      version: '0.1.0',
      mode: 'harness',
      terminal: 'Agencia CCCT, Taquilla 2',
      operator: 'Mary',
      language: 'en',
      training: false,
      trainingForced: false
    }
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
      value: lookupResult(
        {},
        {
          transactionId: 96336,
          reference: null,
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
        }
      )
    })
    const { user } = await renderApp(api)
    await scan(user, '6567704')
    expect(card().textContent).toContain('Queued — it will be delivered to Luka automatically')
    expect(card().textContent).toContain('Luka is not answering')
    expect(card().textContent).not.toContain('Delivered to Luka')
    expect(within(card()).getByRole('button', { name: 'Retry now' })).toBeTruthy()
  })
})

describe('English: the books', () => {
  it('shift, Z report and journal speak English', async () => {
    const api = englishApi()
    const { user } = await renderApp(api)
    expect(screen.getByRole('contentinfo').textContent).toContain('No shift open')
    await user.keyboard('{F3}')
    await settle()
    expect(screen.getByRole('dialog', { name: 'Open shift' })).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'Opening float in USD' })).toBeTruthy()
    await user.keyboard('100{Enter}')
    await settle()
    expect(screen.getByRole('contentinfo').textContent).toContain('Shift open since')
    await user.keyboard('{F3}')
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Close shift' })
    await user.keyboard('90')
    expect(dialog.textContent).toContain(`Short by ${formatMoney({ minor: 1000, currency: 'USD' }, 'en-US')}`)
    await user.keyboard('{Enter}')
    expect(screen.getByRole('alert').textContent).toContain('write a note')
    await user.keyboard('Counted twice{Enter}')
    await settle()
    const report = screen.getByRole('dialog', { name: 'Z report' })
    expect(report.textContent).toContain('Journal intact')
    expect(within(report).getByRole('button', { name: 'Export CSV' })).toBeTruthy()
    await user.keyboard('{Escape}{F4}')
    await settle()
    expect(screen.getByRole('dialog', { name: 'Terminal journal' })).toBeTruthy()
    expect(screen.getByRole('listbox', { name: 'Journal entries' }).textContent).toContain('Decision')
  })
})
