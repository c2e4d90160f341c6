import { vi, type Mock } from 'vitest'
import type {
  DecisionRecord,
  DeferredPayment,
  Deposit,
  EventName,
  EventPayload,
  LookupResult,
  LukaStatus,
  LuxcorePayment,
  LuxcoreStatus,
  OperationName,
  OperationOutput,
  OutboxItemView,
  OutboxSummary,
  PublicSettings,
  TaquillaApi,
  TrainingState,
  UpdateStatus
} from '@shared/contract'
import { fakeBooks } from './fake-books'
import { fakeLink } from './fake-link'
import { fakeLox24 } from './fake-lox24'
import { fakeOperators } from './fake-operators'
import { fakeLedger } from './fake-ledger'

/** A contract-shaped TaquillaApi made of vi.fn()s, with a way to push main -> renderer events. */
export type FakeApi = { [K in OperationName]: Mock<TaquillaApi[K]> } & {
  events: TaquillaApi['events']
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void
  listenerCount: (name: EventName) => number
}

export function payment(overrides: Partial<DeferredPayment> = {}): DeferredPayment {
  return {
    transactionId: 96336,
    amount: { minor: 123450, currency: 'VES' },
    amountUsd: null,
    payer: { name: 'Jhon Doe', email: 'example@mail.com', phone: '04141234567', idNumber: 'V-12345678' },
    traceId: 'e6c28df3ae4f',
    merchantId: '024PeR42',
    merchantTransactionId: null,
    operationDate: '2023-09-29T19:25:11.767Z',
    operationDateRaw: '2023-09-29 19:25:11.767791+00:00',
    channel: 'Api',
    paymentMethod: 'Efectivo',
    processingStatus: 'pending',
    description: 'transacción en revisión',
    ...overrides
  }
}

export function lookupResult(
  overrides: Partial<DeferredPayment> = {},
  decision: DecisionRecord | null = null
): LookupResult {
  return { payment: payment(overrides), decision }
}

export function decisionRecord(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    transactionId: 96336,
    decision: 'approve',
    note: '',
    authorizationCode: '',
    amount: { minor: 123450, currency: 'VES' },
    state: 'delivered',
    attempts: 1,
    decidedAt: '2024-05-02T14:00:00.000Z',
    updatedAt: '2024-05-02T14:00:01.000Z',
    reply: {
      id: 8357,
      statusId: 6,
      statusDescription: 'Tx Exitosa',
      authorizationCode: 'kjfkgds874k',
      traceId: '1234567890',
      amountText: '1234.50',
      createdAt: '2024-05-02T14:00:01.000Z'
    },
    error: null,
    outboxId: 'ob-96336',
    reference: '6567704',
    ...overrides
  }
}

/** A queued Luka approval for transaction 96336, as the outbox panel sees it. */
export function outboxItem(overrides: Partial<OutboxItemView> = {}): OutboxItemView {
  return {
    id: 'ob-96336',
    provider: 'luka',
    kind: 'luka.notify',
    subject: { transactionId: 96336, decision: 'approve', merchantReference: null },
    amount: { minor: 123450, currency: 'VES' },
    state: 'pending',
    attempts: 3,
    createdAt: '2024-05-02T14:00:00.000Z',
    updatedAt: '2024-05-02T14:03:00.000Z',
    nextAttemptAt: '2024-05-02T14:05:00.000Z',
    lastError: { code: 'TIMEOUT', provider: 'luka' },
    attention: null,
    discardReason: null,
    ...overrides
  }
}

export function outboxSummary(overrides: Partial<OutboxSummary> = {}): OutboxSummary {
  return {
    providers: [{ provider: 'luka', state: 'online', waiting: 0, attention: 0, oldestAt: null }],
    totals: [],
    ...overrides
  }
}

