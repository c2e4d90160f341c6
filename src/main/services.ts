import { join } from 'node:path'
import type { Handlers, OperationName } from '@shared/contract'
import { JournalRecorder, discardEntry } from './books/recorder'
import { damageEntry, guardStore, recoveredEntry, refuseWhileUnwritable, restoreAnchor } from './storage/guards'
import { StorageHealth } from './storage/health'
import { recoverLostItems } from './outbox/recovery'
import { ShiftBook } from './books/shift'
import { DecisionBook } from './decisions/book'
import { Journal, type JournalAnchor } from './journal/journal'
import { recordIncidents } from './journal/incidents'
import { loadJournalKey, macWith } from './journal/key'
import type { Authorize } from './operators/approval'
import { appHandlers } from './handlers/app'
import { exportDiagnostics } from './diagnostics/export'
import { printingHandlers, type ReceiptPrinter } from './handlers/printing'
import { booksHandlers } from './handlers/books'
import { toHandlers, type Impls } from './handlers/guard'
import { linkHandlers } from './handlers/link'
import { lox24Handlers } from './handlers/lox24'
import { lukaHandlers } from './handlers/luka'
import { ledgerHandlers } from './handlers/ledger'
import { heartbeatSource } from './ledger/heartbeat'
import { LedgerService } from './ledger/service'
import { CustomerDisplay } from './display/customer-display'
import { LinkService } from './link/links'
import { luxcoreHandlers } from './handlers/luxcore'
import { outboxHandlers } from './handlers/outbox'
import { operatorsHandlers, refuseWhileSignedOut } from './handlers/operators'
import { OperatorsService } from './operators/service'
import type { LockReason } from './operators/session'
import { varianceLimit } from './operators/variance'
import { Lox24Records } from './lox24/records'
import { Lox24Service } from './lox24/service'
import { trainingHandlers, type TrainingDeps } from './handlers/training'
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
import type { HttpTransport } from './http/request'
import { claimDataDir } from './training/mode'
import type { UpdateEngine } from './updates/engine'
import { counterUpdates } from './updates/counter'
import type { UpdateManager } from './updates/manager'

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
  /** how provider requests leave the process: Electron's net in the app, Node's stack when absent */
  transport?: HttpTransport
  /** Electron only: the receipt printer (list, silent roll-sized print); browser mode has none */
  printer?: ReceiptPrinter
  /** Electron only: saves the window as PDF (platform layer); browser mode has none */
  savePdf?: (name: string) => Promise<{ saved: boolean; path: string | null }>
  /** training mode: the simulators are the providers (see training/) */
  training?: TrainingDeps
  /** saves the mode to start in and restarts the app; absent where that is not possible */
  switchMode?: (training: boolean) => void
  /** Electron, packaged: electron-updater (platform layer); without it the app never checks for updates */
  updates?: UpdateEngine
  /** checks supervisor approvals; tests inject one, otherwise the operators service's (issue 11) */
  authorize?: Authorize
  /** started with --recover-operators: lost operator accounts may be created anew (operators/service.ts) */
  recoverOperators?: boolean
}

/** The journal's head, kept in the settings store (see JournalAnchor). */
function storeAnchor(store: KeyValueStore): JournalAnchor {
  return {
    get: () => {
      const head = store.get('journalHead') as { seq?: unknown; hash?: unknown; mac?: unknown } | undefined
      return typeof head?.seq === 'number' && typeof head.hash === 'string'
        ? { seq: head.seq, hash: head.hash, ...(typeof head.mac === 'string' ? { mac: head.mac } : {}) }
        : undefined
    },
    set: (head) => store.set('journalHead', head)
  }
}

export interface Services {
  handlers: Handlers
  bus: EventBus
  settings: SettingsService
  /** the OS says the network is back (online, resume, unlock): probe every provider now */
  networkBack(reason: string): void
  updates: UpdateManager
  /** the OS locked the screen or the computer went to sleep: lock the counter (when someone is signed in) */
  lock(reason: Extract<LockReason, 'screenLocked' | 'sleep'>): void
  dispose(): Promise<void>
}

