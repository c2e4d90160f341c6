import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaymentLink } from '@shared/contract'
import { DocumentButtons, type DocumentCommands } from '../../shared/DocumentButtons'
import { Fact } from '../../shared/Fact'
import { formatAmount } from '../../shared/format'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { QrCode } from '../../shared/QrCode'
import { ReceiptOffer } from '../../shared/receipt-offer'
import { useLinkSms } from './link-sms'
import { useLink } from './use-link'

/** Writes to the clipboard; the browser may refuse (no permission, not focused): then the teller copies by hand. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** A created link: its QR large, the URL as text, order number, amount, trace; copy, print, new link. */
export function LinkView({ link, commands }: { link: PaymentLink & { url: string }; commands: DocumentCommands }) {
  const { t } = useTranslation()
  const language = useLink((s) => s.language)
  const newLink = useLink((s) => s.newLink)
  const [copied, setCopied] = useState<boolean | null>(null)
  const copy = (): void => void copyText(link.url).then(setCopied)
  const sms = useLinkSms(link)

  return (
    <section className="link-view" aria-label={t('link.url')}>
      <QrCode value={link.url} label={t('link.qr')} className="qr-code qr-large" />
      <p className="link-url">
        <code>{link.url}</code>
      </p>
      <dl className="fields">
        <Fact label={t('link.amount')}>{formatAmount(link.amount, language)}</Fact>
        <Fact label={t('link.orderNumber')}>{link.orderNumber ?? '—'}</Fact>
        <Fact label={t('link.trace')}>{link.trace}</Fact>
      </dl>
      <div className="actions">
        <ShortcutButton shortcut="copyLink" data-copy autoFocus onClick={copy}>
          {t('link.copy')}
        </ShortcutButton>
        <button type="button" className="button" onClick={newLink}>
          {t('link.newLink')}
        </button>
      </div>
      {copied !== null && (
        <p className="notice" role="status">
          {copied ? t('link.copied') : t('link.copyFailed')}
        </p>
      )}
      <ReceiptOffer prompt={sms} />
      <DocumentButtons
        target="link"
        commands={commands}
        label={t('link.slip.title')}
        printLabel={t('link.print')}
        pdfLabel={t('receipt.savePdf')}
      />
    </section>
  )
}
