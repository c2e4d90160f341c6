import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperatorView } from '@shared/contract'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { Field } from '../../shared/Field'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { AddOperatorForm } from './AddOperatorForm'
import { useOperators } from './use-operators'

/** Settings → Operators (Alt+O): the accounts, a new one, and the idle lock. Changes need a supervisor. */
export function OperatorsPanel() {
  const { t } = useTranslation()
  const open = useOperators((s) => s.operatorsOpen)
  const state = useOperators((s) => s.operators)
  const error = useOperators((s) => s.operatorsError)
  const notice = useOperators((s) => s.operatorsNotice)
  const close = useOperators((s) => s.closeOperators)
  const nameRef = useRef<HTMLInputElement>(null)
  if (!open) return null

  return (
    <Dialog title={t('operators.manage.title')} onCancel={close} initialFocus={nameRef} className="dialog-operators">
      <p className="hint">{t('operators.manage.help')}</p>
      {state?.damaged && <p role="alert">{t('operators.manage.damaged')}</p>}
      {state && state.accounts.length > 0 && (
        <ul className="operators-list" aria-label={t('operators.manage.list')}>
          {state.accounts.map((account) => (
            <AccountRow key={account.id} account={account} />
          ))}
        </ul>
      )}
      <AddOperatorForm nameRef={nameRef} />
      {state && <IdleLockForm minutes={state.idleLockMinutes} fixed={state.idleLockFixed} />}
      {error && <ErrorMessage error={error} />}
      {notice && <p role="status">{t(`operators.manage.${notice}`)}</p>}
      <div className="actions">
        <ShortcutButton shortcut="cancel" onClick={close}>
          {t('operators.manage.close')}
        </ShortcutButton>
      </div>
    </Dialog>
  )
}

function AccountRow({ account }: { account: OperatorView }) {
  const { t, i18n } = useTranslation()
  const setDisabled = useOperators((s) => s.setOperatorDisabled)
  const resetPin = useOperators((s) => s.resetOperatorPin)
  const [resetting, setResetting] = useState(false)
  const [pin, setPin] = useState('')
  const until = account.lockedUntil ? new Date(account.lockedUntil).toLocaleTimeString(i18n.language) : null
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (/^\d{4,8}$/.test(pin) && (await resetPin(account.id, pin))) {
      setResetting(false)
      setPin('')
    }
  }
  return (
    <li>
      <span>
        <strong>{account.name}</strong> · {t(`operators.manage.roles.${account.role}`)}
        {account.disabled && ` · ${t('operators.manage.disabled')}`}
        {until && ` · ${t('operators.manage.lockedUntil', { time: until })}`}
      </span>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void setDisabled(account.id, !account.disabled)}
      >
        {account.disabled ? t('operators.manage.enable') : t('operators.manage.disable')} — {account.name}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setResetting(!resetting)}>
        {t('operators.manage.resetPin')} — {account.name}
      </button>
      {resetting && (
        <form onSubmit={(event) => void save(event)}>
          <Field label={t('operators.manage.newPin')} notes={[t('operators.manage.pinHint')]}>
            {(control) => (
              <input
                {...control}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                autoFocus
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
              />
            )}
          </Field>
          <ShortcutButton shortcut="confirm" type="submit" className="button">
            {t('operators.manage.savePin')}
          </ShortcutButton>
        </form>
      )}
    </li>
  )
}

function IdleLockForm({ minutes, fixed }: { minutes: number; fixed: boolean }) {
  const { t } = useTranslation()
  const save = useOperators((s) => s.setIdleLock)
  const [text, setText] = useState(String(minutes))
  const value = Number(text.replace(',', '.'))
  const valid = text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 240
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (valid && !fixed) void save(value)
  }
  return (
    <form className="operators-idle" onSubmit={submit}>
      <Field
        label={t('operators.manage.idleLock')}
        notes={[t('operators.manage.idleLockHint'), fixed && t('operators.manage.idleLockFixed')]}
        problem={valid ? null : t('errors.codes.VALIDATION')}
      >
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            readOnly={fixed}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      {!fixed && (
        <ShortcutButton shortcut="confirm" type="submit" className="button">
          {t('operators.manage.saveIdleLock')}
        </ShortcutButton>
      )}
    </form>
  )
}
