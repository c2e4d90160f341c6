import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SupervisorAction, SupervisorApproval } from '@shared/schemas/approval'
import { Dialog } from '../../shared/Dialog'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { setSupervisorPrompt } from '../../shared/supervisor'
import { PinFields } from './PinFields'
import { usePinFields } from './use-pin-fields'
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
  const fields = usePinFields(supervisors[0]?.id ?? '')
  const { operatorId, pin, pinRef, selectRef } = fields
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
      <PinFields
        fields={fields}
        choices={supervisors.length > 1 ? supervisors : null}
        operatorLabel={t('operators.supervisor.supervisor')}
        pinLabel={t('operators.supervisor.pin')}
      />
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
