import type { TFunction } from 'i18next'
import type { AppError, Provider } from '@shared/errors'
import { ledgerWords } from './ledger-text'
import { isOneOf, lox24ErrorCodes, lox24NamedCodes, luxcoreErrorCodes, luxcoreNamedCodes } from './provider-codes'

const validationReasons = [
  'empty',
  'tooLong',
  'controlChars',
  'hiddenChars',
  'required',
  'tooLarge',
  'notNumeric',
  'reasonRequired',
  'url',
  'belowMinimum',
  'aboveMaximum',
  'email',
  'phone',
  'noteRequired',
  'shiftOpen',
  'noShift',
  'noShiftForX',
  'currencies',
  'methods',
  'currency',
  'method',
  'sender',
  'lox24Token',
  // operators (issue 11)
  'firstSupervisor',
  'nameTaken',
  'lastSupervisor',
  'fixed',
  'pin'
] as const
export type ValidationReason = (typeof validationReasons)[number]

/** zod's own issue codes that main may pass through as `reason` */
const zodReasons: Record<string, ValidationReason> = { too_big: 'tooLong', too_small: 'empty' }

function validationReason(reason: string | undefined): ValidationReason | null {
  if (reason === undefined) return null
  if ((validationReasons as readonly string[]).includes(reason)) return reason as ValidationReason
  return zodReasons[reason] ?? null
}

export function validationText(t: TFunction, reason: string | undefined): string {
  const known = validationReason(reason)
  return known ? t(`errors.validation.${known}`) : t('errors.codes.VALIDATION')
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

export interface ErrorText {
  /** our sentence, in the teller's language */
  sentence: string
  /** the provider's own words, e.g. Luka: «Transacción no encontrada» */
  provider: string | null
}

const providerNames = { luka: 'Luka', luxcore: 'LuxCore', lox24: 'LOX24' } as const satisfies Record<Provider, string>

/** A provider's name as the teller knows it. */
export function providerName(provider: Provider): string {
  return providerNames[provider]
}

/** OUTBOX_LIMIT names the currency (`field`) and which limit (`reason`: items or amount). */
function outboxLimitText(t: TFunction, error: AppError): string {
  const currency = error.field?.trim()
  if (!currency || (error.reason !== 'items' && error.reason !== 'amount')) return t('errors.codes.OUTBOX_LIMIT')
  return t(`errors.outboxLimit.${error.reason}`, { currency })
}

/**
 * A provider's own sentence for an error, or null for the generic one: first the provider's
 * own code (LuxCore `error`), then our code said in the provider's name. Luka's sentences
 * are the generic ones (`errors.codes`), so it has nothing of its own.
 */
type ProviderSentence = (t: TFunction, error: AppError) => string | null

const providerSentences: Record<Provider, ProviderSentence> = {
  luka: () => null,
  luxcore: (t, error) => {
    const providerCode = error.providerCode?.trim()
    if (isOneOf(luxcoreErrorCodes, providerCode)) return t(`errors.luxcore.codes.${providerCode}`)
    if (isOneOf(luxcoreNamedCodes, error.code)) return t(`errors.luxcore.named.${error.code}`)
    return null
  },
  lox24: (t, error) => {
    const providerCode = error.providerCode?.trim()
    if (isOneOf(lox24ErrorCodes, providerCode)) return t(`errors.lox24.codes.${providerCode}`)
    if (isOneOf(lox24NamedCodes, error.code)) return t(`errors.lox24.named.${error.code}`)
    return null
  }
}

function sentenceFor(t: TFunction, error: AppError): string {
  if (error.code === 'VALIDATION') return validationText(t, error.reason)
  if (error.code === 'OUTBOX_LIMIT') return outboxLimitText(t, error)
  const detail = error.detail ?? {}
  if (error.code === 'OUTBOX_LOCKED' && detail['lockFile']) {
    return t('errors.outboxLocked', {
      pid: detail['pid'] ?? '?',
      folder: detail['folder'] ?? '?',
      lockFile: detail['lockFile']
    })
  }
  if (error.code === 'STORAGE_UNWRITABLE' && detail['file']) {
    return t('errors.unwritable', { file: detail['file'], reason: detail['reason'] ?? '?' })
  }
  if (error.code === 'APPROVAL_REFUSED') {
    const reason = ['wrongPin', 'notSupervisor', 'locked'].includes(error.reason ?? '') ? error.reason : 'unknown'
    return t(`errors.operators.approval.${reason as 'wrongPin' | 'notSupervisor' | 'locked' | 'unknown'}`)
  }
  if (error.code === 'ENCRYPTION_UNAVAILABLE' && error.field === 'ledgerKey') return t('ledger.noEncryption')
  if (error.code === 'LEDGER_REFUSED' && isOneOf(ledgerWords, error.providerCode))
    return `${t('errors.codes.LEDGER_REFUSED')} ${capital(t(`ledger.words.${error.providerCode}`))}.`
  if (error.code === 'WRONG_PIN' && detail['left']) return t('errors.operators.wrongPinLeft', { left: detail['left'] })
  const own = error.provider ? providerSentences[error.provider](t, error) : null
  return own ?? t(`errors.codes.${error.code}`)
}

export function describeError(t: TFunction, error: AppError): ErrorText {
  let sentence = sentenceFor(t, error)
  if (error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
    sentence += ' ' + t('errors.retryAfter', { seconds: Math.ceil(error.retryAfterMs / 1000) })
  }
  const words = error.providerMessage?.trim() || null
  const code = error.providerCode?.trim() || null
  let provider: string | null = null
  if (words || code) {
    const message = [words, code ? t('errors.providerCode', { code }) : null].filter(Boolean).join(', ')
    // the agency server's own word (issue 15) is the server's, not a provider's
    const who = error.code.startsWith('LEDGER_') ? t('ledger.server') : providerNames[error.provider ?? 'luka']
    provider = t('errors.provider', { provider: who, message })
  }
  return { sentence, provider }
}

/** One line: "No se encontró el pago en Luka. — Luka: «Transacción no encontrada»" */
export function errorLine(t: TFunction, error: AppError): string {
  const { sentence, provider } = describeError(t, error)
  return provider ? `${sentence} — ${provider}` : sentence
}
