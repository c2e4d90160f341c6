import { useId, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { Deposit } from '@shared/contract'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { Barcode } from './Barcode'
import { DepositFacts } from './DepositFacts'
import { canCancel, payablePayment } from './deposit-items'
import { progressText } from './deposit-text'
import { Instructions } from './Instructions'
import { selectShownDeposit } from './luxcore-slice'
import { useLuxcore } from './use-luxcore'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { useDocuments } from '../../shared/use-documents'
import { ReceiptOffer } from '../../shared/receipt-offer'
import { useDepositSms } from './deposit-sms'

/**
 * The deposit on view. Only a deposit LuxCore has ('created') shows instructions and can be
 * printed; 'queued' says it waits, 'attention' and 'discarded' say LuxCore does not have it.
 * Changes that come by themselves are announced in the status line.
 */
export function DepositView({ ref }: { ref?: Ref<HTMLElement> }) {
  const { t } = useTranslation()
  const deposit = useLuxcore(selectShownDeposit)
  const news = useLuxcore((s) => s.depositNews)
  const titleId = useId()
  if (!deposit) return null
  const announced = news?.merchantReference === deposit.merchantReference ? news : null

  return (
    <section ref={ref} tabIndex={-1} className="deposit-view" aria-labelledby={titleId}>
      <h3 id={titleId} className="deposit-title">
        {t('luxcore.deposit.region', { reference: deposit.merchantReference })}
      </h3>
      <p role="status" aria-label={t('luxcore.deposit.news')} className="deposit-news">
        {announced
          ? t('luxcore.deposit.statusNow', {
              reference: announced.merchantReference,
              status: progressText(t, announced)
            })
          : ''}
      </p>
      <DepositBody deposit={deposit} />
    </section>
  )
}

function DepositBody({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation()
  if (deposit.state === 'queued') {
    return (
      <div className="outcome outcome-queued">
        <p className="outcome-state">{t('luxcore.deposit.queued')}</p>
        <p>{t('luxcore.deposit.queuedHelp')}</p>
        {deposit.error && (
          <div className="outcome-error">
            <p>{t('luxcore.deposit.lastError')}</p>
            <ErrorMessage error={deposit.error} live={false} />
          </div>
        )}
        <DepositFacts deposit={deposit} />
      </div>
    )
  }
  if (deposit.state === 'attention' || deposit.state === 'discarded') {
    const attention = deposit.state === 'attention'
    return (
      <div className="outcome outcome-failed">
        <div role="alert">
          <p className="outcome-state">{t(attention ? 'luxcore.deposit.attention' : 'luxcore.deposit.discarded')}</p>
          {deposit.error && <ErrorMessage error={deposit.error} live={false} />}
        </div>
        {attention && <p>{t('luxcore.deposit.attentionHelp')}</p>}
        <DepositFacts deposit={deposit} />
      </div>
    )
  }
  return <CreatedDeposit deposit={deposit} />
}

function CreatedDeposit({ deposit }: { deposit: Deposit }) {
  const { t } = useTranslation()
  const refreshing = useLuxcore((s) => s.refreshing)
  const error = useLuxcore((s) => s.depositError)
  const requested = useLuxcore((s) => s.cancelRequested === deposit.merchantReference)
  const refresh = useLuxcore((s) => s.refreshDeposit)
  const openCancel = useLuxcore((s) => s.openCancel)
  const printDocument = useDocuments((s) => s.printDocument)
  const payment = deposit.payment
  const printable = payablePayment(deposit) !== null
  const sms = useDepositSms(deposit)

  return (
    <div className="outcome outcome-created">
      <DepositFacts deposit={deposit} />
      {deposit.cancelling && <p className="deposit-cancelling">{t('luxcore.deposit.cancelling')}</p>}
      {requested && !deposit.cancelling && !payment?.terminal && (
        <p className="notice">{t('luxcore.deposit.cancelRequested')}</p>
      )}
      {error && <ErrorMessage error={error} />}
      {payment && <Instructions instructions={payment.instructions} currency={payment.amount.currency} />}
      {payment?.barcode && <Barcode value={payment.barcode} />}
      <div className="actions">
        {printable && (
          <ShortcutButton shortcut="printVoucher" onClick={() => void printDocument('voucher')}>
            {t('shortcuts.printVoucher')}
          </ShortcutButton>
        )}
        {canCancel(deposit) && (
          <ShortcutButton shortcut="cancelDeposit" className="button button-reject" onClick={openCancel}>
            {t('shortcuts.cancelDeposit')}
          </ShortcutButton>
        )}
        <button type="button" className="button button-quiet" disabled={refreshing} onClick={() => void refresh()}>
          {t('luxcore.deposit.refresh')}
        </button>
      </div>
      <ReceiptOffer prompt={sms} />
    </div>
  )
}
