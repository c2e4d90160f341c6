/**
 * The names of the contract's operations and events — the one list. Zod-free on purpose:
 * the preload and the renderer need only the names, and this keeps zod out of their
 * bundles. src/shared/contract.ts maps each name to its schemas, and the compiler refuses
 * a contract that misses a name here or adds one.
 */
export const operationNames = [
  'app.info',
  'app.storage',
  'settings.get',
  'settings.update',
  'luka.status',
  'luka.signIn',
  'luka.lookup',
  'luka.decide',
  'luka.retryDecision',
  'outbox.summary',
  'outbox.list',
  'outbox.retryNow',
  'outbox.discard',
  'luxcore.status',
  'luxcore.createDeposit',
  'luxcore.deposits',
  'luxcore.refreshDeposit',
  'luxcore.cancelDeposit',
  'luxcore.listPayments',
  'luxcore.balance',
  'lox24.status',
  'lox24.account',
  'lox24.paymentMethods',
  'lox24.sendSms',
  'lox24.smsList',
  'lox24.createTopup',
  'lox24.topups',
  'journal.query',
  'journal.status',
  'journal.verify',
  'journal.acknowledge',
  'shift.current',
  'shift.open',
  'shift.close',
  'shift.report',
  'shift.list',
  'shift.xReport',
  'app.savePdf',
  'app.exportDiagnostics',
  'printer.list',
  'app.print',
  'app.switchMode',
  'training.state',
  'training.setLuka',
  'link.config',
  'link.create',
  'link.today',
  'link.check',
  'display.get',
  'display.show',
  'update.status',
  'update.install',
  // operators (issue 11): accounts, sign-in, the counter lock
  'operators.state',
  'operators.signIn',
  'operators.signOut',
  'operators.lock',
  'operators.activity',
  'operators.add',
  'operators.setDisabled',
  'operators.resetPin',
  'operators.setIdleLock',
  // the agency ledger (issue 15)
  'ledger.status',
  'ledger.enrol',
  'ledger.leave'
] as const

export const eventNames = [
  'luka.status',
  'decision.updated',
  'outbox.updated',
  'outbox.item',
  'luxcore.deposit',
  'lox24.status',
  'lox24.account',
  'lox24.sms',
  'lox24.topup',
  'journal.changed',
  'storage.changed',
  'display.updated',
  'update.status',
  'operators.state',
  'ledger.status'
] as const

export type OperationName = (typeof operationNames)[number]
export type EventName = (typeof eventNames)[number]

export const ipcChannel = (name: OperationName | EventName): string => `taquilla:${name}`
