import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { PaymentLink } from '@shared/contract'
import { formatAmount, formatDateTime } from '../../shared/format'
import { QrCode } from '../../shared/QrCode'
import { useLink } from './use-link'

/** The slip the customer takes: the QR to scan, the amount, the URL, order number and trace (print target "link"). */
export function LinkSlip({ link }: { link: PaymentLink & { url: string } }) {
  const { t } = useTranslation()
  const language = useLink((s) => s.language)
  const terminal = useLink((s) => s.terminal)
  return createPortal(
    <div className="print-doc print-doc-link receipt" aria-hidden="true">
      <h1>{t('link.slip.title')}</h1>
      <p>{terminal}</p>
      <p className="receipt-amount">{formatAmount(link.amount, language)}</p>
      <QrCode value={link.url} label={t('link.qr')} className="qr-code qr-slip" />
      <p>{t('link.slip.scan')}</p>
      <dl className="receipt-rows">
        <div>
          <dt>{t('link.url')}</dt>
          <dd className="link-url">{link.url}</dd>
        </div>
        <div>
          <dt>{t('link.orderNumber')}</dt>
          <dd>{link.orderNumber ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('link.trace')}</dt>
          <dd>{link.trace}</dd>
        </div>
        <div>
          <dt>{t('journal.columns.at')}</dt>
          <dd>{formatDateTime(link.createdAt, language) ?? link.createdAt}</dd>
        </div>
      </dl>
    </div>,
    document.body
  )
}
