import type { JournalEntry } from '@shared/books'
import type { CreateLink, LinkCheck, LinkConfig, PaymentLink } from '@shared/contract'
import { AppFailure, toAppError, type AppError } from '@shared/errors'
import type { JournalRecorder } from '../books/recorder'
import type { Journal } from '../journal/journal'
import type { SendTrack } from '../luka/client'
import type { LinkCreated } from '../luka/link'
import type { LukaService } from '../luka/service'
import type { SettingsService } from '../settings/settings'
import type { KeyValueStore } from '../settings/storage'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/log'
import { maybeApplied, noAnswer } from '../http/failures'
import { nextLinkTrace, sameLocalDay } from './trace'

export interface LinkServiceDeps {
  settings: SettingsService
  store: KeyValueStore
  luka: LukaService
  journal: Journal
  recorder: JournalRecorder
  clock: Clock
  log: Logger
}

/**
 * Whether a failed creation may still have made a link. The POST has no idempotency key, so a
 * request that may have reached Luka and got no answer we can trust is "unknown" — shown to
 * the teller as such, never retried behind their back. A refused connection never reached it.
 */
function outcomeOf(error: AppError, track: SendTrack): PaymentLink['state'] {
  if (!track.sent) return 'failed'
  if (!maybeApplied(error)) return 'failed' // a refused connection, DNS, 429/401: it never reached Luka
  if (noAnswer(error)) return 'unknown'
  return error.code === 'PROVIDER_REJECTED' ? 'rejected' : 'failed'
}

/** A journal entry of a creation attempt, read back as a link (the journal is the only record). */
function fromEntry(entry: JournalEntry): PaymentLink | null {
  if (entry.action !== 'paymentLink' || !entry.amount) return null
  const text = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value))
  return {
    trace: String(entry.refs['trace'] ?? ''),
    state: entry.result as PaymentLink['state'],
    amount: entry.amount,
    methods: text(entry.detail['methods'])?.split(',') ?? [],
    url: text(entry.detail['url']),
    linkId: text(entry.refs['linkId']),
    orderNumber: text(entry.refs['orderNumber']),
    createdAt: entry.at,
    operator: entry.operator,
    retryOf: text(entry.refs['retryOf']),
    error: entry.detail['error'] ? { code: entry.detail['error'] as AppError['code'] } : null
  }
}

/** Luka payment links: create (interactive, not queued), today's list, and the follow-up check. */
export class LinkService {
  constructor(private readonly deps: LinkServiceDeps) {}

  config(): LinkConfig {
    return this.deps.settings.effective().link
  }

  async create(request: CreateLink): Promise<PaymentLink> {
    const config = this.deps.settings.effective()
    if (!config.link.currencies.includes(request.amount.currency))
      throw new AppFailure({ code: 'VALIDATION', field: 'amount.currency', reason: 'currency' })
    if (request.methods.some((method) => !config.link.methods.includes(method)))
      throw new AppFailure({ code: 'VALIDATION', field: 'methods', reason: 'method' })
    const trace = nextLinkTrace(this.deps.store, config.terminal, this.deps.settings.installId(), this.deps.clock.now())
    const track: SendTrack = { sent: false }
    const sent = { amount: request.amount, methods: request.methods, trace, name: request.name, email: request.email }
    try {
      const created = await this.deps.luka.withClient((client) => client.createPaymentLink(sent, track))
      return this.record(request, trace, 'created', created, null)
    } catch (cause) {
      const error = toAppError(cause)
      const state = outcomeOf(error, track)
      this.deps.log.warn('payment link not created', { trace, state, code: error.code })
      const link = this.record(request, trace, state, null, error)
      if (state === 'unknown') return link
      throw cause
    }
  }

  /** Every attempt made today on this counter, newest first. */
  today(): PaymentLink[] {
    const now = this.deps.clock.now()
    const links: PaymentLink[] = []
    // entries since local midnight (a day back in UTC covers every offset), read from the end
    for (const entry of this.deps.journal.since(new Date(now - 86_400_000).toISOString())) {
      if (entry.action !== 'paymentLink' || !sameLocalDay(entry.at, now)) continue
      const link = fromEntry(entry)
      if (link) links.push(link)
    }
    return links.reverse()
  }

  /**
   * The cash-payments query by reference = our trace. Luka is not known to answer it for link
   * payments, so "not found" means "no payment seen yet", never an error.
   */
  async check(trace: string): Promise<LinkCheck> {
    try {
      const { payment } = await this.deps.luka.lookup({ by: 'reference', value: trace })
      this.deps.recorder.record({ action: 'lookup', refs: { reference: trace }, result: 'found' })
      return { trace, seen: true, payment }
    } catch (cause) {
      if (toAppError(cause).code !== 'NOT_FOUND') throw cause
      this.deps.recorder.record({ action: 'lookup', refs: { reference: trace }, result: 'notFound' })
      return { trace, seen: false, payment: null }
    }
  }

  /** Journals the attempt (flushed before the teller sees it) and returns it as a link. */
  private record(
    request: CreateLink,
    trace: string,
    state: PaymentLink['state'],
    created: LinkCreated | null,
    error: AppError | null
  ): PaymentLink {
    const refs: Record<string, string> = { trace }
    if (created?.orderNumber) refs['orderNumber'] = created.orderNumber
    if (created?.linkId) refs['linkId'] = created.linkId
    if (request.retryOf) refs['retryOf'] = request.retryOf
    const entry = this.deps.journal.append({
      action: 'paymentLink',
      refs,
      amount: request.amount,
      result: state,
      // never the customer's name or e-mail: the journal keeps references, not personal data
      detail: { url: created?.url ?? null, methods: request.methods.join(','), error: error?.code ?? null }
    })
    return { ...fromEntry(entry)!, error }
  }
}
