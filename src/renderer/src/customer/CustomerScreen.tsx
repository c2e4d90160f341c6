import { useEffect, useState } from 'react'
import type { CustomerView, TaquillaApi } from '@shared/contract'
import { link as en } from '../app/locales/link-en'
import { link as es } from '../app/locales/link-es'
import { formatAmount } from '../shared/format'
import { QrCode } from '../shared/QrCode'

const texts = { es: es.customer, en: en.customer }
const qrLabel = { es: es.qr, en: en.qr }

/**
 * What the customer sees: the amount being paid and its result, or the open link's QR code, and
 * the agency's name otherwise. It only reads `display.get` and hears `display.updated`; main
 * holds one customer's view at a time, so nothing of an earlier customer can show.
 */
export function CustomerScreen({ api }: { api: Pick<TaquillaApi, 'display.get' | 'events'> }) {
  const [view, setView] = useState<CustomerView | null>(null)
  useEffect(() => {
    let live = true
    const off = api.events['display.updated']((next) => setView(next))
    void api['display.get'](undefined).then((result) => {
      if (live && result.ok) setView((current) => current ?? result.value)
    })
    return () => {
      live = false
      off()
    }
  }, [api])

  useEffect(() => {
    if (view) document.documentElement.lang = view.language
  }, [view])

  if (!view) return <main className="customer" aria-busy="true" />
  const text = texts[view.language]
  const { content } = view
  return (
    <main className="customer">
      <h1 className="customer-agency">{view.agency || 'Taquilla'}</h1>
      {content.kind === 'idle' && <p className="customer-welcome">{text.welcome}</p>}
      {content.kind === 'payment' && (
        <section aria-label={text.paying}>
          <p className="customer-label">{text.paying}</p>
          <p className="customer-amount">{formatAmount(content.amount, view.language)}</p>
          {content.result !== 'pending' && (
            <p className={`customer-result customer-${content.result}`} role="status">
              {text[content.result]}
            </p>
          )}
        </section>
      )}
      {content.kind === 'link' && (
        <section aria-label={text.scan}>
          <p className="customer-amount">{formatAmount(content.amount, view.language)}</p>
          {/* its own size only: QrCode's default look (qr-code.css, a block of 12rem) is the counter's */}
          <QrCode value={content.url} label={qrLabel[view.language]} className="customer-qr" />
          <p className="customer-label">{text.scan}</p>
        </section>
      )}
    </main>
  )
}
