import type { LedgerEnrol, LedgerState, LedgerView } from '@shared/schemas/ledger'
import type { SupervisorApproval } from '@shared/schemas/approval'
import { AppFailure } from '@shared/errors'
import { isAllowedProviderUrl } from '@shared/provider-url'
import type { JournalRecorder } from '../books/recorder'
import type { Journal } from '../journal/journal'
import type { Approver, Authorize } from '../operators/approval'
import { secretOrigin, type KeyValueStore, type SecretStore } from '../settings/storage'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import { LedgerClient, LedgerError } from './client'
import { journalLines } from './journal-lines'
import { ledgerIncident } from './incident'
import { LedgerReplicator, type ReplicatorDeps } from './replicator'

/** Where the counter is enrolled: plain settings. The private key is a secret (SecretStore 'ledgerKey'). */
interface LedgerConfig {
  serverUrl: string
  terminalId: string
  agency: string
  counter: string
}

const STORE_KEY = 'ledger'

export interface LedgerServiceDeps {
  store: KeyValueStore
  secrets: SecretStore
  journal: Journal
  recorder: JournalRecorder
  authorize: Authorize
  /** training mode: the ledger is off, training entries never reach the agency ledger */
  training: boolean
  clock: Clock
  log: Logger
  heartbeat: ReplicatorDeps['heartbeat']
  onChange(view: LedgerView): void
  fetchImpl?: typeof fetch
  intervalMs?: number
  /** a burst of appends (a decision and its outcome) makes one sync */
  nudgeDelayMs?: number
}

function readConfig(store: KeyValueStore): LedgerConfig | null {
  const raw = store.get(STORE_KEY) as Partial<LedgerConfig> | null | undefined
  if (!raw || typeof raw !== 'object') return null
  const { serverUrl, terminalId, agency, counter } = raw
  if (typeof serverUrl !== 'string' || typeof terminalId !== 'string') return null
  return { serverUrl, terminalId, agency: String(agency ?? ''), counter: String(counter ?? '') }
}

/** The server's refusal in the teller's terms: its own word rides along in providerCode. */
function failure(cause: unknown): unknown {
  if (!(cause instanceof LedgerError)) return cause
  if (cause.status === 0) return new AppFailure({ code: 'LEDGER_UNREACHABLE' })
  return new AppFailure({ code: 'LEDGER_REFUSED', httpStatus: cause.status, providerCode: cause.code })
}

/**
 * The counter's side of the agency ledger: enrolment (supervisor-approved, journaled), the
 * replicator while enrolled (every 10 s and shortly after each journal append), its status for
 * the status bar, and the off-machine anchor's findings as journal incidents.
 */
export class LedgerService {
  private replicator: LedgerReplicator | null = null
  private state: LedgerState = { state: 'off' }
  private lastSyncAt: string | null = null
  private nudgeTimer: NodeJS.Timeout | undefined
  private readonly stopFollowing: () => void

  constructor(private readonly deps: LedgerServiceDeps) {
    this.stopFollowing = deps.journal.onAppend(() => this.nudge())
  }

  view(): LedgerView {
    const config = readConfig(this.deps.store)
    return {
      enrolled: config !== null,
      serverUrl: config?.serverUrl ?? '',
      terminalId: config?.terminalId ?? null,
      agency: config?.agency ?? '',
      counter: config?.counter ?? '',
      status: this.state,
      lastSyncAt: this.lastSyncAt,
      training: this.deps.training
    }
  }

