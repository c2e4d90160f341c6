import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { Deposit, LuxcorePayment } from '@shared/contract'
import { formatAmount, formatDateTime } from '../../shared/format'
import { usePrintedAt } from '../../shared/printed-at'
import { TrainingMark } from '../../shared/TrainingMark'
import { Barcode } from './Barcode'
import { methodText, statusText } from './deposit-text'
import { Instructions } from './Instructions'
import { useLuxcore } from './use-luxcore'

/**
 * The paper the customer takes to the store: print target "voucher", like every document. It
 * lives outside the app's root so the print stylesheet (print.css) can hide the whole window and
 * print only this; on screen it is not displayed, and screen readers skip it (the panel shows
 * the same facts).
 */
export function Voucher({ deposit, payment }: { deposit: Deposit; payment: LuxcorePayment }) {
  const { t } = useTranslation()
  const language = useLuxcore((s) => s.language)
  const terminal = useLuxcore((s) => s.terminal)
  const operator = useLuxcore((s) => s.operator)
  const test = useLuxcore((s) => s.luxcoreStatus?.keyMode === 'test')
  const none = t('luxcore.deposit.none')
  const when = (iso: string | null): string => (iso ? (formatDateTime(iso, language) ?? iso) : none)
  // "Impreso" is the moment of printing, whatever started it (Ctrl+P, the button, a menu)
  const printedAt = usePrintedAt()

  const rows: [string, string][] = [
    [t('luxcore.voucher.agency'), terminal || none],
    [t('luxcore.voucher.operator'), operator || none],
    [t('luxcore.voucher.printedAt'), when(printedAt)],
    [t('luxcore.deposit.createdAt'), when(payment.createdAt ?? deposit.createdAt)],
    [t('luxcore.deposit.reference'), deposit.merchantReference],
    [t('luxcore.deposit.transactionId'), payment.transactionId],
    [t('luxcore.deposit.method'), methodText(t, payment.method ?? deposit.method)],
    [t('luxcore.deposit.status'), statusText(t, payment.status)],
    [t('luxcore.deposit.expiresAt'), when(payment.expiresAt)]
  ]

  return createPortal(
    <div className="print-doc-voucher print-voucher" aria-hidden="true">
      <h1 className="voucher-title">{t('luxcore.voucher.title')}</h1>
      <TrainingMark />
      {test && <p className="voucher-test">{t('luxcore.voucher.test')}</p>}
      <p className="voucher-amount">{formatAmount(payment.amount, language)}</p>
      <dl className="voucher-rows">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Instructions instructions={payment.instructions} currency={payment.amount.currency} />
      {payment.barcode && <Barcode value={payment.barcode} />}
    </div>,
    document.body
  )
}
