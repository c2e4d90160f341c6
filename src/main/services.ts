import { join } from 'node:path'
import type { Handlers, OperationArgs, OperationName, OperationOutput, Result } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { DecisionBook } from './decisions/book'
import { LukaService } from './luka/service'
import { SettingsService, type Env } from './settings/settings'
import type { KeyValueStore, SecretStore } from './settings/storage'
import { systemClock, type Clock } from './support/clock'
import { EventBus } from './support/events'
import type { Logger } from './support/log'

export interface ServiceDeps {
  mode: 'electron' | 'harness'
  version: string
  /** where every durable file lives (TAQUILLA_DATA_DIR, else the platform's choice) */
  dataDir: string
  store: KeyValueStore
  secrets: SecretStore
  env: Env
  log: Logger
  clock?: Clock
  /** Luka request bound; tests shorten it */
  lukaTimeoutMs?: number
}

export interface Services {
  handlers: Handlers
  bus: EventBus
  settings: SettingsService
  dispose(): Promise<void>
}

/** Builds every service from config. Used by BOTH entry points: Electron main and the harness. */
export function createServices(deps: ServiceDeps): Services {
  const clock = deps.clock ?? systemClock
  const bus = new EventBus()
  const settings = new SettingsService(deps.store, deps.secrets, deps.env)
  const book = new DecisionBook(join(deps.dataDir, 'decisions.jsonl'), clock)
  const luka = new LukaService({ settings, book, bus, clock, log: deps.log, timeoutMs: deps.lukaTimeoutMs })

  const guard = <K extends OperationName>(
    name: K,
    run: (input: OperationArgs<K>) => Promise<OperationOutput<K>> | OperationOutput<K>
  ) => {
    return async (input: OperationArgs<K>): Promise<Result<OperationOutput<K>>> => {
      try {
        return { ok: true, value: await run(input) }
      } catch (cause) {
        if (cause instanceof AppFailure) return { ok: false, error: cause.error }
        deps.log.error('operation failed', { operation: name, error: String(cause) })
        return { ok: false, error: { code: 'INTERNAL' } }
      }
    }
  }

  const handlers: Handlers = {
    'app.info': guard('app.info', () => {
      const config = settings.effective()
      return {
        version: deps.version,
        mode: deps.mode,
        terminal: config.terminal,
        operator: config.operator,
        language: config.language
      }
    }),
    'settings.get': guard('settings.get', () => settings.publicView()),
    'settings.update': guard('settings.update', (update) => settings.update(update)),
    'luka.status': guard('luka.status', () => luka.status()),
    'luka.signIn': guard('luka.signIn', () => luka.signIn()),
    'luka.lookup': guard('luka.lookup', (query) => luka.lookup(query)),
    'luka.decide': guard('luka.decide', (request) => luka.decide(request)),
    'luka.retryDecision': guard('luka.retryDecision', ({ transactionId }) => luka.retryDecision(transactionId))
  }

  luka.start()
  return {
    handlers,
    bus,
    settings,
    async dispose() {
      luka.stop()
      book.close()
    }
  }
}
