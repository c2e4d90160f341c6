import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { formatAmount, formatDateTime } from '../format'
import { usePrintedAt } from '../printed-at'
import { TrainingMark } from '../TrainingMark'
import { useDocuments } from '../use-documents'
import { agencyOf, changeOf, type Receipt } from './receipt'
import { receiptStatusText } from './receipt-text'

/**
 * The paper handed to the customer. Like the LuxCore voucher it lives outside the app's root,
 * is not displayed on screen, and is skipped by screen readers (the screen shows the same
 * facts); print.css shows it only while it is the document being printed.
 */
export function ReceiptDocument({ receipt, target }: { receipt: Receipt; target: 'receipt' | 'reprint' }) {
  const { t } = useTranslation()
  const language = useDocuments((s) => s.language)
  // "Impreso" is the moment of printing (or of the PDF), not when the card appeared
  const printedAt = usePrintedAt()
  const none = t('card.none')
  const when = (iso: string): string => formatDateTime(iso, language) ?? iso

  const change = receipt.amount && receipt.tendered ? changeOf(receipt.amount, receipt.tendered) : null
  const rows: [string, string][] = [
    [t('receipt.agency'), agencyOf(receipt.terminal) || none],
    [t('receipt.terminal'), receipt.terminal || none],
    [t('receipt.operator'), receipt.operator || none],
    [t('receipt.at'), when(receipt.at)],
    [t('receipt.reference'), receipt.reference ?? none],
    [t(`receipt.transactionId.${receipt.provider}`), receipt.transactionId ?? none],
    ...(receipt.operationId ? [[t('receipt.operationId'), receipt.operationId] as [string, string]] : []),
    [t('receipt.amount'), receipt.amount ? formatAmount(receipt.amount, language) : none],
    [t('receipt.status'), receiptStatusText(t, receipt.status)],
    [t('receipt.authorizationCode'), receipt.authorizationCode ?? none],
    ...(receipt.tendered
      ? [[t('receipt.tendered'), formatAmount(receipt.tendered, language)] as [string, string]]
      : []),
    ...(change && change.minor >= 0 ? [[t('receipt.change'), formatAmount(change, language)] as [string, string]] : []),
    [t('receipt.printedAt'), when(printedAt)]
  ]

  return createPortal(
    <div className={`print-doc print-doc-${target} receipt`} aria-hidden="true">
      <h1>{t(`receipt.titles.${receipt.kind}`)}</h1>
      <TrainingMark />
      {receipt.reprint && <p className="receipt-mark">{t('receipt.reprint')}</p>}
      {receipt.amount && <p className="receipt-amount">{formatAmount(receipt.amount, language)}</p>}
      <dl className="receipt-rows">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>,
    document.body
  )
}
