import type { OperationName } from '@shared/contract'
import type { OperatorsService } from '../operators/service'
import type { Impls } from './guard'

type OperatorOps =
  | 'operators.state'
  | 'operators.signIn'
  | 'operators.signOut'
  | 'operators.lock'
  | 'operators.activity'
  | 'operators.add'
  | 'operators.setDisabled'
  | 'operators.resetPin'
  | 'operators.setIdleLock'

export function operatorsHandlers(operators: OperatorsService): Impls<OperatorOps> {
  const { book, session, authorize } = operators
  /** managing accounts: the first supervisor is created freely, every later change needs a supervisor */
  const manage = async (action: 'operatorsManage' | 'settingsChange', approval: Parameters<typeof authorize>[1]) => {
    operators.assertSignedIn()
    await authorize(action, approval)
  }
  return {
    'operators.state': () => operators.state(),
    'operators.signIn': async ({ operatorId, pin }) => {
      await operators.signIn(operatorId, pin)
      return operators.state()
    },
    'operators.signOut': () => {
      session.signOut()
      return operators.state()
    },
    'operators.lock': () => {
      session.lock('manual')
      return operators.state()
    },
    'operators.activity': () => {
      session.activity()
      return { locked: session.isLocked() }
    },
    'operators.add': async ({ name, role, pin, approval }) => {
      if (book.hasAccounts()) await manage('operatorsManage', approval)
      else operators.assertMayCreateFirst()
      await book.add(name, role, pin)
      operators.accountsCreated()
      operators.emit()
      return operators.state()
    },
    'operators.setDisabled': async ({ operatorId, disabled, approval }) => {
      await manage('operatorsManage', approval)
      book.setDisabled(operatorId, disabled)
      // a disabled operator who is signed in is signed out at once
      if (disabled && session.current()?.id === operatorId) session.signOut()
      operators.emit()
      return operators.state()
    },
    'operators.resetPin': async ({ operatorId, pin, approval }) => {
      await manage('operatorsManage', approval)
      await book.resetPin(operatorId, pin)
      operators.emit()
      return operators.state()
    },
    'operators.setIdleLock': async ({ minutes, approval }) => {
      await manage('settingsChange', approval)
      operators.setIdleLockMinutes(minutes)
      return operators.state()
    }
  }
}

/**
 * What the counter answers while sign-in is on and nobody is signed in or it is locked: what the
 * status bar and the sign-in and lock screens need — no customer data, nothing that acts.
 * Everything else is refused by main with SIGN_IN_REQUIRED, whatever the window does. Deliveries
 * (the outbox drainer) are not operations: they keep going.
 */
export const OPEN_WHILE_LOCKED: readonly OperationName[] = [
  'app.info',
  'app.storage',
  'settings.get',
  'luka.status',
  'outbox.summary',
  'luxcore.status',
  'lox24.status',
  'lox24.account',
  'journal.status',
  'update.status',
  'training.state',
  'link.config',
  'display.get',
  'printer.list',
  'operators.state',
  'ledger.status', // the status bar's ledger words (issue 15)
  'operators.signIn',
  'operators.signOut',
  'operators.lock',
  'operators.activity',
  // the first account is created with sign-in off (after lost accounts only with --recover-operators); later ones check the session themselves
  'operators.add'
]

export function refuseWhileSignedOut(impls: Impls<OperationName>, operators: OperatorsService): Impls<OperationName> {
  const guarded: Record<string, unknown> = { ...impls }
  for (const name of Object.keys(impls) as OperationName[]) {
    if (OPEN_WHILE_LOCKED.includes(name)) continue
    const run = impls[name] as (input: unknown) => unknown
    guarded[name] = (input: unknown) => {
      operators.assertSignedIn()
      return run(input)
    }
  }
  return guarded as Impls<OperationName>
}
