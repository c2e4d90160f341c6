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
      recorder.record({
        action: 'signIn',
        result: status.state,
        detail: { provider: 'luka', error: status.error?.code ?? null }
      })
      return status
    },
    'luka.lookup': async (query) => {
      // the journal keeps the searched reference only, never the payer's data; a lookup changes
      // nothing, so its entry is flushed right after the answer instead of before it
      const refs = { [query.by]: query.value }
      const later = (result: string) =>
        setImmediate(() => {
          try {
            recorder.record({ action: 'lookup', refs, result })
          } catch {
            // nothing a lookup did may take the app down; the storage warning already says why
          }
        })
      try {
        const found = await luka.lookup(query)
        later('found')
        return found
      } catch (cause) {
        if (cause instanceof AppFailure) later(cause.error.code === 'NOT_FOUND' ? 'notFound' : cause.error.code)
        throw cause
      }
    },
    'luka.decide': (request) => luka.decide(request),
    'luka.retryDecision': ({ transactionId }) => luka.retryDecision(transactionId)
  }
}
