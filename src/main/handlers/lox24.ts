import type { Lox24Service } from '../lox24/service'
import type { Impls } from './guard'

type Lox24Ops =
  | 'lox24.status'
  | 'lox24.account'
  | 'lox24.paymentMethods'
  | 'lox24.sendSms'
  | 'lox24.smsList'
  | 'lox24.createTopup'
  | 'lox24.topups'

export function lox24Handlers(lox24: Lox24Service): Impls<Lox24Ops> {
  return {
    'lox24.status': () => lox24.status(),
    'lox24.account': ({ check }) => lox24.account(check),
    'lox24.paymentMethods': () => lox24.paymentMethods(),
    'lox24.sendSms': (request) => lox24.sendSms(request),
    'lox24.smsList': () => lox24.smsList(),
    // supervisor-only: the service checks the approval with its Authorize
    'lox24.createTopup': (request) => lox24.createTopup(request),
    'lox24.topups': () => lox24.topups()
  }
}
