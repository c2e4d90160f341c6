import { join } from 'node:path'
import type { Handlers, OperationArgs, OperationName, OperationOutput, Result, SettingsUpdate } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { JournalRecorder } from './books/recorder'
import { ShiftBook } from './books/shift'
import { DecisionBook } from './decisions/book'
import { Journal } from './journal/journal'
import { queryJournal } from './journal/query'
import { LukaService } from './luka/service'
import { DepositBook } from './luxcore/deposits'
import { LuxcoreService } from './luxcore/service'
import { toView } from './outbox/item'
import { Outbox } from './outbox/outbox'
import { deliveryTuning, outboxLimits } from './settings/outbox-config'
import { SettingsService, type Env } from './settings/settings'
import type { KeyValueStore, SecretStore } from './settings/storage'
import { systemClock, type Clock } from './support/clock'
import { EventBus } from './support/events'
import type { Logger } from './support/log'
import type { RetryPolicy } from './outbox/retry'
import type { PollSchedule } from './luxcore/tracker'

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
  /** outbox backoff; tests shorten it */
  retry?: RetryPolicy
  /** LuxCore status polling; tests shorten it */
  poll?: PollSchedule
  /** Electron only: saves the window as PDF (platform layer); browser mode has none */
  savePdf?: (name: string) => Promise<{ saved: boolean; path: string | null }>
}

/** What a settings change writes to the journal: the fields, and their values unless secret. */
function settingsDetail(update: SettingsUpdate): Record<string, string> {
  const detail: Record<string, string> = {}
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue
    detail[key] = key === 'lukaPassword' || key === 'luxcoreApiKey' ? (value ? '(changed)' : '(kept)') : String(value)
  }
  return detail
}

