import { useTranslation } from 'react-i18next'
import type { Deposit } from '@shared/contract'
import { Kbd } from '../../app/Kbd'
import { ariaKeys } from '../../app/shortcuts'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatAmount } from '../../shared/format'
import { useLuxcore } from './use-luxcore'

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
        <button
          type="button"
          className="button button-reject"
          disabled={busy}
          onClick={run}
          aria-keyshortcuts={ariaKeys('confirm')}
        >
          {t('luxcore.cancel.confirm')} <Kbd shortcut="confirm" />
        </button>
        <button type="button" className="button" onClick={close} aria-keyshortcuts={ariaKeys('cancel')}>
          {t('luxcore.cancel.cancel')} <Kbd shortcut="cancel" />
        </button>
      </div>
    </Dialog>
  )
}
