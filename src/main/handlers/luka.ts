import { AppFailure } from '@shared/errors'
import type { JournalRecorder } from '../books/recorder'
import type { LukaService } from '../luka/service'
import type { Impls } from './guard'

type LukaOps = 'luka.status' | 'luka.signIn' | 'luka.lookup' | 'luka.decide' | 'luka.retryDecision'

export function lukaHandlers(luka: LukaService, recorder: JournalRecorder): Impls<LukaOps> {
  return {
    'luka.status': () => luka.status(),
    'luka.signIn': async () => {
      const status = await luka.signIn()
      recorder.record({ action: 'signIn', result: status.state, detail: { provider: 'luka', error: status.error?.code ?? null } })
      return status
    },
    'luka.lookup': async (query) => {
      // the journal keeps the searched reference only, never the payer's data
      const refs = { [query.by]: query.value }
      try {
        const found = await luka.lookup(query)
        recorder.record({ action: 'lookup', refs, result: 'found' })
        return found
      } catch (cause) {
        if (cause instanceof AppFailure) {
          recorder.record({ action: 'lookup', refs, result: cause.error.code === 'NOT_FOUND' ? 'notFound' : cause.error.code })
        }
        throw cause
      }
    },
    'luka.decide': (request) => luka.decide(request),
    'luka.retryDecision': ({ transactionId }) => luka.retryDecision(transactionId)
  }
}