/** delivered/discarded items shown in the queue panel's history */
const HISTORY_SHOWN = 100

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
  const tuning = deliveryTuning(deps.env)
  // the journal first: it must hear every event the services replay at start-up
  const journal = new Journal(join(deps.dataDir, 'journal.jsonl'), clock, () => {
    const { operator, terminal } = settings.effective()
    return { operator, terminal }
  })
  const integrity = journal.open()
  if (!integrity.ok) deps.log.error('journal chain broken', { firstBad: integrity.firstBad })
  if (integrity.tornTail) deps.log.warn('journal: torn last line dropped (interrupted write)')
  const recorder = new JournalRecorder(journal)
  const stopRecording = recorder.follow(bus)
  const shifts = new ShiftBook(journal)
  journal.onAppend(() => bus.emit('journal.changed', journal.verification))
  const book = new DecisionBook(join(deps.dataDir, 'decisions.jsonl'), clock)
  const luka = new LukaService({
    settings,
    book,
    bus,
    clock,
    log: deps.log,
    timeoutMs: deps.lukaTimeoutMs ?? tuning.lukaTimeoutMs
  })
  const luxcore = new LuxcoreService({
    settings,
    book: new DepositBook(join(deps.dataDir, 'deposits.jsonl'), clock),
    bus,
    clock,
    log: deps.log,
    timeoutMs: deps.lukaTimeoutMs ?? tuning.lukaTimeoutMs,
    poll: deps.poll ?? tuning.poll
  })
  const outbox = new Outbox({
    dir: deps.dataDir,
    clock,
    log: deps.log,
    handlers: {
      'luka.notify': luka.delivery(),
      'luxcore.create': luxcore.createDelivery(),
      'luxcore.cancel': luxcore.cancelDelivery()
    },
    limits: () => outboxLimits(deps.env),
    retry: deps.retry ?? tuning.retry
  })
  outbox.open() // throws OUTBOX_LOCKED when another Taquilla drains this directory
  luka.useOutbox(outbox)
  luxcore.useOutbox(outbox)
  const providers = ['luka', 'luxcore'] as const
  const summary = () => outbox.summary([...providers])
  // the summary walks the active items: emit it at most a few times a second
  let summaryTimer: NodeJS.Timeout | null = null
  outbox.onChange((item) => {
    bus.emit('outbox.item', toView(item))
    summaryTimer ??= setTimeout(() => {
      summaryTimer = null
      bus.emit('outbox.updated', summary())
    }, 200)
  })

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
    'settings.update': guard('settings.update', (update) => {
      const view = settings.update(update)
      recorder.record({ action: 'settingsChanged', result: 'saved', detail: settingsDetail(update) })
      return view
    }),
    'luka.status': guard('luka.status', () => luka.status()),
    'luka.signIn': guard('luka.signIn', async () => {
      const status = await luka.signIn()
      recorder.record({ action: 'signIn', result: status.state, detail: { provider: 'luka', error: status.error?.code ?? null } })
      return status
    }),
    'luka.lookup': guard('luka.lookup', async (query) => {
      try {
        const found = await luka.lookup(query)
        recorder.record({ action: 'lookup', refs: { [query.by]: query.value }, result: 'found' })
        return found
      } catch (cause) {
        if (cause instanceof AppFailure) recorder.record({ action: 'lookup', refs: { [query.by]: query.value }, result: cause.error.code === 'NOT_FOUND' ? 'notFound' : cause.error.code })
        throw cause
      }
    }),
    'luka.decide': guard('luka.decide', (request) => luka.decide(request)),
    'luka.retryDecision': guard('luka.retryDecision', ({ transactionId }) => luka.retryDecision(transactionId)),
    'outbox.summary': guard('outbox.summary', () => summary()),
    'outbox.list': guard('outbox.list', () => {
      const items = [...outbox.all()]
      const active = items.filter((item) => ['pending', 'sending', 'attention'].includes(item.state))
      const history = items.filter((item) => item.state === 'delivered' || item.state === 'discarded')
      return {
        active: active.sort((a, b) => a.createdAt - b.createdAt).map(toView),
        history: history.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, HISTORY_SHOWN).map(toView)
      }
    }),
    'outbox.retryNow': guard('outbox.retryNow', ({ id }) => toView(outbox.retryNow(id))),
    'outbox.discard': guard('outbox.discard', ({ id, reason }) => {
      const item = outbox.discard(id, reason)
      deps.log.warn('outbox item discarded', { id, kind: item.kind, reason })
      return toView(item)
    }),
    'luxcore.status': guard('luxcore.status', () => luxcore.status()),
    'luxcore.createDeposit': guard('luxcore.createDeposit', (request) => luxcore.createDeposit(request)),
    'luxcore.deposits': guard('luxcore.deposits', () => luxcore.deposits()),
    'luxcore.refreshDeposit': guard('luxcore.refreshDeposit', ({ merchantReference }) => luxcore.refreshDeposit(merchantReference)),
    'luxcore.cancelDeposit': guard('luxcore.cancelDeposit', ({ merchantReference }) => luxcore.cancelDeposit(merchantReference)),
    'luxcore.listPayments': guard('luxcore.listPayments', (query) => luxcore.listPayments(query)),
    'luxcore.balance': guard('luxcore.balance', ({ currency }) => luxcore.balance(currency)),
    'journal.query': guard('journal.query', (query) => queryJournal(journal.all(), query)),
    'journal.status': guard('journal.status', () => journal.verification),
    'journal.verify': guard('journal.verify', () => {
      const result = journal.verify()
      if (!result.ok) deps.log.error('journal chain broken', { firstBad: result.firstBad })
      bus.emit('journal.changed', result)
      return result
    }),
    'shift.current': guard('shift.current', () => {
      const shift = shifts.current()
      return { shift, report: shift ? shifts.report(shift.id) : null }
    }),
    'shift.open': guard('shift.open', ({ float }) => shifts.open(float)),
    'shift.close': guard('shift.close', ({ counted, note }) => shifts.close(counted, note)),
    'shift.report': guard('shift.report', ({ shiftId }) => shifts.report(shiftId)),
    'shift.list': guard('shift.list', () => shifts.list()),
    'app.savePdf': guard('app.savePdf', ({ name }) => {
      if (!deps.savePdf) throw new AppFailure({ code: 'NOT_CONFIGURED' })
      return deps.savePdf(name)
    })
  }

  luka.start()
  outbox.start()
  return {
    handlers,
    bus,
    settings,
    async dispose() {
      if (summaryTimer) clearTimeout(summaryTimer)
      stopRecording()
      luka.stop()
      luxcore.stop()
      outbox.close()
      book.close()
      journal.close()
    }
  }
}
