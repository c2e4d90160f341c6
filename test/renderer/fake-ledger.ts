import { vi } from 'vitest'
import type { LedgerView, TaquillaApi } from '@shared/contract'

/** Not enrolled by default, like a counter that has never met an agency server. */
export function ledgerView(overrides: Partial<LedgerView> = {}): LedgerView {
  return {
    enrolled: false,
    serverUrl: '',
    terminalId: null,
    agency: '',
    counter: '',
    status: { state: 'off' },
    lastSyncAt: null,
    training: false,
    ...overrides
  }
}

export function fakeLedger() {
  const view = async () => ({ ok: true as const, value: ledgerView() })
  return {
    'ledger.status': vi.fn<TaquillaApi['ledger.status']>(view),
    'ledger.enrol': vi.fn<TaquillaApi['ledger.enrol']>(view),
    'ledger.leave': vi.fn<TaquillaApi['ledger.leave']>(view)
  }
}