export function publicSettings(overrides: Partial<PublicSettings> = {}): PublicSettings {
  return {
    lukaEnvironment: 'qa',
    lukaCustomUrl: '',
    lukaBaseUrl: 'https://bspaycoapi-qa.payco.net.ve',
    lukaUsername: 'agencia.ccct',
    hasLukaPassword: true,
    terminal: 'Agencia CCCT, Taquilla 2',
    operator: 'María Pérez',
    language: 'es',
    luxcoreBaseUrl: 'https://api.lux-core.io/api/v1',
    hasLuxcoreApiKey: true,
    lox24BaseUrl: 'https://api.lox24.eu',
    hasLox24Token: true,
    lox24Sender: 'Taquilla',
    lox24Country: 'VE',
    lox24Receipts: true,
    lox24LowCredit: 500,
    luxcoreKeyMode: 'test',
    overridden: [],
    encryptionAvailable: true,
    printerName: '',
    paperWidthMm: 80,
    linkCurrencies: 'USD,VES',
    linkMethods: 'zelle',
    customerDisplay: false,
    updateUrl: '',
    ...overrides
  }
}

export function updateStatus(overrides: Partial<UpdateStatus> = {}): UpdateStatus {
  return { state: 'off', version: null, percent: null, waiting: null, failure: null, ...overrides }
}

export function luxcoreStatus(overrides: Partial<LuxcoreStatus> = {}): LuxcoreStatus {
  return { configured: true, keyMode: 'test', baseUrl: 'https://api.lux-core.io/api/v1', ...overrides }
}

/** An OXXO deposit LuxCore has: MXN 1,234.50, fee 55.55, with bank details, a page and a voucher. */
export function luxcorePayment(overrides: Partial<LuxcorePayment> = {}): LuxcorePayment {
  return {
    transactionId: 'pay_1234567890_abcdefgh',
    status: 'processing',
    amount: { minor: 123450, currency: 'MXN' },
    fee: { minor: 5555, currency: 'MXN' },
    net: { minor: 117895, currency: 'MXN' },
    method: 'oxxo',
    type: 'deposit',
    merchantReference: 'TAQ-20240502-0001',
    createdAt: '2024-05-02T14:00:00.000Z',
    expiresAt: '2024-05-02T14:45:00.000Z',
    customer: { name: 'Ana López', email: 'ana@example.com', phone: '+52 55 1234 5678' },
    instructions: {
      bank_details: {
        bank_name: 'Banco Azteca',
        account_number: '0110012345678901234567',
        account_holder: 'LuxCore Platform S.A.'
      },
      payment_page: { url: 'https://pay.lux-core.io/pay/tok123?sig=abc&exp=1714661100' },
      voucher: { store: 'OXXO', reference: { value: '93000012345678', check_digit: 7 } }
    },
    barcode: '93000012345678',
    terminal: false,
    ...overrides
  }
}

export function deposit(overrides: Partial<Deposit> = {}): Deposit {
  return {
    merchantReference: 'TAQ-20240502-0001',
    method: 'oxxo',
    amount: { minor: 123450, currency: 'MXN' },
    description: '',
    customer: { name: 'Ana López', email: 'ana@example.com', phone: '+52 55 1234 5678' },
    state: 'created',
    createdAt: '2024-05-02T14:00:00.000Z',
    outboxId: 'ob-lux-1',
    error: null,
    payment: luxcorePayment(),
    cancelling: false,
    ...overrides
  }
}

export function balance(): OperationOutput<'luxcore.balance'> {
  return {
    currency: 'MXN',
    balance: { minor: 1_500_000, currency: 'MXN' },
    available: { minor: 1_250_000, currency: 'MXN' },
    frozen: { minor: 250_000, currency: 'MXN' }
  }
}

export const online: LukaStatus = { state: 'online', checkedAt: '2024-05-02T14:00:00.000Z' }

