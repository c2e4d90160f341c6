import type * as QRCode from 'qrcode'

/**
 * QR codes as SVG paths. The encoder (`qrcode`) is a chunk of its own, fetched the first time a
 * code is drawn: the counter screen never needs it.
 */
export interface QrMatrix {
  size: number
  /** row-major, true = dark module */
  dark: (x: number, y: number) => boolean
}

let encoder: Promise<typeof QRCode> | null = null

/** The module matrix of `text` (error correction M: a phone reads it off a screen or a slip). */
export async function qrMatrix(text: string): Promise<QrMatrix> {
  encoder ??= import('qrcode').catch((error: unknown) => {
    encoder = null // a failed chunk load is tried again next time
    throw error
  })
  const { create } = await encoder
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  return { size: modules.size, dark: (x, y) => Boolean(modules.get(y, x)) }
}

/** One path for every dark module, one `M x y h1v1h-1z` square each, offset by the quiet zone. */
export function qrPath(matrix: QrMatrix, margin: number): string {
  let path = ''
  for (let y = 0; y < matrix.size; y++) {
    for (let x = 0; x < matrix.size; x++) {
      if (matrix.dark(x, y)) path += `M${x + margin} ${y + margin}h1v1h-1z`
    }
  }
  return path
}
