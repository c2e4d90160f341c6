import { useTranslation } from 'react-i18next'
import type { Deposit } from '@shared/contract'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatAmount } from '../../shared/format'
import { useLuxcore } from './use-luxcore'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

/** "Cancel this deposit?" naming its amount and reference: Enter confirms, Esc backs out. */
export function CancelDepositDialog({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation()
  const language = useLuxcore((s) => s.language)
  const busy = useLuxcore((s) => s.cancelBusy)
  const error = useLuxcore((s) => s.cancelError)
  const confirm = useLuxcore((s) => s.confirmCancel)
  const close = useLuxcore((s) => s.closeCancel)
  const amount = formatAmount(deposit.payment?.amount ?? deposit.amount, language)
  const run = (): void => {
    if (!busy) void confirm()
  }

  return (
    <Dialog
      className="dialog-reject"
      title={t('luxcore.cancel.title', { amount })}
      description={t('luxcore.cancel.text', { amount, reference: deposit.merchantReference })}
      onCancel={close}
      onEnter={run}
    >
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <ShortcutButton shortcut="confirm" className="button button-reject" disabled={busy} onClick={run}>
          {t('luxcore.cancel.confirm')}
        </ShortcutButton>
        <ShortcutButton shortcut="cancel" onClick={close}>
          {t('luxcore.cancel.cancel')}
        </ShortcutButton>
      </div>
    </Dialog>
  )
}