export function fakeApi(): FakeApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  const subscribe =
    <E extends EventName>(name: E) =>
    (listener: (payload: EventPayload<E>) => void): (() => void) => {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    }
  return {
    'app.storage': vi.fn<TaquillaApi['app.storage']>(async () => ({
      ok: true,
      value: { damages: [], unwritable: null }
    })),
    'app.info': vi.fn<TaquillaApi['app.info']>(async () => ({
      ok: true,
      value: {
        version: '0.1.0',
        mode: 'electron',
        terminal: 'Agencia CCCT, Taquilla 2',
        operator: 'María Pérez',
        language: 'es',
        training: false,
        trainingForced: false
      }
    })),
    'settings.get': vi.fn<TaquillaApi['settings.get']>(async () => ({ ok: true, value: publicSettings() })),
    'update.status': vi.fn<TaquillaApi['update.status']>(async () => ({ ok: true, value: updateStatus() })),
    'update.install': vi.fn<TaquillaApi['update.install']>(async () => ({ ok: true, value: updateStatus() })),
    // Secrets go in and never come back: only "is there one" (and LuxCore's key kind).
    'settings.update': vi.fn<TaquillaApi['settings.update']>(async ({ lukaPassword, luxcoreApiKey, ...input }) => ({
      ok: true,
      value: publicSettings({
        ...input,
        ...(lukaPassword ? { hasLukaPassword: true } : {}),
        ...(luxcoreApiKey
          ? { hasLuxcoreApiKey: true, luxcoreKeyMode: luxcoreApiKey.startsWith('qp_prod_') ? 'live' : 'test' }
          : {})
      } as Partial<PublicSettings>)
    })),
    'luka.status': vi.fn<TaquillaApi['luka.status']>(async () => ({ ok: true, value: online })),
    'luka.signIn': vi.fn<TaquillaApi['luka.signIn']>(async () => ({ ok: true, value: online })),
    'luka.lookup': vi.fn<TaquillaApi['luka.lookup']>(async () => ({ ok: true, value: lookupResult() })),
    'luka.decide': vi.fn<TaquillaApi['luka.decide']>(async (input) => ({
      ok: true,
      value: decisionRecord({
        decision: input.decision,
        note: input.note ?? '',
        authorizationCode: input.authorizationCode ?? ''
      })
    })),
    'luka.retryDecision': vi.fn<TaquillaApi['luka.retryDecision']>(async () => ({
      ok: true,
      value: decisionRecord({ attempts: 2 })
    })),
    'outbox.summary': vi.fn<TaquillaApi['outbox.summary']>(async () => ({ ok: true, value: outboxSummary() })),
    'outbox.list': vi.fn<TaquillaApi['outbox.list']>(async () => ({ ok: true, value: { active: [], history: [] } })),
    'outbox.retryNow': vi.fn<TaquillaApi['outbox.retryNow']>(async ({ id }) => ({
      ok: true,
      value: outboxItem({ id, state: 'sending', nextAttemptAt: null, updatedAt: '2024-05-02T14:04:00.000Z' })
    })),
    'outbox.discard': vi.fn<TaquillaApi['outbox.discard']>(async ({ id, reason }) => ({
      ok: true,
      value: outboxItem({
        id,
        state: 'discarded',
        nextAttemptAt: null,
        discardReason: reason,
        updatedAt: '2024-05-02T14:04:00.000Z'
      })
    })),
    'luxcore.status': vi.fn<TaquillaApi['luxcore.status']>(async () => ({ ok: true, value: luxcoreStatus() })),
    'luxcore.createDeposit': vi.fn<TaquillaApi['luxcore.createDeposit']>(async (input) => ({
      ok: true,
      value: deposit({
        method: input.method,
        amount: { minor: input.amount.minor, currency: 'MXN' },
        description: input.description ?? '',
        customer: { name: '', email: '', phone: '', ...input.customer },
        payment: luxcorePayment({ method: input.method, amount: { minor: input.amount.minor, currency: 'MXN' } })
      })
    })),
    'luxcore.deposits': vi.fn<TaquillaApi['luxcore.deposits']>(async () => ({ ok: true, value: [] })),
    'luxcore.refreshDeposit': vi.fn<TaquillaApi['luxcore.refreshDeposit']>(async ({ merchantReference }) => ({
      ok: true,
      value: deposit({ merchantReference })
    })),
    'luxcore.cancelDeposit': vi.fn<TaquillaApi['luxcore.cancelDeposit']>(async ({ merchantReference }) => ({
      ok: true,
      value: deposit({ merchantReference, cancelling: true })
    })),
    'luxcore.listPayments': vi.fn<TaquillaApi['luxcore.listPayments']>(async (input) => ({
      ok: true,
      value: { items: [], total: 0, limit: input.limit ?? 20, offset: input.offset ?? 0 }
    })),
    'luxcore.balance': vi.fn<TaquillaApi['luxcore.balance']>(async () => ({ ok: true, value: balance() })),
    'app.exportDiagnostics': vi.fn<TaquillaApi['app.exportDiagnostics']>(async () => ({
      ok: true,
      value: { path: '/datos/diagnostics/taquilla-diagnostics-2024-05-02.json' }
    })),
    'printer.list': vi.fn<TaquillaApi['printer.list']>(async () => ({
      ok: true,
      value: [{ name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III' }]
    })),
    'app.print': vi.fn<TaquillaApi['app.print']>(async () => ({ ok: true, value: { silent: true } })),
    ...fakeBooks(),
    'app.switchMode': vi.fn<TaquillaApi['app.switchMode']>(async () => ({ ok: true, value: { restarting: true } })),
    'training.state': vi.fn<TaquillaApi['training.state']>(async () => ({ ok: true, value: trainingState() })),
    'training.setLuka': vi.fn<TaquillaApi['training.setLuka']>(async ({ up }) => ({
      ok: true,
      value: trainingState({ lukaUp: up })
    })),
    ...fakeLink(),
    ...fakeLox24(),
    ...fakeOperators(),
    ...fakeLedger(),
    events: {
      'luka.status': subscribe('luka.status'),
      'decision.updated': subscribe('decision.updated'),
      'outbox.updated': subscribe('outbox.updated'),
      'outbox.item': subscribe('outbox.item'),
      'luxcore.deposit': subscribe('luxcore.deposit'),
      'journal.changed': subscribe('journal.changed'),
      'storage.changed': subscribe('storage.changed'),
      'display.updated': subscribe('display.updated'),
      'lox24.status': subscribe('lox24.status'),
      'lox24.account': subscribe('lox24.account'),
      'lox24.sms': subscribe('lox24.sms'),
      'lox24.topup': subscribe('lox24.topup'),
      'update.status': subscribe('update.status'),
      'operators.state': subscribe('operators.state'),
      'ledger.status': subscribe('ledger.status')
    },
    emit: (name, payload) => {
      for (const listener of listeners.get(name) ?? []) (listener as (payload: unknown) => void)(payload)
    },
    listenerCount: (name) => listeners.get(name)?.size ?? 0
  }
}

/** What main's training mode answers: the guided start's four references (the simulator's seed). */
export function trainingState(overrides: Partial<TrainingState> = {}): TrainingState {
  return {
    lukaUp: true,
    tries: [
      { purpose: 'approve', reference: '6567704', amount: { minor: 2500, currency: 'USD' }, payer: 'María González' },
      { purpose: 'reject', reference: '6567712', amount: { minor: 125050, currency: 'VES' }, payer: 'José Rodríguez' },
      { purpose: 'notFound', reference: '6567999', amount: null, payer: null },
      {
        purpose: 'alreadyApproved',
        reference: '6567690',
        amount: { minor: 1500, currency: 'USD' },
        payer: 'Rosa Torres'
      }
    ],
    ...overrides
  }
}
