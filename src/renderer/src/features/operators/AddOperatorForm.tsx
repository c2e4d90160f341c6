import { useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperatorRole } from '@shared/contract'
import { Field } from '../../shared/Field'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { useOperators } from './use-operators'

const PIN = /^\d{4,8}$/

/** Name, Role, PIN, Repeat PIN. The first account must be a supervisor (main says so too). */
export function AddOperatorForm({ nameRef }: { nameRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation()
  // the first account (also after lost accounts, with --recover-operators) must be a supervisor
  const first = useOperators((s) => s.operators?.signIn !== 'on' || s.operators.lost === 'recovery')
  const busy = useOperators((s) => s.operatorsBusy)
  const add = useOperators((s) => s.addOperator)
  const [name, setName] = useState('')
  const [role, setRole] = useState<OperatorRole>(first ? 'supervisor' : 'teller')
  const [pin, setPin] = useState('')
  const [repeat, setRepeat] = useState('')
  const [problem, setProblem] = useState<'required' | 'pin' | 'pinMismatch' | null>(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const found = name.trim() === '' ? 'required' : !PIN.test(pin) ? 'pin' : pin !== repeat ? 'pinMismatch' : null
    setProblem(found)
    if (found || busy) return
    if (await add(name.trim(), first ? 'supervisor' : role, pin)) {
      setName('')
      setPin('')
      setRepeat('')
      setRole('teller')
      nameRef.current?.focus()
    }
  }
  const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8)
  const problemText = (which: typeof problem) =>
    problem !== which
      ? null
      : which === 'pinMismatch'
        ? t('errors.operators.pinMismatch')
        : t(`errors.validation.${which!}`)

  return (
    <form className="operators-add" onSubmit={(event) => void submit(event)} aria-label={t('operators.manage.add')}>
      <Field label={t('operators.manage.name')} problem={problemText('required')}>
        {(control) => (
          <input {...control} ref={nameRef} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label={t('operators.manage.role')}>
        {(control) => (
          <select
            {...control}
            value={first ? 'supervisor' : role}
            disabled={first}
            onChange={(e) => setRole(e.target.value as OperatorRole)}
          >
            <option value="teller">{t('operators.manage.roles.teller')}</option>
            <option value="supervisor">{t('operators.manage.roles.supervisor')}</option>
          </select>
        )}
      </Field>
      <Field label={t('operators.manage.pin')} notes={[t('operators.manage.pinHint')]} problem={problemText('pin')}>
        {(control) => (
          <input
            {...control}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(digits(e.target.value))}
          />
        )}
      </Field>
      <Field label={t('operators.manage.repeatPin')} problem={problemText('pinMismatch')}>
        {(control) => (
          <input
            {...control}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={repeat}
            onChange={(e) => setRepeat(digits(e.target.value))}
          />
        )}
      </Field>
      <ShortcutButton shortcut="confirm" type="submit" className="button button-primary" disabled={busy}>
        {t('operators.manage.add')}
      </ShortcutButton>
    </form>
  )
}
