import { useTranslation } from 'react-i18next'
import type { DecisionKind } from '@shared/contract'
import { useShortcut } from '../../shared/keyboard/useShortcut'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { CardReceipt, hasReceipt } from './CardReceipt'
import { selectCanDecide } from './counter-slice'
import { DecisionOutcome } from './DecisionOutcome'
import { processingStatusText } from './payment-text'
import { useCounter } from './use-counter'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

const decisionKinds: readonly DecisionKind[] = ['approve', 'reject']

/**
 * What the teller can do with the card: decide a pending payment once, or see what this
 * terminal already decided. Anything not pending gets no buttons at all.
 */
export function DecisionPanel() {
  const { t } = useTranslation()
  const status = useCounter((s) => s.result?.payment.processingStatus ?? null)
  const decision = useCounter((s) => s.result?.decision ?? null)
  const canDecide = useCounter(selectCanDecide)
  const deciding = useCounter((s) => s.deciding)
  const error = useCounter((s) => s.decisionError)
  const openDecision = useCounter((s) => s.openDecision)

  const enabled = canDecide && !deciding
  useShortcut('approve', () => openDecision('approve'), enabled)
  useShortcut('reject', () => openDecision('reject'), enabled)

  let body
  if (decision) {
    body = (
      <>
        <DecisionOutcome record={decision} />
        {hasReceipt(decision) && <CardReceipt record={decision} />}
      </>
    )
  } else if (status === 'success') {
    body = <p className="notice notice-done">{t('card.alreadyApproved')}</p>
  } else if (status !== 'pending') {
    body = <p className="notice">{t('card.notDecidable', { status: processingStatusText(t, status) })}</p>
  } else {
    body = (
      <div className="actions">
        {decisionKinds.map((kind) => (
          <ShortcutButton
            shortcut={kind}
            key={kind}
            className={`button button-${kind}`}
            disabled={!enabled}
            onClick={() => openDecision(kind)}
          >
            {t(`shortcuts.${kind}`)}
          </ShortcutButton>
        ))}
      </div>
    )
  }

  return (
    <div className="decision" role="group" aria-label={t('decision.actions')}>
      {body}
      {deciding && (
        <p className="notice" role="status">
          {t('decision.sendingNow')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  )
}
