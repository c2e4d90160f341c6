import { useTranslation } from 'react-i18next'
import type { DecisionRecord } from '@shared/contract'
import { useShortcut } from '../../shared/keyboard/useShortcut'
import { DocumentButtons, useDocumentCommands } from '../../shared/DocumentButtons'
import { localDay } from '../../shared/format'
import { decisionReceipt } from '../../shared/receipts/receipt'
import { ReceiptDocument } from '../../shared/receipts/ReceiptDocument'
import { useCounter } from './use-counter'

/** A receipt is offered once the decision is this terminal's for good: delivered, or waiting in the outbox. */
export const hasReceipt = (record: DecisionRecord): boolean => record.state === 'delivered' || record.state === 'queued'

/**
 * The card's receipt: Ctrl+P prints it, Ctrl+S saves it as PDF, from anywhere on the counter
 * screen (not while a dialog is open: LuxCore's panel keeps its own Ctrl+P for its voucher).
 */
export function CardReceipt({ record }: { record: DecisionRecord }) {
  const { t } = useTranslation()
  const payment = useCounter((s) => s.result?.payment ?? null)
  const lookedUp = useCounter((s) => s.lookedUp)
  const tendered = useCounter((s) => s.tendered)
  const terminal = useCounter((s) => s.terminal)
  const operator = useCounter((s) => s.operator)
  const reference = lookedUp?.by === 'reference' ? lookedUp.value : null
  const receipt = payment ? decisionReceipt({ payment, record, reference, terminal, operator, tendered }) : null
  const pdfName = t('receipt.pdfName', {
    reference: reference ?? record.transactionId,
    date: localDay(record.decidedAt) ?? ''
  })
  const commands = useDocumentCommands('receipt', pdfName)
  useShortcut('printDocument', commands.print, receipt !== null)
  useShortcut('saveDocumentPdf', commands.savePdf, receipt !== null)
  if (!receipt) return null

  return (
    <>
      <DocumentButtons
        target="receipt"
        commands={commands}
        label={t('receipt.actions')}
        printLabel={t('receipt.print')}
        pdfLabel={t('receipt.savePdf')}
      />
      <ReceiptDocument receipt={receipt} target="receipt" />
    </>
  )
}
