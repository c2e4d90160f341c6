import type { TFunction } from 'i18next'
import type { LedgerState } from '@shared/contract'
import { isOneOf } from './provider-codes'

/** The agency server's words (src/server: Refusal codes) and ours (mismatch, noKey, url), each with a sentence. */
export const ledgerWords = [
  'tooLarge',
  'notFound',
  'badCode',
  'keyEnrolled',
  'unknownTerminal',
  'revoked',
  'badSignature',
  'badKey',
  'malformed',
  'order',
  'mismatch',
  'noKey',
  'url'
] as const

/** "libro: al día / N pendientes / sin conexión / rechazado (…)": null when the ledger is off. */
export function ledgerStatusText(t: TFunction, status: LedgerState): string | null {
  switch (status.state) {
    case 'off':
      return null
    case 'upToDate':
      return t('ledger.status.upToDate')
    case 'behind':
      return t('ledger.status.behind', { count: status.behind })
    case 'unreachable':
      return status.behind > 0
        ? t('ledger.status.unreachableBehind', { count: status.behind })
        : t('ledger.status.unreachable')
    case 'refused':
      // our sentence for the server's word, with the word itself; an unknown word as it came
      return t('ledger.status.refused', {
        why: isOneOf(ledgerWords, status.code) ? `${t(`ledger.words.${status.code}`)} — ${status.code}` : status.code
      })
  }
}
