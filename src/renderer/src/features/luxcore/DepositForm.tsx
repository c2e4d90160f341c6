import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { LuxcoreMethod } from '@shared/contract'
import { parseAmountInput } from '@shared/money'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { validationText } from '../../shared/error-text'
import { Field } from '../../shared/Field'
import { MoneyInput } from '../../shared/MoneyInput'
import { formatAmount } from '../../shared/format'
import {
  DEPOSIT_LIMITS_MXN,
  MAX_LENGTH,
  checkDeposit,
  emptyDraft,
  problemsFromError,
  type DepositDraft,
  type DepositField,
  type DepositProblems
} from './deposit-rules'
import { useLuxcore } from './use-luxcore'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

const methods: readonly LuxcoreMethod[] = ['oxxo', 'cash']
const amountReasons = [
  'empty',
  'format',
  'precision',
  'tooLarge',
  'notPositive',
  'belowMinimum',
  'aboveMaximum'
] as const
type TextField = Exclude<DepositField, 'amount'>
const inputTypes: Record<TextField, string> = { name: 'text', email: 'email', phone: 'tel', description: 'text' }

function problemText(t: TFunction, field: DepositField, reason: string, limit: (minor: number) => string): string {
  const amountReason = amountReasons.find((known) => known === reason)
  if (field === 'amount' && amountReason) {
    const bound = amountReason === 'belowMinimum' ? DEPOSIT_LIMITS_MXN.min : DEPOSIT_LIMITS_MXN.max
    return t(`luxcore.form.amountProblems.${amountReason}`, { limit: limit(bound) })
  }
  return validationText(t, reason)
}

/**
 * A new deposit, from the keyboard: amount (read exactly as typed, shown back as understood),
 * method, customer, description; Enter creates it. Problems are shown beside their fields
 * before anything is sent, and main's refusals land on the same fields.
 */
export function DepositForm({
  amountRef,
  onCreated
}: {
  amountRef: RefObject<HTMLInputElement | null>
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const language = useLuxcore((s) => s.language)
  const creating = useLuxcore((s) => s.creating)
  const createError = useLuxcore((s) => s.createError)
  const createDeposit = useLuxcore((s) => s.createDeposit)
  const [draft, setDraft] = useState<DepositDraft>(emptyDraft)
  const [problems, setProblems] = useState<DepositProblems>({})
  const [refused, setRefused] = useState(0)
  const form = useRef<HTMLFormElement>(null)
  const methodLabel = useId()

  // After a refusal the first field to fix takes the focus.
  useEffect(() => {
    if (refused > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refused])

  const fromMain = problemsFromError(createError)
  const shown = Object.keys(problems).length > 0 ? problems : fromMain
  const limit = (minor: number): string => formatAmount({ minor, currency: 'MXN' }, language)
  const problemOf = (field: DepositField): string | null => {
    const reason = shown[field]
    return reason === undefined ? null : problemText(t, field, reason, limit)
  }
  const parsed = parseAmountInput(draft.amount, 'MXN')
  const understood = 'minor' in parsed ? t('luxcore.form.understood', { amount: limit(parsed.minor) }) : null
  const set = (field: keyof DepositDraft, value: string): void =>
    setDraft((current) => ({ ...current, [field]: value }))

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (creating) return
    const checked = checkDeposit(draft)
    if ('problems' in checked) {
      setProblems(checked.problems)
      setRefused((count) => count + 1)
      return
    }
    setProblems({})
    if (await createDeposit(checked.input)) {
      setDraft({ ...emptyDraft, method: draft.method })
      onCreated()
    } else {
      setRefused((count) => count + 1)
    }
  }

  const textField = (field: TextField) => (
    <Field
      label={
        <>
          {t(`luxcore.form.${field}`)} <span className="hint">{t('luxcore.form.optional')}</span>
        </>
      }
      problem={problemOf(field)}
    >
      {(control) => (
        <input
          {...control}
          type={inputTypes[field]}
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_LENGTH[field]}
          value={draft[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      )}
    </Field>
  )

  return (
    <form
      ref={form}
      className="deposit-form"
      aria-label={t('luxcore.form.title')}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <h3 className="luxcore-section-title">{t('luxcore.form.title')}</h3>
      <Field
        label={t('luxcore.form.amount')}
        notes={[t('luxcore.form.amountHelp')]}
        beside={understood}
        problem={problemOf('amount')}
      >
        {(control) => (
          <MoneyInput
            {...control}
            inputRef={amountRef}
            className="deposit-amount"
            value={draft.amount}
            onValue={(value) => set('amount', value)}
          />
        )}
      </Field>
      <div className="field deposit-methods" role="radiogroup" aria-labelledby={methodLabel}>
        <span id={methodLabel} className="field-label">
          {t('luxcore.form.method')}
        </span>
        {methods.map((method) => (
          <label key={method} className="search-key">
            <input
              type="radio"
              name="deposit-method"
              value={method}
              checked={draft.method === method}
              onChange={() => set('method', method)}
            />
            {t(`luxcore.methods.${method}`)}
          </label>
        ))}
      </div>
      {textField('name')}
      {textField('email')}
      {textField('phone')}
      {textField('description')}
      {createError && Object.keys(fromMain).length === 0 && <ErrorMessage error={createError} />}
      {creating && (
        <p className="notice" role="status">
          {t('luxcore.form.creating')}
        </p>
      )}
      <div className="actions">
        <ShortcutButton shortcut="confirm" type="submit" className="button button-approve" disabled={creating}>
          {t('luxcore.form.submit')}
        </ShortcutButton>
      </div>
    </form>
  )
}