  /** Starts shipping when enrolled (and not training); says why not otherwise. */
  start(): void {
    this.stopReplicator()
    const config = readConfig(this.deps.store)
    if (this.deps.training || !config) return this.set({ state: 'off' })
    if (!isAllowedProviderUrl(config.serverUrl)) return this.set({ state: 'refused', code: 'url' })
    // bound to the server it was made for: a settings file edited to name another host gets no key
    const privateKey = this.deps.secrets.get('ledgerKey', secretOrigin(config.serverUrl))
    if (!privateKey) return this.set({ state: 'refused', code: 'noKey' })
    const { journal, clock } = this.deps
    this.set({ state: 'behind', behind: journal.head?.seq ?? 0 })
    const replicator = new LedgerReplicator({
      client: new LedgerClient(config.serverUrl, this.deps.fetchImpl),
      identity: { terminalId: config.terminalId, privateKey },
      journal: journalLines(journal),
      clock,
      heartbeat: this.deps.heartbeat,
      onMismatch: (mismatch) => {
        if (this.replicator === replicator) ledgerIncident(journal, mismatch, this.deps.log)
      },
      onStatus: (status) => {
        if (this.replicator !== replicator) return // left or re-enrolled meanwhile
        if (status.state !== 'unreachable') this.lastSyncAt = new Date(clock.now()).toISOString()
        this.set(status)
      }
    })
    this.replicator = replicator
    replicator.start(this.deps.intervalMs ?? 10_000)
  }

  async enrol(input: LedgerEnrol): Promise<LedgerView> {
    if (this.deps.training) throw new AppFailure({ code: 'TRAINING_REFUSED', field: 'ledger' })
    // nothing is enrolled (and no code spent) when the key could not be kept safely
    if (!this.deps.secrets.available) throw new AppFailure({ code: 'ENCRYPTION_UNAVAILABLE', field: 'ledgerKey' })
    const approver = await this.deps.authorize('settingsChange', input.approval)
    const identity = await new LedgerClient(input.serverUrl, this.deps.fetchImpl)
      .enrol(input.code, input.agency, input.counter)
      .catch((cause: unknown) => {
        throw failure(cause)
      })
    this.stopReplicator()
    this.deps.secrets.set('ledgerKey', identity.privateKey, secretOrigin(input.serverUrl))
    const config = {
      serverUrl: input.serverUrl,
      terminalId: identity.terminalId,
      agency: input.agency,
      counter: input.counter
    }
    this.deps.store.set(STORE_KEY, config)
    this.lastSyncAt = null
    this.journal('enrolled', approver, config)
    this.deps.log.info('ledger: enrolled', { serverUrl: config.serverUrl, terminalId: config.terminalId })
    this.start()
    return this.view()
  }

  async leave(input: { approval?: SupervisorApproval | undefined }): Promise<LedgerView> {
    const config = readConfig(this.deps.store)
    if (!config) return this.view()
    const approver = await this.deps.authorize('settingsChange', input.approval)
    this.stopReplicator()
    // the settings first: if they refuse the write, the counter stays enrolled with its key, not half-left
    this.deps.store.set(STORE_KEY, null)
    this.deps.secrets.delete('ledgerKey')
    this.lastSyncAt = null
    this.journal('left', approver, config)
    this.set({ state: 'off' })
    return this.view()
  }

  /** Like every settings change: what changed and who approved it. */
  private journal(what: 'enrolled' | 'left', approver: Approver | null, config: LedgerConfig): void {
    this.deps.recorder.record({
      action: 'settingsChanged',
      result: 'saved',
      detail: {
        ledger: what,
        ledgerServer: config.serverUrl,
        ledgerTerminal: config.terminalId,
        ledgerAgency: config.agency,
        ledgerCounter: config.counter,
        ...(approver ? { approvedBy: approver.name, approvedById: approver.id } : {})
      }
    })
  }

  private nudge(): void {
    if (!this.replicator || this.nudgeTimer) return
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = undefined
      this.replicator?.nudge()
    }, this.deps.nudgeDelayMs ?? 300)
    this.nudgeTimer.unref?.()
  }

  private set(state: LedgerState): void {
    this.state = state
    this.deps.onChange(this.view())
  }

  private stopReplicator(): Promise<void> {
    const stopping = this.replicator?.stop() ?? Promise.resolve()
    this.replicator = null
    clearTimeout(this.nudgeTimer)
    this.nudgeTimer = undefined
    return stopping
  }

  /** Waits for a pass under way, so nothing reads or writes the journal once it is closed. */
  async dispose(): Promise<void> {
    this.stopFollowing()
    await this.stopReplicator()
  }
}
