import { vi, type Mock } from 'vitest'
import type { CustomerView, PaymentLink, TaquillaApi } from '@shared/contract'

type LinkOps = 'link.config' | 'link.create' | 'link.today' | 'link.check' | 'display.get' | 'display.show'

export function paymentLink(overrides: Partial<PaymentLink> = {}): PaymentLink {
  return {
    trace: 'AGENCIA-CCCT-K7Q4ZP-20261206-L0001',
    state: 'created',
    amount: { minor: 1220, currency: 'USD' },
    methods: [],
    url: 'https://qa.lukapay.me/payco/b262a06e-f073-465c-89e5-5a54934bb4af',
    linkId: 'b262a06e-f073-465c-89e5-5a54934bb4af',
    orderNumber: '3372',
    createdAt: '2026-12-06T15:00:00.000Z',
    operator: 'María Pérez',
    retryOf: null,
    error: null,
    ...overrides
  }
}

export const customerView = (content: CustomerView['content'] = { kind: 'idle' }): CustomerView => ({
  agency: 'Agencia CCCT',
  language: 'es',
  content
})

/** The payment-link and customer-display operations of the fake api. */
export function fakeLink(): { [K in LinkOps]: Mock<TaquillaApi[K]> } {
  return {
    'link.config': vi.fn<TaquillaApi['link.config']>(async () => ({
      ok: true,
      value: { currencies: ['USD', 'VES'], methods: ['zelle'] }
    })),
    'link.create': vi.fn<TaquillaApi['link.create']>(async (input) => ({
      ok: true,
      value: paymentLink({ amount: { minor: input.amount.minor, currency: input.amount.currency } })
    })),
    'link.today': vi.fn<TaquillaApi['link.today']>(async () => ({ ok: true, value: [] })),
    'link.check': vi.fn<TaquillaApi['link.check']>(async ({ trace }) => ({
      ok: true,
      value: { trace, seen: false, payment: null }
    })),
    'display.get': vi.fn<TaquillaApi['display.get']>(async () => ({ ok: true, value: customerView() })),
    'display.show': vi.fn<TaquillaApi['display.show']>(async (content) => ({ ok: true, value: customerView(content) }))
  }
}
