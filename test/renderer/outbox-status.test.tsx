import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatMoney } from '@shared/money'
import { fakeApi, outboxSummary } from './fake-api'
import { renderApp, settle } from './render'

const NOW = Date.parse('2024-05-02T14:04:00.000Z')
const minutesAgo = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString()

const status = () => screen.getByRole('group', { name: 'Estado de la cola de envíos' })

function waitingApi() {
  const api = fakeApi()
  api['outbox.summary'].mockResolvedValue({
    ok: true,
    value: outboxSummary({
      providers: [{ provider: 'luka', state: 'degraded', waiting: 3, attention: 1, oldestAt: minutesAgo(3) }],
      totals: [
        { currency: 'VES', minor: 246900, count: 2 },
        { currency: 'USD', minor: 799, count: 1 }
      ]
    })
  })
  return api
}

describe('the outbox in the status bar', () => {
  afterEach(() => vi.useRealTimers())

  it('loads outbox.summary at start: state, waiting count, oldest age, totals per currency', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const api = waitingApi()
    await renderApp(api)
    expect(api['outbox.summary']).toHaveBeenCalledTimes(1)
    const text = status().textContent ?? ''
    expect(text).toContain('Envíos a Luka: con fallas')
    expect(text).toContain('en cola: 3')
    expect(text).toContain('el más antiguo hace 3 min')
    expect(text).toContain('requieren atención: 1')
    expect(text).toContain(`Monto en cola: ${formatMoney({ minor: 246900, currency: 'VES' }, 'es-VE')} (2)`)
    expect(text).toContain(`${formatMoney({ minor: 799, currency: 'USD' }, 'es-VE')} (1)`)
    // the Luka connection item is still there
    expect(screen.getByRole('status', { name: 'Conexión con Luka' }).textContent).toBe('Luka: en línea')
  })

  it('follows outbox.updated, for every provider the summary lists', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const api = waitingApi()
    await renderApp(api)
    api.emit(
      'outbox.updated',
      outboxSummary({
        providers: [
          { provider: 'luka', state: 'offline', waiting: 5, attention: 0, oldestAt: minutesAgo(90) },
          { provider: 'luxcore', state: 'online', waiting: 0, attention: 0, oldestAt: null }
        ],
        totals: [{ currency: 'VES', minor: 500000, count: 5 }]
      })
    )
    await settle()
    const text = status().textContent ?? ''
    expect(text).toContain('Envíos a Luka: sin conexión')
    expect(text).toContain('en cola: 5')
    expect(text).toContain('el más antiguo hace 1 h')
    expect(text).not.toContain('requieren atención')
    expect(text).toContain('Envíos a LuxCore: en línea · en cola: 0')
    expect(text).toContain(`${formatMoney({ minor: 500000, currency: 'VES' }, 'es-VE')} (5)`)
    expect(text).not.toContain('USD')
  })

  it('refreshes the age of the oldest item every 30 s', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    vi.setSystemTime(NOW)
    await renderApp(waitingApi())
    expect(status().textContent).toContain('el más antiguo hace 3 min')
    act(() => {
      vi.advanceTimersByTime(60_000)
    })
    expect(status().textContent).toContain('el más antiguo hace 4 min')
  })

  it('shows why the summary could not be read', async () => {
    const api = fakeApi()
    api['outbox.summary'].mockResolvedValue({ ok: false, error: { code: 'OUTBOX_LOCKED' } })
    await renderApp(api)
    expect(screen.getByRole('contentinfo').textContent).toContain('Otra Taquilla está usando esta carpeta de datos')
  })

  it('offers the queue panel with its F6 hint', async () => {
    await renderApp()
    const button = within(screen.getByRole('contentinfo')).getByRole('button', { name: 'Cola de envíos' })
    expect(button.getAttribute('aria-keyshortcuts')).toBe('F6')
    expect(button.querySelector('kbd')?.textContent).toBe('F6')
    const list = screen.getByRole('list', { name: 'Atajos de teclado' })
    expect(list.textContent).toContain('F6 Cola de envíos')
  })
})
