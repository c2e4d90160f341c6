import { vi } from 'vitest'
import type { Lox24Account, Lox24Status, SmsRecord, TaquillaApi, Topup, TopupPayment } from '@shared/contract'
import { maskPhone } from '@shared/phone'

/** LOX24 as main answers it, in memory, for renderer tests. */

export function lox24Status(overrides: Partial<Lox24Status> = {}): Lox24Status {
  return {
    configured: true,
    receipts: true,
    sender: 'Taquilla',
    country: 'VE',
    blockedUntil: null,
    refused: null,
    ...overrides
  }
}

export function lox24Account(overrides: Partial<Lox24Account> = {}): Lox24Account {
  return {
    balance: { minor: 1250, currency: 'EUR' },
    threshold: { minor: 500, currency: 'EUR' },
    low: false,
    checkedAt: '2024-05-02T14:00:00.000Z',
    ...overrides
  }
}

export function smsRecord(overrides: Partial<SmsRecord> = {}): SmsRecord {
  return {
    id: 'sms-1',
    about: { kind: 'luka', ref: '96336' },
    phoneMasked: maskPhone('+584121234567'),
    segments: 1,
    unicode: false,
    state: 'sent',
    uuid: '0f6a2c1e-1111-4222-8333-944445555666',
    delivery: { statusCode: 0, dlrCode: 0, state: 'accepted', final: false },
    error: null,
    createdAt: '2024-05-02T14:01:00.000Z',
    ...overrides
  }
}

export function topupPayment(overrides: Partial<TopupPayment> = {}): TopupPayment {
  return {
    id: 120,
    status: 0,
    statusName: 'new',
    final: false,
    amount: { minor: 3013, currency: 'EUR' },
    net: { minor: 2500, currency: 'EUR' },
    vat: { minor: 475, currency: 'EUR' },
    fee: { minor: 38, currency: 'EUR' },
    type: 91,
    invoice: null,
    error: null,
    createdAt: '2024-05-02T14:02:00.000Z',
    completedAt: null,
    ...overrides
  }
}

export function topup(overrides: Partial<Topup> = {}): Topup {
  return {
    id: 'topup-1',
    net: { minor: 2500, currency: 'EUR' },
    type: 'stored_card',
    methodId: 94,
    state: 'created',
    payment: topupPayment(),
    error: null,
    createdAt: '2024-05-02T14:02:00.000Z',
    approvedBy: null,
    ...overrides
  }
}

export function fakeLox24() {
  return {
    'lox24.status': vi.fn<TaquillaApi['lox24.status']>(async () => ({ ok: true, value: lox24Status() })),
    'lox24.account': vi.fn<TaquillaApi['lox24.account']>(async () => ({ ok: true, value: lox24Account() })),
    'lox24.paymentMethods': vi.fn<TaquillaApi['lox24.paymentMethods']>(async () => ({
      ok: true,
      value: {
        sepa: { id: 12, ibanMasked: 'DE89 **** 3000' },
        cards: [{ id: 94, brand: 'visa', last4: '4242', expMonth: 12, expYear: 2029 }]
      }
    })),
    'lox24.sendSms': vi.fn<TaquillaApi['lox24.sendSms']>(async (input) => ({
      ok: true,
      value: smsRecord({ about: input.about })
    })),
    'lox24.smsList': vi.fn<TaquillaApi['lox24.smsList']>(async () => ({ ok: true, value: [] })),
    'lox24.createTopup': vi.fn<TaquillaApi['lox24.createTopup']>(async (input) => ({
      ok: true,
      value: topup({ net: input.net, type: input.type, methodId: input.methodId })
    })),
    'lox24.topups': vi.fn<TaquillaApi['lox24.topups']>(async () => ({ ok: true, value: [] }))
  }
}
