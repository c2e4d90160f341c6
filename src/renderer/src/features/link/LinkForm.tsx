import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { parseAmountInput } from '@shared/money'
import { EMAIL_PATTERN } from '@shared/link-rules'
import type { LinkConfig } from '@shared/contract'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { Field } from '../../shared/Field'
import { MoneyInput } from '../../shared/MoneyInput'
import { validationText } from '../../shared/error-text'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { useLink } from './use-link'

/** Amount, currency, methods, optional name and e-mail; Enter creates. Checked here before anything is sent. */
export function LinkForm({ config, retryOf }: { config: LinkConfig; retryOf?: string }) {
  const { t } = useTranslation()
  const creating = useLink((s) => s.creatingLink)
  const error = useLink((s) => s.linkError)
  const createLink = useLink((s) => s.createLink)
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState(config.currencies[0] ?? 'USD')
  const [methods, setMethods] = useState<string[]>([])
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [checked, setChecked] = useState(false)
  const amountRef = useRef<HTMLInputElement>(null)

  const parsed = parseAmountInput(amount, currency)
  const amountProblem = 'problem' in parsed ? parsed.problem : null
  const emailProblem = email.trim() !== '' && !EMAIL_PATTERN.test(email.trim())
  const fieldError = error?.code === 'VALIDATION' ? error.field : undefined

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    setChecked(true)
    if ('problem' in parsed || emailProblem || creating) {
      if ('problem' in parsed) amountRef.current?.focus()
      return
    }
    void createLink({
      amount: { minor: parsed.minor, currency },
      methods,
      name: name.trim(),
      email: email.trim(),
      ...(retryOf ? { retryOf } : {})
    })
  }

  return (
    <form className="link-form" onSubmit={onSubmit} noValidate>
      <Field
        label={t('link.amount')}
        problem={checked && amountProblem ? t(`luxcore.form.amountProblems.${amountProblem}` as never) : null}
      >
        {(control) => <MoneyInput {...control} inputRef={amountRef} autoFocus value={amount} onValue={setAmount} />}
      </Field>
      <Field
        label={t('link.currency')}
        problem={fieldError === 'amount.currency' ? validationText(t, error?.reason) : null}
      >
        {(control) => (
          <select {...control} value={currency} onChange={(event) => setCurrency(event.target.value)}>
            {config.currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="link-methods">
        <legend>{t('link.methods')}</legend>
        {config.methods.length === 0 && <p className="hint">{t('link.methodsAll')}</p>}
        {config.methods.map((method) => (
          <label key={method} className="check">
            <input
              type="checkbox"
              checked={methods.includes(method)}
              onChange={(event) =>
                setMethods((current) =>
                  event.target.checked ? [...current, method] : current.filter((key) => key !== method)
                )
              }
            />{' '}
            {method}
          </label>
        ))}
      </fieldset>
      <Field label={t('link.name')} notes={[t('link.nameHint')]}>
        {(control) => (
          <input {...control} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field
        label={t('link.email')}
        notes={[t('link.emailHint')]}
        problem={(checked && emailProblem) || fieldError === 'email' ? t('errors.validation.email') : null}
      >
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      {error && error.code !== 'VALIDATION' && <ErrorMessage error={error} />}
      {creating && (
        <p className="notice" role="status">
          {t('link.creating')}
        </p>
      )}
      <div className="actions">
        <ShortcutButton shortcut="confirm" type="submit" className="button button-approve" disabled={creating}>
          {retryOf ? t('link.unknown.again') : t('link.create')}
        </ShortcutButton>
      </div>
    </form>
  )
}
