import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A Code128 barcode for the store's scanner, with its value as text below. jsbarcode is
 * loaded only when a barcode is drawn, in its own chunk: the counter's first paint does not
 * wait for it. A value Code128 cannot carry (or a failed load) leaves the value as text.
 */
export function Barcode({ value }: { value: string }) {
  const { t } = useTranslation()
  const svg = useRef<SVGSVGElement>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let live = true
    setFailed(false)
    import('jsbarcode')
      .then(({ default: draw }) => {
        if (!live || !svg.current) return
        // Presentation attributes only (no style attribute): the CSP allows no inline styles.
        draw(svg.current, value, { format: 'CODE128', displayValue: false, margin: 8, height: 64, width: 2 })
      })
      .catch(() => {
        if (live) setFailed(true)
      })
    return () => {
      live = false
    }
  }, [value])

  return (
    <figure className="barcode">
      {failed ? (
        <p className="hint">{t('luxcore.barcodeFailed')}</p>
      ) : (
        <svg ref={svg} className="barcode-svg" role="img" aria-label={t('luxcore.barcode', { value })} />
      )}
      <figcaption className="barcode-value">{value}</figcaption>
    </figure>
  )
}
