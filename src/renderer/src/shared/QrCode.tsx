import { useEffect, useState } from 'react'
import { qrMatrix, qrPath } from './qr'
import './qr-code.css'

/** the quiet zone the QR specification asks for, in modules */
const MARGIN = 4

interface Props {
  /** exactly what the code encodes (the payment link's URL) */
  value: string
  /** the image's accessible name, e.g. "QR code" — the value's text is added after it */
  label: string
  className?: string
}

/** A QR code drawn as one SVG path (no inline style or script: the CSP allows it as is). */
export function QrCode({ value, label, className = 'qr-code' }: Props) {
  const [drawn, setDrawn] = useState<{ value: string; path: string; size: number } | null>(null)
  useEffect(() => {
    let live = true
    void qrMatrix(value).then(
      (matrix) => live && setDrawn({ value, path: qrPath(matrix, MARGIN), size: matrix.size + 2 * MARGIN }),
      () => live && setDrawn(null)
    )
    return () => {
      live = false
    }
  }, [value])
  if (!drawn || drawn.value !== value) return <div className={`${className} qr-loading`} aria-busy="true" />
  return (
    <svg
      className={className}
      role="img"
      aria-label={`${label} ${value}`}
      viewBox={`0 0 ${drawn.size} ${drawn.size}`}
      shapeRendering="crispEdges"
      data-value={value}
    >
      <rect width={drawn.size} height={drawn.size} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  )
}
