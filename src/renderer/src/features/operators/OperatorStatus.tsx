import { useTranslation } from 'react-i18next'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { useShortcut } from '../../shared/keyboard/useShortcut'
import { gateShown } from './operators-slice'
import { useOperators } from './use-operators'
import './operators.css'

/**
 * The status bar's "who is at the counter": the signed-in operator with Lock and Sign out (both
 * from the keyboard; locking lets another teller sign in), or the operator name from the settings
 * and "sign-in off" while there are no accounts.
 */
export function OperatorStatus() {
  const { t } = useTranslation()
  const state = useOperators((s) => s.operators)
  const fallback = useOperators((s) => s.operator)
  const lock = useOperators((s) => s.lockCounter)
  const signOut = useOperators((s) => s.signOutOperator)
  const signedIn = state?.signIn === 'on' && !gateShown(state) ? state.session.operator : null
  useShortcut('lockCounter', () => void lock(), signedIn !== null)
  useShortcut('signOut', () => void signOut(), signedIn !== null)

  if (!signedIn) {
    return (
      <>
        <p className="status-item">
          {t('status.operator')}: <strong>{(state?.signIn === 'on' ? '' : fallback) || t('status.unset')}</strong>
        </p>
        {state?.signIn === 'off' && <p className="status-item">{t('operators.status.off')}</p>}
      </>
    )
  }
  return (
    <div className="status-item status-operator">
      <p>
        {t('status.operator')}: <strong>{signedIn.name}</strong>
      </p>
      <ShortcutButton shortcut="lockCounter" className="button button-quiet" onClick={() => void lock()}>
        {t('operators.status.lock')}
      </ShortcutButton>
      <ShortcutButton shortcut="signOut" className="button button-quiet" onClick={() => void signOut()}>
        {t('operators.status.signOut')}
      </ShortcutButton>
    </div>
  )
}
