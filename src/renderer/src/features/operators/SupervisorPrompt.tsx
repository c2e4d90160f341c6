import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SupervisorAction, SupervisorApproval } from '@shared/schemas/approval'
import { Dialog } from '../../shared/Dialog'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { setSupervisorPrompt } from '../../shared/supervisor'
import { useOperatorsApi } from './use-operators'

interface Pending {
  action: SupervisorAction
  resolve: (approval: SupervisorApproval | undefined | null) => void
}

/**
 * The app's supervisor prompt (installed with setSupervisorPrompt): "Supervisor" when there are
 * several, "Supervisor PIN", Enter approves, Esc cancels. Main checks the PIN; a refusal comes
 * back to the dialog of the action that asked.
 */
export function SupervisorPrompt() {
  const store = useOperatorsApi()
  const [pending, setPending] = useState<Pending | null>(null)

  useEffect(() => {
    setSupervisorPrompt(
      (action) =>
        new Promise((resolve) => {
          const state = store.getState().operators
          if (!state || state.signIn === 'off') return resolve(undefined)
          setPending((previous) => {
            previous?.resolve(null)
            return { action, resolve }
          })
        })
    )
    return () => setSupervisorPrompt(async () => undefined)
  }, [store])

  if (!pending) return null
  const done = (approval: SupervisorApproval | null): void => {
    pending.resolve(approval)
    setPending(null)
  }
  return <PromptDialog action={pending.action} onDone={done} />
}

function PromptDialog({
  action,
  onDone
}: {
  action: SupervisorAction
  onDone: (a: SupervisorApproval | null) => void
}) {
  const { t } = useTranslation()
  const store = useOperatorsApi()
  const supervisors = (store.getState().operators?.accounts ?? []).filter(
    (account) => account.role === 'supervisor' && !account.disabled
  )
  const [operatorId, setOperatorId] = useState(supervisors[0]?.id ?? '')
  const [pin, setPin] = useState('')
  const pinRef = useRef<HTMLInputElement>(null)
  const selectRef = useRef<HTMLSelectElement>(null)
  const id = useId()
  const approve = (): void => {
    if (operatorId && /^\d{4,8}$/.test(pin)) onDone({ operatorId, pin })
    else pinRef.current?.focus()
  }

  return (
    <Dialog
      title={t('operators.supervisor.title')}
      description={t(`operators.supervisor.actions.${action}`)}
      onCancel={() => onDone(null)}
      onEnter={approve}
      initialFocus={supervisors.length > 1 ? selectRef : pinRef}
    >
      {supervisors.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-supervisor`}>{t('operators.supervisor.supervisor')}</label>
          <select
            id={`${id}-supervisor`}
            ref={selectRef}
            value={operatorId}
            onChange={(event) => setOperatorId(event.target.value)}
          >
            {supervisors.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-pin`}>{t('operators.supervisor.pin')}</label>
        <input
          id={`${id}-pin`}
          ref={pinRef}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
        />
      </div>
      <div className="actions">
        <ShortcutButton shortcut="confirm" className="button button-primary" onClick={approve}>
          {t('operators.supervisor.confirm')}
        </ShortcutButton>
        <ShortcutButton shortcut="cancel" onClick={() => onDone(null)}>
          {t('operators.supervisor.cancel')}
        </ShortcutButton>
      </div>
    </Dialog>
  )
}
