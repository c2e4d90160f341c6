import type { OperatorRole, OperatorsState, Result, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from '../../shared/store'
import { withSupervisor } from '../../shared/with-supervisor'

/** Sign-in, the counter lock and the accounts. Main keeps the truth; this mirrors operators.state. */
export interface OperatorsSlice {
  operators: OperatorsState | null
  /** why the last sign-in or unlock failed (wrong PIN, account locked) */
  operatorSignInError: AppError | null
  operatorsOpen: boolean
  operatorsBusy: boolean
  operatorsError: AppError | null
  operatorsNotice: 'added' | 'saved' | null
  loadOperators: () => Promise<void>
  applyOperators: (state: OperatorsState) => void
  signInOperator: (operatorId: string, pin: string) => Promise<boolean>
  signOutOperator: () => Promise<void>
  lockCounter: () => Promise<void>
  /** keyboard or mouse input: resets main's idle timer */
  reportActivity: () => void
  openOperators: () => void
  closeOperators: () => void
  addOperator: (name: string, role: OperatorRole, pin: string) => Promise<boolean>
  setOperatorDisabled: (operatorId: string, disabled: boolean) => Promise<boolean>
  resetOperatorPin: (operatorId: string, pin: string) => Promise<boolean>
  setIdleLock: (minutes: number) => Promise<boolean>
}

/** Whether the counter screen must give way to the sign-in or lock screen. */
export function gateShown(state: OperatorsState | null): boolean {
  return state?.signIn === 'on' && (state.session.operator === null || state.session.locked)
}

export const createOperatorsSlice =
  (api: TaquillaApi): SliceCreator<OperatorsSlice> =>
  (set, get) => {
    const manage = async (
      send: () => Promise<Result<OperatorsState> | null>,
      notice: 'added' | 'saved'
    ): Promise<boolean> => {
      if (get().operatorsBusy) return false
      set({ operatorsBusy: true, operatorsError: null, operatorsNotice: null })
      const result = await send()
      if (result === null) {
        set({ operatorsBusy: false })
        return false
      }
      if (!result.ok) {
        set({ operatorsBusy: false, operatorsError: result.error })
        return false
      }
      set({ operators: result.value, operatorsBusy: false, operatorsNotice: notice })
      return true
    }
    const session = async (call: () => Promise<Result<OperatorsState>>): Promise<void> => {
      const result = await call()
      if (result.ok) set({ operators: result.value })
    }
    let lastActivity = 0

    return {
      operators: null,
      operatorSignInError: null,
      operatorsOpen: false,
      operatorsBusy: false,
      operatorsError: null,
      operatorsNotice: null,

      loadOperators: () => session(() => api['operators.state'](undefined)),
      applyOperators: (state) => set({ operators: state }),

      signInOperator: async (operatorId, pin) => {
        set({ operatorSignInError: null })
        const result = await api['operators.signIn']({ operatorId, pin })
        if (!result.ok) {
          set({ operatorSignInError: result.error })
          return false
        }
        set({ operators: result.value })
        return true
      },
      signOutOperator: () => session(() => api['operators.signOut'](undefined)),
      lockCounter: () => session(() => api['operators.lock'](undefined)),

      reportActivity: () => {
        const state = get().operators
        if (!state || state.signIn === 'off' || state.idleLockMinutes === 0 || gateShown(state)) return
        // at most a few times per idle period (0.1 min = 6 s → every 1.5 s), never more than once a second
        const every = Math.min(Math.max((state.idleLockMinutes * 60_000) / 4, 1_000), 15_000)
        const now = Date.now()
        if (now - lastActivity < every) return
        lastActivity = now
        void api['operators.activity'](undefined).then((result) => {
          if (result.ok && result.value.locked) void get().loadOperators()
        })
      },

      openOperators: () => {
        set({ operatorsOpen: true, operatorsError: null, operatorsNotice: null })
        void get().loadOperators()
      },
      closeOperators: () => set({ operatorsOpen: false, operatorsError: null, operatorsNotice: null }),

      addOperator: (name, role, pin) =>
        manage(
          () => withSupervisor('operatorsManage', (approval) => api['operators.add']({ name, role, pin, approval })),
          'added'
        ),
      setOperatorDisabled: (operatorId, disabled) =>
        manage(
          () =>
            withSupervisor('operatorsManage', (approval) =>
              api['operators.setDisabled']({ operatorId, disabled, approval })
            ),
          'saved'
        ),
      resetOperatorPin: (operatorId, pin) =>
        manage(
          () =>
            withSupervisor('operatorsManage', (approval) => api['operators.resetPin']({ operatorId, pin, approval })),
          'saved'
        ),
      setIdleLock: (minutes) =>
        manage(
          () => withSupervisor('settingsChange', (approval) => api['operators.setIdleLock']({ minutes, approval })),
          'saved'
        )
    }
  }