/** Builds every service from config. Used by BOTH entry points: Electron main and the harness. */
export function createServices(deps: ServiceDeps): Services {
  const clock = deps.clock ?? systemClock
  const bus = new EventBus(deps.log)
  const training = deps.training
  claimDataDir(deps.dataDir, training !== undefined)
  // in training the simulators replace every provider setting, whatever the environment says
  const env = training ? { ...deps.env, ...training.simulators.providerEnv } : deps.env
  // damage found in any data file, and a disk that refuses writes: the app-wide warning
  const health = new StorageHealth(deps.log)
  for (const damage of deps.store.problems?.() ?? []) health.damaged(damage)
  const settingsFile = join(deps.dataDir, deps.mode === 'harness' ? 'harness-settings.json' : 'settings.json')
  const store = guardStore(deps.store, settingsFile, health)
  const settings = new SettingsService(store, deps.secrets, env)
  const tuning = deliveryTuning(env)
  // the app keeps the journal's key through the OS; browser mode has no OS store: a key file (weaker, and
  // said so). The operators file is protected with the same key (macWith).
  const journalKey = loadJournalKey(deps.mode === 'electron' ? deps.secrets : null, deps.dataDir)
  const operatorsMac = macWith(journalKey.key)
  // operators before the journal: every entry names the signed-in operator (issue 11)
  const operators = new OperatorsService({
    dataDir: deps.dataDir,
    // the journal's key, kept apart from the journal's own MACs by a prefix
    mac: (text) => operatorsMac('operators\n' + text),
    store,
    env,
    clock,
    health,
    record: (entry) => recorder.record(entry),
    recover: deps.recoverOperators === true
  })
  const authorize = deps.authorize ?? operators.authorize
  // the journal first: it must hear every event the services replay at start-up
  const journal = new Journal(
    join(deps.dataDir, 'journal.jsonl'),
    clock,
    () => {
      const { operator, terminal } = settings.effective()
      const signedIn = operators.session.current()
      return {
        operator: signedIn?.name ?? operator,
        operatorId: signedIn?.id,
        terminal,
        training: training !== undefined
      }
    },
    storeAnchor(store),
    health,
    journalKey
  )
  const stopIncidents = recordIncidents(journal)
  const anchorMissing = !store.get('journalHead') // read before open: an incident recorded there anchors again
  const integrity = journal.open()
  // a settings file that keeps the journal's head (not the in-memory one of tests) lost it: it was
  // deleted or damaged. Say so, and anchor the journal as it stands again.
  const settingsLost = (deps.store.problems?.() ?? []).length > 0
  const headLost = deps.store.problems !== undefined && anchorMissing && journal.count > 0
  if (headLost && !settingsLost) {
    const at = new Date(clock.now()).toISOString()
    health.damaged({ file: settingsFile, kind: 'missing', keptAs: null, lines: 0, at })
  }
  if (settingsLost || headLost) restoreAnchor(journal)
  // the accounts' damage becomes an incident; with the settings gone too, the journal says whether accounts existed
  operators.recordIncidents(journal)
  if (!integrity.ok) deps.log.error('journal chain broken', { firstBad: integrity.firstBad })
  if (integrity.tornTail) deps.log.warn('journal: torn last line dropped (interrupted write)')
  const recorder = new JournalRecorder(journal)
  const stopRecording = recorder.follow(bus)
  const shifts = new ShiftBook(journal)
  journal.onAppend(() => bus.emit('journal.changed', journal.verification))
  const book = new DecisionBook(join(deps.dataDir, 'decisions.jsonl'), health)
  const deposits = new DepositBook(join(deps.dataDir, 'deposits.jsonl'), clock, health)
  const luka = new LukaService({
    settings,
    book,
    bus,
    clock,
    log: deps.log,
    timeoutMs: deps.lukaTimeoutMs ?? tuning.lukaTimeoutMs,
    transport: deps.transport
  })
  const luxcore = new LuxcoreService({
    settings,
    book: deposits,
    bus,
    clock,
    log: deps.log,
    timeoutMs: deps.lukaTimeoutMs ?? tuning.lukaTimeoutMs,
    poll: deps.poll ?? tuning.poll,
    transport: deps.transport
  })
  const lox24Records = new Lox24Records(join(deps.dataDir, 'lox24.jsonl'))
  const lox24 = new Lox24Service({
    settings,
    records: lox24Records,
    bus,
    clock,
    log: deps.log,
    timeoutMs: deps.lukaTimeoutMs ?? tuning.lukaTimeoutMs,
    poll: deps.poll ?? tuning.poll,
    transport: deps.transport,
    authorize
  })
  const outbox = new Outbox({
    dir: deps.dataDir,
    clock,
    log: deps.log,
    handlers: {
      'luka.notify': luka.delivery(),
      'luxcore.create': luxcore.createDelivery(),
      'luxcore.cancel': luxcore.cancelDelivery(),
      'lox24.sms': lox24.smsDelivery(),
      'lox24.topup': lox24.topupDelivery()
    },
    limits: () => outboxLimits(env),
    retry: deps.retry ?? tuning.retry,
    health
  })
  outbox.open() // throws OUTBOX_LOCKED when another Taquilla drains this directory
  // a discard the outbox kept but the journal missed (a stop in between) is written now, once
  for (const item of outbox.all()) if (item.state === 'discarded') recorder.record(discardEntry(toView(item)))
  luka.useOutbox(outbox)
  luxcore.useOutbox(outbox)
  // every decision or deposit the books say is waiting gets its outbox item back (verified first)
  const { terminal, operator } = settings.effective()
  const lost = recoverLostItems(outbox, { decisions: book.all(), deposits: deposits.list() }, { terminal, operator })
  for (const item of lost) {
    deps.log.error('outbox item lost with the log: recreated, verified before any send', { ...item })
    recorder.record(recoveredEntry(item))
  }
  for (const damage of health.status().damages) recorder.record(damageEntry(damage))
  health.onChange((status) => bus.emit('storage.changed', status))
  operators.onChange((state) => bus.emit('operators.state', state))
  // the idle lock is also read on every call; this timer tells the window when it happens
  const idleTimer = setInterval(() => operators.tick(), 1_000)
  idleTimer.unref?.()
  lox24.useOutbox(outbox)
  const providers = ['luka', 'luxcore', 'lox24'] as const
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

  const links = new LinkService({ settings, store: deps.store, luka, journal, recorder, clock, log: deps.log })
  const display = new CustomerDisplay(settings, bus)
  const { manager: updates, stop: stopUpdates } = counterUpdates({
    engine: deps.updates,
    settings,
    shifts,
    summary,
    bus,
    log: deps.log
  })

  // the agency ledger (issue 15): ships the journal while enrolled; off in training
  const ledger = new LedgerService({
    store,
    secrets: deps.secrets,
    journal,
    recorder,
    authorize,
    training: training !== undefined,
    clock,
    log: deps.log,
    heartbeat: heartbeatSource({ outbox, shifts, version: deps.version, clock }),
    onChange: (view) => bus.emit('ledger.status', view)
  })

  const impls = {
    ...appHandlers({ ...deps, settings, recorder, authorize }),
    ...trainingHandlers(training),
    'app.storage': () => health.status(),
    ...lukaHandlers(luka, recorder),
    ...outboxHandlers(outbox, summary, deps.log, authorize),
    ...luxcoreHandlers(luxcore),
    ...lox24Handlers(lox24),
    ...booksHandlers(journal, shifts, bus, deps.log, {
      authorize,
      varianceLimit: varianceLimit(env)
    }),
    ...printingHandlers({ settings, printer: deps.printer }),
    'app.exportDiagnostics': () => {
      const states: Record<string, number> = {}
      for (const item of outbox.all()) states[item.state] = (states[item.state] ?? 0) + 1
      const path = exportDiagnostics({
        app: { version: deps.version, mode: deps.mode },
        dataDir: deps.dataDir,
        settings: settings.publicView(),
        outbox: { ...summary(), items: states },
        journal: journal.verification,
        secrets: () => settings.secretValues(),
        now: () => clock.now()
      })
      deps.log.info('diagnostics exported', { path })
      return { path }
    },
    ...linkHandlers(links, display),
    'update.status': () => updates.status(),
    'update.install': () => updates.install(),
    ...operatorsHandlers(operators),
    ...ledgerHandlers(ledger)
  } satisfies Impls<OperationName>
  // new decisions and deposits could not be made durable while the disk refuses writes
  const writable = refuseWhileUnwritable(impls, health, ['luka.decide', 'luxcore.createDeposit'])
  // with sign-in on, main itself refuses customer data and actions while nobody is signed in or it is locked
  const handlers = toHandlers(refuseWhileSignedOut(writable, operators), deps.log)

  luka.start()
  outbox.start()
  ledger.start()
  // start checked only what followed the last checkpoint: the whole journal is checked now, in pages
  let disposed = false
  if (journal.verification.scope === 'start')
    void journal.verifyInBackground().then((result) => {
      if (!disposed) bus.emit('journal.changed', result)
    })
  return {
    handlers,
    bus,
    settings,
    networkBack(reason) {
      const probed = outbox.networkBack()
      deps.log.info('network back: providers probed', { reason, probed })
      // the status bar's Luka state is refreshed too, queue or not
      if (luka.status().state === 'offline') void luka.signIn().catch(() => undefined)
    },
    updates,
    lock: (reason) => operators.session.lock(reason),
    async dispose() {
      disposed = true
      stopIncidents()
      clearInterval(idleTimer)
      stopUpdates()
      if (summaryTimer) clearTimeout(summaryTimer)
      stopRecording()
      await ledger.dispose()
      luka.stop()
      luxcore.stop()
      lox24.stop()
      outbox.close()
      lox24Records.close()
      book.close()
      journal.close()
    }
  }
}
