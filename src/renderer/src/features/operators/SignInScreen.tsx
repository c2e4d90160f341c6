import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { AccountsLost } from './AccountsLost'
import { PinFields } from './PinFields'
import { usePinFields } from './use-pin-fields'
import { useOperators } from './use-operators'

/**
 * What the counter shows while sign-in is on and nobody is signed in ("Sign in") or it is locked
 * ("Locked"): the operator's name (a list: type its first letters or use ↑ ↓), the PIN, Enter.
 * No customer data: the counter, its card and the panels are not rendered behind it.
 */
export function SignInScreen() {
  const lost = useOperators((s) => s.operators?.lost ?? null)
  // lost accounts have their own screen; the form below mounts afresh once a first supervisor exists
  return lost ? <AccountsLost recovery={lost === 'recovery'} /> : <SignInForm />
}

function SignInForm() {
  const { t } = useTranslation()
  const state = useOperators((s) => s.operators)
  const error = useOperators((s) => s.operatorSignInError)
  const signIn = useOperators((s) => s.signInOperator)
  const locked = state?.session.locked === true ? state.session.operator : null
  const accounts = (state?.accounts ?? []).filter((account) => !account.disabled)
  const fields = usePinFields(locked?.id ?? accounts[0]?.id ?? '')
  const { operatorId, pin, pinRef, selectRef } = fields
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    // the locked operator (or the only one) types the PIN at once; otherwise pick the name first
    if (locked || accounts.length === 1) pinRef.current?.focus()
    else selectRef.current?.focus()
    // only when the screen appears
  }, [])

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy || !operatorId || pin === '') return
    setBusy(true)
    const ok = await signIn(operatorId, pin)
    setBusy(false)
    if (!ok) {
      fields.setPin('')
      pinRef.current?.focus()
    }
  }

  const title = locked ? t('operators.lock.title') : t('operators.signIn.title')
  return (
    <section className="sign-in" aria-label={title}>
      <h1 className="sign-in-title">{title}</h1>
      <p className="hint">{locked ? t('operators.lock.help', { name: locked.name }) : t('operators.signIn.help')}</p>
      {accounts.length === 0 ? (
        <p role="alert">{t('operators.signIn.none')}</p>
      ) : (
        <form className="sign-in-form" onSubmit={(event) => void submit(event)}>
          <PinFields
            fields={fields}
            choices={accounts}
            operatorLabel={t('operators.signIn.operator')}
            pinLabel={t('operators.signIn.pin')}
            error={error}
          />
          <ShortcutButton shortcut="confirm" type="submit" className="button button-primary" disabled={busy}>
            {locked && operatorId === locked.id ? t('operators.lock.unlock') : t('operators.signIn.submit')}
          </ShortcutButton>
        </form>
      )}
    </section>
  )
}
