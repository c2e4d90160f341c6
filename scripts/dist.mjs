#!/usr/bin/env node
/**
 * `npm run dist:win|dist:mac|dist:linux`: the installers, signed as the environment says
 * (scripts/signing.mjs), never published (the update feed files are uploaded by hand or CI).
 *
 *   node scripts/dist.mjs <win|mac|linux> [more electron-builder arguments]
 *
 * Needs `npm run build` first (the dist scripts do it).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { signing } from './signing.mjs'

const [platform, ...rest] = process.argv.slice(2)
if (!['win', 'mac', 'linux'].includes(platform ?? '')) {
  console.error('usage: node scripts/dist.mjs <win|mac|linux>')
  process.exit(2)
}
const { args, note } = signing(platform, process.env)
console.log(`taquilla: ${platform} installers, ${note}`)
const cli = createRequire(join(process.cwd(), 'package.json')).resolve('electron-builder/cli.js')
const builder = spawnSync(
  process.execPath,
  [cli, `--${platform}`, '--config', 'electron-builder.yml', '--publish', 'never', ...args, ...rest],
  { stdio: 'inherit' }
)
process.exit(builder.status ?? 1)
