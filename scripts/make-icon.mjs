#!/usr/bin/env node
// Writes resources/icon.png (512×512 RGBA): a teal rounded square with a white ticket and a
// gold coin. Pure Node (zlib), so the icon can be regenerated anywhere: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../resources/icon.png')

const TEAL = [15, 118, 110]
const WHITE = [255, 255, 255]
const GOLD = [234, 179, 8]

// signed distance to a rounded rectangle centred at (cx, cy)
function roundedRect(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - (halfW - radius)
  const qy = Math.abs(y - cy) - (halfH - radius)
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return outside + Math.min(Math.max(qx, qy), 0) - radius
}

const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance)) // 1px anti-aliasing

function pixel(x, y) {
  const px = x + 0.5
  const py = y + 0.5
  let color = [0, 0, 0]
  const alpha = coverage(roundedRect(px, py, 256, 256, 240, 240, 96))
  if (alpha === 0) return [0, 0, 0, 0]
  color = TEAL
  const blend = (top, amount) => {
    color = color.map((channel, i) => channel + (top[i] - channel) * amount)
  }
  // ticket: a white rounded rectangle with two notches cut out of its sides
  const ticket = coverage(roundedRect(px, py, 256, 236, 170, 110, 22))
  const notch = Math.max(coverage(Math.hypot(px - 86, py - 236) - 30), coverage(Math.hypot(px - 426, py - 236) - 30))
  blend(WHITE, ticket * (1 - notch))
  // perforation line on the ticket
  if (Math.abs(px - 330) < 4 && Math.floor(py / 16) % 2 === 0) blend(TEAL, ticket * (1 - notch) * 0.6)
  // three text bars on the ticket
  for (const [bx, by, bw] of [
    [200, 196, 80],
    [200, 236, 80],
    [180, 276, 60]
  ]) {
    blend(TEAL, coverage(roundedRect(px, py, bx, by, bw, 9, 9)))
  }
  // coin, bottom right, with a white rim
  const coin = Math.hypot(px - 370, py - 370)
  blend(WHITE, coverage(coin - 74))
  blend(GOLD, coverage(coin - 62))
  blend(WHITE, coverage(roundedRect(px, py, 370, 370, 10, 34, 6)))
  return [...color.map(Math.round), Math.round(alpha * 255)]
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1)
  raw[row] = 0 // filter: none
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let crc = 0xffffffff
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0))
])
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, png)
console.log(`wrote ${out} (${png.length} bytes, ${SIZE}x${SIZE})`)
