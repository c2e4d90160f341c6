#!/usr/bin/env node
// Screenshots of every screen of a build, and a pixel-by-pixel comparison of two sets: proof that a
// change meant to be invisible (issue 14's CSS split) is. Not part of `npm test` (it is slow and
// compares builds, not behaviour).
//
//   node scripts/screens.mjs capture <dir> [<build out/ folder>]   (default: out/, after `npm run build`)
//   node scripts/screens.mjs compare <before dir> <after dir> [<diff dir>]
//
// capture runs test/e2e/screens.capture.ts (Chromium, the harness, the fakes); compare decodes the
// PNGs with pngjs (already in the tree for qrcode) and counts the pixels whose RGBA differ. A pixel
// counts as different when a channel moves by more than 2/255: two captures of the SAME build differ
// by 1–2 on a few anti-aliased corners (a dialog scrolled to a deposit), never more; a real style
// change moves a colour, a border or a position by far more. Exactly equal shots are counted apart.
// A differing pair leaves an image in the diff dir: the after shot, differing pixels in red.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PNG } from 'pngjs'

const [command, ...args] = process.argv.slice(2)
/** largest change of one RGBA channel (of 255) still counted as the same pixel */
const TOLERANCE = 2

if (command === 'capture' && args[0]) {
  process.env.TAQUILLA_SCREENS_DIR = resolve(args[0])
  if (args[1]) process.env.TAQUILLA_HARNESS_OUT = resolve(args[1])
  const { startVitest } = await import('vitest/node')
  const vitest = await startVitest('test', [], {
    config: false,
    include: ['test/e2e/screens.capture.ts'],
    watch: false,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000
  })
  await vitest?.close()
  process.exit(vitest?.state.getCountOfFailedTests() ? 1 : 0)
} else if (command === 'compare' && args[0] && args[1]) {
  const [before, after] = [resolve(args[0]), resolve(args[1])]
  const diffDir = resolve(args[2] ?? join(after, '..', 'screens-diff'))
  const names = readdirSync(before).filter((name) => name.endsWith('.png'))
  let identical = 0
  let exactly = 0
  for (const name of names) {
    if (!existsSync(join(after, name))) {
      console.log(`${name}: missing after`)
      continue
    }
    const a = PNG.sync.read(readFileSync(join(before, name)))
    const b = PNG.sync.read(readFileSync(join(after, name)))
    if (a.width !== b.width || a.height !== b.height) {
      console.log(`${name}: size ${a.width}×${a.height} → ${b.width}×${b.height}`)
      continue
    }
    let differing = 0
    let exact = true
    for (let i = 0; i < a.data.length; i += 4) {
      if (a.data.readUInt32BE(i) === b.data.readUInt32BE(i)) continue
      exact = false
      let delta = 0
      for (let c = 0; c < 4; c++) delta = Math.max(delta, Math.abs(a.data[i + c] - b.data[i + c]))
      if (delta <= TOLERANCE) continue
      differing++
      b.data.writeUInt32BE(0xff0000ff, i)
    }
    if (exact) exactly++
    if (differing === 0) {
      identical++
      continue
    }
    mkdirSync(diffDir, { recursive: true })
    writeFileSync(join(diffDir, name), PNG.sync.write(b))
    console.log(`${name}: ${differing} pixels differ (${join(diffDir, name)})`)
  }
  const extra = readdirSync(after).filter((name) => name.endsWith('.png') && !names.includes(name))
  for (const name of extra) console.log(`${name}: new after`)
  console.log(`${names.length} screenshots, ${identical} identical (${exactly} to the bit)`)
  process.exit(identical === names.length && extra.length === 0 ? 0 : 1)
} else {
  console.error('usage: node scripts/screens.mjs capture <dir> [<out dir>] | compare <before> <after> [<diff dir>]')
  process.exit(2)
}
