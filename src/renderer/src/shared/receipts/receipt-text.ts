import type { TFunction } from 'i18next'
import { resultText } from '../journal-text'

const decisionStates = ['delivered', 'queued', 'sending', 'attention', 'discarded', 'accepted'] as const
type DecisionState = (typeof decisionStates)[number]
const isDecisionState = (word: string): word is DecisionState => (decisionStates as readonly string[]).includes(word)

/** A receipt's status in the teller's words: decision states first, then the journal's result words. */
export function receiptStatusText(t: TFunction, status: string): string {
  return isDecisionState(status) ? t(`receipt.statuses.${status}`) : resultText(t, status)
}
