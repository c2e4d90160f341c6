import type { operatorErrors as esErrors, operators as es } from './operators-es'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/** Operators (issue 11): sign-in, the lock screen, the supervisor prompt, the accounts (English). */
export const operators: Shape<typeof es> = {
  signIn: {
    title: 'Sign in',
    help: 'Pick your name (type its first letters or use ↑ ↓), type your PIN and press Enter.',
    operator: 'Operator',
    pin: 'PIN',
    submit: 'Sign in',
    none: 'There are no active operators: ask a supervisor to check the accounts.'
  },
  lock: {
    title: 'Locked',
    help: 'The counter is locked. {{name}} unlocks it with the PIN, or another operator signs in.',
    unlock: 'Unlock'
  },
  lost: {
    title: 'Operator accounts lost',
    locked:
      'The operators file (operators.json) is missing or damaged and there is no valid copy: the counter stays locked so that nobody uses it without signing in. Nothing saved was deleted.',
    whatToDo:
      'Tell whoever installed this counter. To recover it, close it and start it with --recover-operators (in browser mode, TAQUILLA_RECOVER_OPERATORS=1): this is written in the journal and a new first supervisor is created.',
    recovery:
      'Recovering the accounts (--recover-operators, written in the journal): create the new first supervisor. Then each operator signs in again with a name and PIN.'
  },
  status: {
    off: 'Sign-in: off',
    signedIn: 'Operator',
    lock: 'Lock',
    signOut: 'Sign out'
  },
  supervisor: {
    title: 'Supervisor approval',
    actions: {
      outboxDiscard: 'Discarding an outbox item needs a supervisor’s approval.',
      shiftCloseVariance: 'Closing the shift with this variance needs a supervisor’s approval.',
      settingsChange: 'Changing the settings needs a supervisor’s approval.',
      operatorsManage: 'Managing operators needs a supervisor’s approval.',
      incidentAcknowledge: 'Acknowledging a journal incident needs a supervisor’s approval.',
      smsTopUp: 'Topping up the SMS credit needs a supervisor’s approval.'
    },
    supervisor: 'Supervisor',
    pin: 'Supervisor PIN',
    confirm: 'Approve',
    cancel: 'Cancel'
  },
  manage: {
    title: 'Operators',
    help: 'Each teller signs in with a name and a PIN; the journal says who did what. The first account must be a supervisor.',
    damaged:
      'At start the operators file or its copy in the settings was missing, damaged or older: it was kept aside and the accounts were restored from the newest valid copy. A journal incident says what was found.',
    list: 'Accounts',
    roles: { teller: 'Teller', supervisor: 'Supervisor' },
    disabled: 'disabled',
    lockedUntil: 'locked until {{time}}',
    disable: 'Disable',
    enable: 'Enable',
    resetPin: 'Reset PIN',
    add: 'Add operator',
    name: 'Name',
    role: 'Role',
    pin: 'PIN',
    repeatPin: 'Repeat PIN',
    newPin: 'New PIN',
    savePin: 'Save PIN',
    pinHint: '4 to 8 digits.',
    added: 'Operator added.',
    saved: 'Saved.',
    idleLock: 'Idle lock (minutes)',
    idleLockHint: '0 = never. Decimals allowed (0.5 = 30 seconds).',
    idleLockFixed: 'Fixed by TAQUILLA_IDLE_LOCK_MINUTES.',
    saveIdleLock: 'Save idle lock',
    close: 'Close'
  }
}

export const operatorErrors: Shape<typeof esErrors> = {
  pinMismatch: 'The two PINs do not match.',
  approval: {
    wrongPin: 'The supervisor PIN is not right.',
    notSupervisor: 'That account is not a supervisor’s: only a supervisor can approve this.',
    locked: 'The supervisor’s account is locked after wrong PINs.',
    unknown: 'The approval was refused.'
  },
  wrongPinLeft: 'Wrong PIN. {{left}} tries left before the account locks for 5 minutes.'
}
