import { useTranslation } from 'react-i18next'
import { IntegrityStatus } from '../features/journal/Integrity'
import { JournalButton } from '../features/journal/JournalButton'
import { LuxcoreButton } from '../features/luxcore/LuxcoreButton'
import { OutboxButton, OutboxStatus } from '../features/outbox/OutboxStatus'
import { SettingsButton } from '../features/settings/SettingsButton'
import { ShiftStatus } from '../features/shift/ShiftStatus'
import { errorLine } from '../shared/error-text'
import { Kbd } from './Kbd'
import { ariaKeys, mainShortcuts, shortcutHint } from './shortcuts'
import { useShortcut } from './useShortcut'
import { useApp } from './use-app'

/** Luka's state, who is at the counter, and the keys that matter, always in view. */
export function StatusBar() {
  const { t } = useTranslation()
  const status = useApp((s) => s.lukaStatus)
  const signingIn = useApp((s) => s.signingIn)
  const signInError = useApp((s) => s.signInError)
  const terminal = useApp((s) => s.terminal)
  const operator = useApp((s) => s.operator)
  const signIn = useApp((s) => s.signIn)

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
        <button
          type="button"
          className="button button-quiet"
          onClick={connect}
          disabled={signingIn}
          aria-keyshortcuts={ariaKeys('connect')}
        >
          {t('shortcuts.connect')} <Kbd shortcut="connect" />
        </button>
      </div>
      <IntegrityStatus />
      <OutboxStatus />
      <ShiftStatus />
      <p className="status-item">
        {t('status.terminal')}: <strong>{terminal || t('status.unset')}</strong>
      </p>
      <p className="status-item">
        {t('status.operator')}: <strong>{operator || t('status.unset')}</strong>
      </p>
      <ul className="shortcut-list" aria-label={t('status.shortcuts')}>
        {mainShortcuts.map((id) => (
          <li key={id}>
            <kbd className="kbd">{shortcutHint(id)}</kbd> {t(`shortcuts.${id}`)}
          </li>
        ))}
      </ul>
      <OutboxButton />
      <LuxcoreButton />
      <JournalButton />
      <SettingsButton />
    </footer>
  )
}
