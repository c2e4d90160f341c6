import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { parseAmountInput } from '@shared/money'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { Fact } from '../../shared/Fact'
import { Field } from '../../shared/Field'
import { formatAmount } from '../../shared/format'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { MoneyInput } from '../../shared/MoneyInput'
import { useSms } from './use-sms'

/**
 * "Top up SMS credit" (lox24-create-payment.txt): a stored payment method, a net amount in the
 * account's currency, then the payment followed to its final status. Supervisors only: Enter
 * asks for a supervisor's PIN first (askSupervisor, once operators exist).
 */
export function TopupDialog() {
  const { t } = useTranslation()
  const language = useSms((s) => s.language)
  const methods = useSms((s) => s.topupMethods)
  const busy = useSms((s) => s.topupBusy)
  const error = useSms((s) => s.topupError)
  const topup = useSms((s) => s.topup)
  const currency = useSms((s) => s.smsCredit?.balance.currency ?? 'EUR') as 'EUR' | 'CHF'
  const create = useSms((s) => s.createTopup)
  const retry = useSms((s) => s.retryTopup)
  const close = useSms((s) => s.closeTopup)
  const options = [
    ...(methods?.sepa
      ? [{ value: `sepa:${methods.sepa.id}`, label: t('lox24.topup.sepa', { iban: methods.sepa.ibanMasked ?? '' }) }]
      : []),
    ...(methods?.cards ?? []).map((card) => ({
      value: `stored_card:${card.id}`,
      label: t('lox24.topup.card', {
        brand: card.brand ?? '',
        last4: card.last4 ?? '',
        month: card.expMonth ?? '',
        year: card.expYear ?? ''
      })
    }))
  ]
  const [method, setMethod] = useState('')
  const [amount, setAmount] = useState('')
  const chosen = method || (options.find((o) => o.value.startsWith('stored_card')) ?? options[0])?.value || ''
  const parsed = parseAmountInput(amount, currency)
  const submit = (event?: FormEvent): void => {
    event?.preventDefault()
    if (topup || !('minor' in parsed) || !chosen) return
    const [type, id] = chosen.split(':') as ['sepa' | 'stored_card', string]
    void create({ type, methodId: Number(id), net: { minor: parsed.minor, currency } })
  }
  const payment = topup?.payment
  const money = (value: { minor: number; currency: string } | null | undefined) =>
    value ? formatAmount(value, language) : '—'

  return (
    <Dialog title={t('lox24.topup.title')} description={t('lox24.topup.supervisor')} onCancel={close} onEnter={submit}>
      <form onSubmit={submit} noValidate>
        <Field label={t('lox24.topup.method')} notes={[methods && options.length === 0 ? t('lox24.topup.none') : null]}>
          {(control) => (
            <select
              {...control}
              value={chosen}
              disabled={topup !== null}
              onChange={(event) => setMethod(event.target.value)}
            >
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('lox24.topup.amount')} notes={[t('lox24.topup.amountHint', { currency })]}>
          {(control) => <MoneyInput {...control} value={amount} onValue={setAmount} readOnly={topup !== null} />}
        </Field>
        {topup && (
          <div role="status" aria-live="polite">
            <p>{t(`lox24.topup.states.${topup.state}`)}</p>
            {payment && (
              <dl className="fields">
                <Fact label={t('lox24.topup.facts.status')}>{t(`lox24.topup.statuses.${payment.statusName}`)}</Fact>
                <Fact label={t('lox24.topup.facts.net')}>{money(payment.net)}</Fact>
                <Fact label={t('lox24.topup.facts.vat')}>{money(payment.vat)}</Fact>
                <Fact label={t('lox24.topup.facts.fee')}>{money(payment.fee)}</Fact>
                <Fact label={t('lox24.topup.facts.amount')}>{money(payment.amount)}</Fact>
                {payment.invoice && <Fact label={t('lox24.topup.facts.invoice')}>{payment.invoice}</Fact>}
              </dl>
            )}
            {payment?.error && <p className="error">{payment.error}</p>}
          </div>
        )}
        {error && <ErrorMessage error={error} />}
        {topup?.error && topup.state !== 'created' && <ErrorMessage error={topup.error} live={false} />}
        <div className="actions">
          {!topup && (
            <ShortcutButton
              shortcut="confirm"
              type="submit"
              className="button button-approve"
              disabled={busy || !('minor' in parsed)}
            >
              {t('lox24.topup.create')}
            </ShortcutButton>
          )}
          {topup?.state === 'unconfirmed' && (
            <button type="button" className="button" onClick={() => void retry()}>
              {t('lox24.topup.tryAgain')}
            </button>
          )}
          <ShortcutButton shortcut="cancel" onClick={close}>
            {t('lox24.topup.close')}
          </ShortcutButton>
        </div>
      </form>
    </Dialog>
  )
}
