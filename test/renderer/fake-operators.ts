import { vi } from 'vitest'
import type { OperatorsState, TaquillaApi } from '@shared/contract'

/** Sign-in off by default, like a counter with no operator accounts. */
export function operatorsState(overrides: Partial<OperatorsState> = {}): OperatorsState {
  return {
    signIn: 'off',
    accounts: [],
    session: { operator: null, locked: false },
    idleLockMinutes: 5,
    idleLockFixed: false,
    damaged: false,
    lost: null,
    ...overrides
  }
}

export function fakeOperators() {
  const state = async () => ({ ok: true as const, value: operatorsState() })
  return {
    'operators.state': vi.fn<TaquillaApi['operators.state']>(state),
    'operators.signIn': vi.fn<TaquillaApi['operators.signIn']>(state),
    'operators.signOut': vi.fn<TaquillaApi['operators.signOut']>(state),
    'operators.lock': vi.fn<TaquillaApi['operators.lock']>(state),
    'operators.activity': vi.fn<TaquillaApi['operators.activity']>(async () => ({
      ok: true,
      value: { locked: false }
    })),
    'operators.add': vi.fn<TaquillaApi['operators.add']>(state),
    'operators.setDisabled': vi.fn<TaquillaApi['operators.setDisabled']>(state),
    'operators.resetPin': vi.fn<TaquillaApi['operators.resetPin']>(state),
    'operators.setIdleLock': vi.fn<TaquillaApi['operators.setIdleLock']>(state)
  }
}
