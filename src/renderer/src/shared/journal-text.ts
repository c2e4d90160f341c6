import type { TFunction } from 'i18next'
import type { JournalAction, JournalEntry, JournalVerification } from '@shared/books'
import type { Language } from '@shared/contract'
import { JOURNAL_ACTIONS } from '@shared/vocabulary'
import { formatAmount } from './format'

export const journalActions: readonly JournalAction[] = JOURNAL_ACTIONS

/** Result words main writes that have a name in the teller's language; others are shown as written. */
export const journalResults = [
  'found',
  'notFound',
  'accepted',
  'delivered',
  'attention',
  'discarded',
  'queued',
  'approve',
  'reject',
  'created',
  'unknown',
  'rejected',
  'pending',
  'processing',
  'completed',
  'failed',
  'cancelled',
  'expired',
  'refunded',
  'opened',
  'balanced',
  'variance',
  'saved',
  'online',
  'offline',
  'bad-credentials',
  'unconfigured',
  'signed-out',
  'taken'
] as const
export type JournalResult = (typeof journalResults)[number]

/** The references worth showing in a row (internal ids such as outboxId and shiftId are not). */
export const shownRefs = [
  'reference',
  'transactionId',
  'authorizationCode',
  'merchantReference',
  'providerTransactionId'
] as const
type ShownRef = (typeof shownRefs)[number]

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value)

export function actionText(t: TFunction, action: string): string {
  return isOneOf(journalActions, action) ? t(`journal.actions.${action}`) : action
}

export function resultText(t: TFunction, result: string): string {
  return isOneOf(journalResults, result) ? t(`journal.results.${result}`) : result
}

/** "Ref. 6567704 · Luka 96336" */
export function refsText(t: TFunction, refs: JournalEntry['refs']): string {
  return Object.entries(refs)
    .filter((pair): pair is [ShownRef, string | number] => isOneOf(shownRefs, pair[0]))
    .map(([key, value]) => `${t(`journal.refs.${key}`)} ${value}`)
    .join(' · ')
}

/** The entry's amount, or its several amounts (a float, a count), or nothing. */
export function entryAmountText(entry: JournalEntry, language: Language): string {
  if (entry.amount) return formatAmount(entry.amount, language)
  return entry.amounts.map((money) => formatAmount(money, language)).join(' · ')
}

/** "El diario fue alterado: primera entrada inválida nº 12 (línea 12, modificada)", or null while intact. */
export function brokenText(t: TFunction, verification: JournalVerification | null): string | null {
  const bad = verification?.firstBad
  if (!verification || verification.ok || !bad)
    return verification && !verification.ok ? t('journal.integrity.brokenUnknown') : null
  const reason = t(`journal.integrity.reasons.${bad.reason}`)
  return bad.seq === null
    ? t('journal.integrity.brokenNoSeq', { line: bad.line, reason })
    : t('journal.integrity.broken', { seq: bad.seq, line: bad.line, reason })
}

const incidentReasons = [
  'edited',
  'removed',
  'reordered',
  'malformed',
  'truncated',
  'unanchored',
  'key',
  // found by the agency ledger's anchor (src/main/ledger/incident.ts)
  'ledgerTruncated',
  'ledgerDifferent',
  'ledgerFork',
  'ledgerChain'
] as const
// the operator accounts (src/main/operators/integrity.ts)
const accountsReasons = [
  'operatorsMissing',
  'operatorsDamaged',
  'operatorsRolledBack',
  'operatorsCopy',
  'operatorsLost',
  'operatorsRecovery'
] as const

/** What an incident found, in the teller's words (an unknown word is shown as it came). */
export function incidentReasonText(t: TFunction, reason: string): string {
  return isOneOf(incidentReasons, reason) || isOneOf(accountsReasons, reason)
    ? t(`journal.integrity.reasons.${reason}`)
    : reason
}
