import type { LuxcoreService } from '../luxcore/service'
import type { Impls } from './guard'

type LuxcoreOps =
  | 'luxcore.status'
  | 'luxcore.createDeposit'
  | 'luxcore.deposits'
  | 'luxcore.refreshDeposit'
  | 'luxcore.cancelDeposit'
  | 'luxcore.listPayments'
  | 'luxcore.balance'

export function luxcoreHandlers(luxcore: LuxcoreService): Impls<LuxcoreOps> {
  return {
    'luxcore.status': () => luxcore.status(),
    'luxcore.createDeposit': (request) => luxcore.createDeposit(request),
    'luxcore.deposits': () => luxcore.deposits(),
    'luxcore.refreshDeposit': ({ merchantReference }) => luxcore.refreshDeposit(merchantReference),
    'luxcore.cancelDeposit': ({ merchantReference }) => luxcore.cancelDeposit(merchantReference),
    'luxcore.listPayments': (query) => luxcore.listPayments(query),
    'luxcore.balance': ({ currency }) => luxcore.balance(currency)
  }
}
