import type { TFunction } from 'i18next'
import type { AppError } from '@shared/errors'

const validationReasons = ['empty', 'tooLong', 'controlChars', 'notNumeric', 'reasonRequired', 'url'] as const
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

export interface ErrorText {
  /** our sentence, in the teller's language */
  sentence: string
  /** the provider's own words, e.g. Luka: «Transacción no encontrada» */
  provider: string | null
}

const providerNames = { luka: 'Luka', luxcore: 'LuxCore' } as const

export function describeError(t: TFunction, error: AppError): ErrorText {
  let sentence =
    error.code === 'VALIDATION' ? validationText(t, error.reason) : t(`errors.codes.${error.code}`)
  if (error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
    sentence += ' ' + t('errors.retryAfter', { seconds: Math.ceil(error.retryAfterMs / 1000) })
  }
  const words = error.providerMessage?.trim() || null
  const code = error.providerCode?.trim() || null
  let provider: string | null = null
  if (words || code) {
    const message = [words, code ? t('errors.providerCode', { code }) : null].filter(Boolean).join(', ')
    provider = t('errors.provider', { provider: providerNames[error.provider ?? 'luka'], message })
  }
  return { sentence, provider }
}

/** One line: "No se encontró el pago en Luka. — Luka: «Transacción no encontrada»" */
export function errorLine(t: TFunction, error: AppError): string {
  const { sentence, provider } = describeError(t, error)
  return provider ? `${sentence} — ${provider}` : sentence
}
