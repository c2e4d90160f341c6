import { useId, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/contract'
import { formatAmount, formatDateTime } from '../../shared/format'
import { humanizeKey, isKnownInstructionKey } from './instruction-keys'
import { useLuxcore } from './use-luxcore'

/** Bounds that keep any reply readable and the page alive, whatever LuxCore sends. */
const MAX_DEPTH = 6
const MAX_ITEMS = 100
const MAX_TEXT = 4_000
/** values rendered in all: a wide reply (or a cycle) stops here instead of growing the page without end */
const MAX_VALUES = 2_000

/** luxcore-payments-guide.txt: amounts are integers in minor units, also inside bank_details ("150000"). */
const AMOUNT_KEY = /(^|_)amount$/i
const MINOR_UNITS = /^-?\d{1,15}$/
const TIME_KEY = /(_at|At)$/
const URL_TEXT = /^[a-z][a-z0-9+.-]*:\/\//i
const CURRENCY_CODE = /^[A-Z]{3}$/

interface Context {
  t: TFunction
  language: Language
  /** the currency amounts below are in: the nearest `currency` sibling, else the payment's */
  currency: string
  budget: { left: number }
}

function entriesOf(value: object): [string, unknown][] {
  try {
    return Object.entries(value).slice(0, MAX_ITEMS)
  } catch {
    return []
  }
}

function preview(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? '…').slice(0, 200)
  } catch {
    return '…'
  }
}

function label(t: TFunction, key: string): string {
  if (isKnownInstructionKey(key)) return t(`luxcore.instructions.labels.${key}`)
  return humanizeKey(key) || t('luxcore.instructions.unnamed')
}

function text(value: string): ReactNode {
  const shown = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value
  // Shown as text to read out or copy, never a link: the window does not navigate anywhere.
  return URL_TEXT.test(shown) ? <span className="instruction-url">{shown}</span> : shown
}

function scalar(key: string, value: string | number, context: Context): ReactNode {
  const raw = String(value)
  if (AMOUNT_KEY.test(key) && MINOR_UNITS.test(raw) && Number.isSafeInteger(Number(raw))) {
    return formatAmount({ minor: Number(raw), currency: context.currency }, context.language)
  }
  if (typeof value === 'string' && TIME_KEY.test(key)) return formatDateTime(value, context.language) ?? text(value)
  return typeof value === 'string' ? text(value) : raw
}

function renderValue(key: string, value: unknown, depth: number, context: Context): ReactNode {
  const none = context.t('luxcore.deposit.none')
  if (--context.budget.left < 0) return '…'
  if (value === null || value === undefined || value === '') return none
  if (typeof value === 'string' || typeof value === 'number') return scalar(key, value, context)
  if (typeof value === 'boolean') return context.t(value ? 'luxcore.instructions.yes' : 'luxcore.instructions.no')
  if (typeof value === 'bigint') return String(value)
  if (typeof value !== 'object') return none
  if (depth >= MAX_DEPTH) return <code>{preview(value)}</code>
  if (Array.isArray(value)) {
    if (value.length === 0) return none
    return (
      <ol className="instruction-items">
        {value.slice(0, MAX_ITEMS).map((item: unknown, index) => (
          <li key={index}>{renderValue(key, item, depth + 1, context)}</li>
        ))}
      </ol>
    )
  }
  const entries = entriesOf(value)
  return entries.length === 0 ? none : renderEntries(entries, depth + 1, context)
}

function renderEntries(entries: [string, unknown][], depth: number, context: Context): ReactNode {
  const currency = entries.find(([key]) => key === 'currency')?.[1]
  const inner = typeof currency === 'string' && CURRENCY_CODE.test(currency) ? { ...context, currency } : context
  return (
    <dl className="instruction-fields">
      {entries.map(([key, value], index) => (
        <div key={`${index}-${key}`} className="instruction-field">
          <dt>{label(context.t, key)}</dt>
          <dd>{renderValue(key, value, depth, inner)}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * Whatever instruction objects LuxCore sent (the OXXO / cash shape is not public): objects
 * as labelled lists, arrays as numbered lists, any depth, never a crash.
 */
export function Instructions({ instructions, currency }: { instructions: Record<string, unknown>; currency: string }) {
  const { t } = useTranslation()
  const language = useLuxcore((s) => s.language)
  const titleId = useId()
  const entries = instructions !== null && typeof instructions === 'object' ? entriesOf(instructions) : []
  return (
    <section className="instructions" aria-labelledby={titleId}>
      <h4 id={titleId} className="instructions-title">
        {t('luxcore.instructions.title')}
      </h4>
      {entries.length === 0 ? (
        <p className="notice">{t('luxcore.instructions.empty')}</p>
      ) : (
        renderEntries(entries, 0, { t, language, currency, budget: { left: MAX_VALUES } })
      )}
    </section>
  )
}
