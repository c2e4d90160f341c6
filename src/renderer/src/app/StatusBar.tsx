import { useTranslation } from 'react-i18next'
import { IntegrityStatus } from '../features/journal/Integrity'
import { gateShown } from '../features/operators/operators-slice'
import { OperatorStatus } from '../features/operators/OperatorStatus'
import { OutboxStatus } from '../features/outbox/OutboxStatus'
import { ShiftStatus } from '../features/shift/ShiftStatus'
import { SmsCredit } from '../features/sms/SmsCredit'
import { UpdateStatus } from '../features/updates/UpdateStatus'
import { errorLine } from '../shared/error-text'
import { mainShortcuts, shortcutHint } from '../shared/keyboard/shortcuts'
import { useShortcut } from '../shared/keyboard/useShortcut'
import { LedgerStatus } from './LedgerStatus'
import { Launchers } from './Panels'
import { useApp } from './use-app'
import { ShortcutButton } from '../shared/keyboard/ShortcutButton'

/** Luka's state, who is at the counter, and the keys that matter, always in view. */
export function StatusBar() {
  const { t, i18n } = useTranslation()
  const status = useApp((s) => s.lukaStatus)
  const signingIn = useApp((s) => s.signingIn)
  const signInError = useApp((s) => s.signInError)
  const terminal = useApp((s) => s.terminal)
  const signIn = useApp((s) => s.signIn)
  // the sign-in and lock screens show no amounts: the queue, the shift and the credit wait behind them
  const gate = useApp((s) => gateShown(s.operators))

  const connect = (): void => {
    if (!signingIn) void signIn()
  }
  useShortcut('connect', connect)

  const state = signingIn ? 'signing-in' : (status?.state ?? 'unknown')
  const problem = signInError ?? status?.error ?? null

  return (
    <footer className="status-bar" aria-label={t('status.bar')}>
      <div className="status-luka">
        <p role="status" aria-label={t('status.connection')} className={`luka-state luka-${state}`}>
          {t('status.luka', { state: t(`status.states.${state}`) })}
          {problem && state !== 'online' && <span className="luka-problem"> — {errorLine(t, problem)}</span>}
        </p>
        <ShortcutButton shortcut="connect" className="button button-quiet" onClick={connect} disabled={signingIn}>
          {t('shortcuts.connect')}
        </ShortcutButton>
      </div>
      <IntegrityStatus />
      {!gate && (
        <>
          <OutboxStatus />
          <ShiftStatus />
          <SmsCredit />
        </>
      )}
      <UpdateStatus />
      <LedgerStatus />
      <p className="status-item">
        {t('status.terminal')}: <strong>{terminal || t('status.unset')}</strong>
      </p>
      <OperatorStatus />
      <ul className="shortcut-list" aria-label={t('status.shortcuts')}>
        {mainShortcuts.map((id) => (
          <li key={id}>
            <kbd className="kbd">{shortcutHint(id, i18n.language)}</kbd> {t(`shortcuts.${id}`)}
          </li>
        ))}
      </ul>
      {!gate && <Launchers />}
    </footer>
  )
}
