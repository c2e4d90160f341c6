#!/usr/bin/env node
/**
 * Packs the built app with the real electron-builder config (`--dir --linux`, no installers)
 * and checks what ended up in app.asar. Offline: instead of downloading Electron, it hands
 * electron-builder a stand-in Linux Electron (an `electron` file carrying a fuse wire, so the
 * configured fuses are flipped and checked too).
 *
 *   node scripts/dist-check.mjs [--config electron-builder.yml] [--keep]
 *
 * Needs `npm run build` first. Exits non-zero with the reasons when the package is wrong.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkTargets } from './dist-targets.mjs'

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(projectDir, 'package.json'))

const args = process.argv.slice(2)
const configArg = args.includes('--config') ? args[args.indexOf('--config') + 1] : undefined
const config = resolve(projectDir, configArg ?? 'electron-builder.yml')
const keep = args.includes('--keep')

const REQUIRED = ['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']
// what electron-builder.yml must put in the binary (see electronFuses there); index = fuse number
const EXPECTED_FUSES = {
  0: ['runAsNode', '0'],
  1: ['enableCookieEncryption', '1'],
  2: ['enableNodeOptionsEnvironmentVariable', '0'],
  3: ['enableNodeCliInspectArguments', '0'],
  4: ['enableEmbeddedAsarIntegrityValidation', '1'],
  5: ['onlyLoadAppFromAsar', '1']
}
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// Electron's defaults for fuse wire v1, 8 fuses
const DEFAULT_FUSES = '10110001'

function fail(message) {
  console.error(`dist-check: FAILED\n${message}`)
  process.exit(1)
}

// ------------------------------------------------------------------ preconditions
for (const file of REQUIRED.slice(1)) {
  if (!existsSync(join(projectDir, file))) {
    fail(`  ${file} is missing: run \`npm run build\` first (dist-check packs the built app in out/).`)
  }
}
if (!existsSync(config)) fail(`  config not found: ${config}`)
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const asar = require('@electron/asar')

// ------------------------------------------------------------------ a stand-in Electron
const work = mkdtempSync(join(tmpdir(), 'taquilla-dist-check-'))
const fakeDist = join(work, 'electron-dist')
const output = join(work, 'dist')
mkdirSync(join(fakeDist, 'resources'), { recursive: true })
mkdirSync(join(fakeDist, 'locales'), { recursive: true })
writeFileSync(join(fakeDist, 'locales', 'en-US.pak'), '')
writeFileSync(join(fakeDist, 'locales', 'es.pak'), '')
writeFileSync(join(fakeDist, 'LICENSE'), 'stand-in for the Electron license\n')
writeFileSync(join(fakeDist, 'version'), `${electronVersion}\n`)
writeFileSync(
  join(fakeDist, 'electron'),
  Buffer.concat([
    Buffer.from('#!/bin/sh\necho "dist-check stand-in, not Electron" >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES),
    Buffer.from('\n')
  ])
)
chmodSync(join(fakeDist, 'electron'), 0o755)

// ------------------------------------------------------------------ pack
const builder = spawnSync(
  process.execPath,
  [
    require.resolve('electron-builder/cli.js'),
    '--dir',
    '--linux',
    '--x64',
    '--config',
    config,
    '--projectDir',
    projectDir,
    `-c.electronDist=${fakeDist}`,
    `-c.electronVersion=${electronVersion}`,
    `-c.directories.output=${output}`,
    '--publish',
    'never'
  ],
  {
    cwd: projectDir,
    encoding: 'utf8',
    env: {
      ...process.env,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      // never sign, never look for certificates or a CI to publish from
      CSC_IDENTITY_AUTO_DISCOVERY: 'false'
    },
    timeout: 300_000
  }
)
const builderLog = `${builder.stdout ?? ''}${builder.stderr ?? ''}`
const cleanup = () => {
  if (!keep) rmSync(work, { recursive: true, force: true })
}
if (builder.status !== 0) {
  cleanup()
  fail(`  electron-builder exited with ${builder.status ?? builder.signal ?? builder.error}\n${indent(builderLog)}`)
}

// ------------------------------------------------------------------ inspect
const unpacked = readdirSync(output).find((name) => name.startsWith('linux') && name.endsWith('unpacked'))
const problems = []
if (!unpacked) problems.push(`no linux-*unpacked directory in ${output}`)
const appDir = unpacked ? join(output, unpacked) : ''
const archive = join(appDir, 'resources', 'app.asar')
if (unpacked && !existsSync(archive)) problems.push(`no resources/app.asar in ${appDir} (is asar: true?)`)

let files = []
if (problems.length === 0) {
  files = asar.listPackage(archive, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''))
  const inside = new Set(files)
  for (const file of REQUIRED) if (!inside.has(file)) problems.push(`missing from app.asar: ${file}`)

  // our own files first (they matter most in a long list), then the dependencies
  const isDependency = (file) => file === 'node_modules' || file.startsWith('node_modules/')
  const ordered = [...files.filter((file) => !isDependency(file)), ...files.filter(isDependency)]
  // of our own: package.json and the three bundles, nothing else (no src/, test/, harness…)
  const ALLOWED = /^(package\.json|out|out\/(main|preload|renderer)(\/.*)?)$/
  for (const file of ordered) {
    if (!isDependency(file)) {
      if (/^(src|test|tests|scripts|bench)(\/|$)/.test(file)) problems.push(`source/test path in app.asar: ${file}`)
      else if (!ALLOWED.test(file)) problems.push(`unexpected file in app.asar: ${file}`)
    }
    if (/\.(ts|tsx|mts|cts)$/.test(file)) problems.push(`TypeScript in app.asar: ${file}`)
    else if (/\.map$/.test(file)) problems.push(`source map in app.asar: ${file}`)
  }

  // every package the main bundle requires at run time must be inside
  if (inside.has('out/main/index.js')) {
    const main = asar.extractFile(archive, 'out/main/index.js').toString('utf8')
    for (const name of bareRequires(main)) {
      if (name === 'electron') continue // provided by the runtime
      if (!inside.has(`node_modules/${name}/package.json`))
        problems.push(`out/main requires "${name}" but node_modules/${name} is not in app.asar`)
    }
  }
  // a sandboxed preload can require nothing but electron
  if (inside.has('out/preload/index.js')) {
    const preload = asar.extractFile(archive, 'out/preload/index.js').toString('utf8')
    for (const name of bareRequires(preload)) {
      if (name !== 'electron')
        problems.push(`out/preload requires "${name}": a sandboxed preload can only require electron`)
    }
  }

  // the fuses electron-builder.yml asks for are really in the binary
  const executable = readdirSync(appDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .find((name) => readFileSync(join(appDir, name)).includes(FUSE_SENTINEL))
  if (!executable) problems.push('no executable carrying the fuse wire in the package')
  else {
    const binary = readFileSync(join(appDir, executable))
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2
    for (const [index, [name, expected]] of Object.entries(EXPECTED_FUSES)) {
      const actual = String.fromCharCode(binary[at + Number(index)])
      if (actual !== expected)
        problems.push(
          `fuse ${name} is ${actual === '1' ? 'on' : 'off'} in ${executable}; expected ${expected === '1' ? 'on' : 'off'}`
        )
    }
  }
}

// part two: what the real installer targets would hit (scripts/dist-targets.mjs)
if (problems.length === 0)
  problems.push(
    ...(await checkTargets({
      projectDir,
      configFile: config,
      appDir,
      output: join(work, 'targets'),
      electronVersion,
      require
    }))
  )

cleanup()
if (problems.length > 0) {
  const shown = problems.slice(0, 30).map((problem) => `  - ${problem}`)
  if (problems.length > shown.length) shown.push(`  … and ${problems.length - shown.length} more`)
  fail(shown.join('\n'))
}
console.log(
  `dist-check: OK — app.asar has ${files.length} entries: ${REQUIRED.join(', ')}; no sources, tests or maps; fuses as configured; deb and AppImage targets configured right` +
    (keep ? `\n  kept: ${work}` : '')
)

function bareRequires(code) {
  const names = new Set()
  for (const match of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    const specifier = match[1]
    if (specifier.startsWith('.') || specifier.startsWith('node:') || isBuiltin(specifier)) continue
    names.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0])
  }
  return [...names]
}

function isBuiltin(name) {
  return require('node:module').builtinModules.includes(name.split('/')[0])
}

function indent(text) {
  return text
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}
