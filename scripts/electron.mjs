#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: make sure the Electron binary is there, then run electron-vite.
 *
 *   node scripts/electron.mjs <preview|dev> [electron-vite options]
 *
 * Why: since Electron 42 the `electron` package no longer downloads its binary at install time
 * but on first use of its own index.js; electron-vite 6 reads node_modules/electron/path.txt
 * itself and throws "Electron uninstall" when it is missing (electron-vite #904). So this runs
 * electron's own `install-electron` (install.js) first — only when the binary is really missing —
 * and hands electron-vite the executable through ELECTRON_EXEC_PATH (which it honours, while it
 * ignores ELECTRON_OVERRIDE_DIST_PATH).
 *
 * Honours ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, ELECTRON_SKIP_BINARY_DOWNLOAD,
 * ELECTRON_MIRROR (read by @electron/get) and a proxy (HTTPS_PROXY / HTTP_PROXY or npm's
 * `proxy` / `https-proxy` config). When the binary cannot be had it prints ONE line saying what
 * is missing and how to fix it, and exits 1 — no stack trace.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// npm runs scripts from the project root; resolve electron and electron-vite from there
const projectDir = process.cwd()
const require = createRequire(join(projectDir, 'package.json'))
const env = { ...process.env }
const FIX = 'then run the command again'

function stop(message) {
  console.error(`taquilla: ${message}`)
  process.exit(1)
}

const electronDir = dirname(require.resolve('electron/package.json'))
const { version, engines } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
const wanted = `Electron ${version}`

/** electron/install.js's own table: the executable inside the dist folder, per platform. */
function platformPath() {
  const pathFile = join(electronDir, 'path.txt')
  if (existsSync(pathFile)) return readFileSync(pathFile, 'utf8')
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  return platform === 'win32' ? 'electron.exe' : 'electron'
}

/** What electron/install.js's isInstalled() checks: path file, version file, executable. */
function installedExecutable() {
  try {
    const executable = join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8'))
    const distVersion = readFileSync(join(electronDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '')
    return distVersion === version && existsSync(executable) ? executable : null
  } catch {
    return null
  }
}

/** Node >= the version electron's package.json declares (its installer needs it). */
function nodeIsEnough() {
  const minimum = /(\d+)\.(\d+)/.exec(engines?.node ?? '') ?? [null, '0', '0']
  const [major, minor] = process.versions.node.split('.').map(Number)
  return major > Number(minimum[1]) || (major === Number(minimum[1]) && minor >= Number(minimum[2]))
}

/** @electron/get uses fetch: the proxy reaches it through ELECTRON_GET_USE_PROXY (undici's EnvHttpProxyAgent). */
function useProxy() {
  env.HTTPS_PROXY ||= env.https_proxy || env.npm_config_https_proxy || env.npm_config_proxy || ''
  env.HTTP_PROXY ||= env.http_proxy || env.npm_config_proxy || ''
  if (!env.HTTPS_PROXY) delete env.HTTPS_PROXY
  if (!env.HTTP_PROXY) delete env.HTTP_PROXY
  if (env.HTTPS_PROXY || env.HTTP_PROXY) env.ELECTRON_GET_USE_PROXY ||= '1'
}

/** The first line of what install.js printed (it prints a stack), without the error's class name. */
function reason(stderr) {
  const line = stderr.split('\n').find((text) => text.trim() !== '' && !/^\s+at /.test(text)) ?? 'no reason given'
  return line.trim().replace(/^[A-Za-z]*Error: /, '')
}

function download() {
  if (!nodeIsEnough())
    stop(
      `${wanted} is not installed, and downloading it needs Node ${engines.node} (this is ${process.versions.node}): ` +
        `switch Node (\`nvm use\` reads .nvmrc), ${FIX}.`
    )
  useProxy()
  const from = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/'
  // a notice for a person at a terminal; a failure below stays one line on stderr
  if (process.stdout.isTTY) console.log(`taquilla: downloading ${wanted} once (about 100 MB) from ${from}`)
  const installer = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: projectDir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe']
  })
  const executable = installer.status === 0 ? installedExecutable() : null
  if (executable) return executable
  stop(
    `${wanted} is not installed and could not be downloaded (${reason(installer.stderr ?? String(installer.error))}). ` +
      `Connect this computer to the internet — behind a proxy set HTTPS_PROXY, for a mirror set ELECTRON_MIRROR — ${FIX}.`
  )
}

function electronExecutable() {
  if (env.ELECTRON_EXEC_PATH) {
    if (existsSync(env.ELECTRON_EXEC_PATH)) return env.ELECTRON_EXEC_PATH
    stop(`ELECTRON_EXEC_PATH points to ${env.ELECTRON_EXEC_PATH}, which does not exist: fix or unset it, ${FIX}.`)
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH, platformPath())
    if (existsSync(executable)) return executable
    stop(`ELECTRON_OVERRIDE_DIST_PATH is set but ${executable} does not exist: fix or unset it, ${FIX}.`)
  }
  const installed = installedExecutable()
  if (installed) return installed
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '0')
    stop(
      `${wanted} is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set: unset it to download it ` +
        `(or point ELECTRON_OVERRIDE_DIST_PATH at an Electron folder), ${FIX}.`
    )
  return download()
}

const [command = 'preview', ...rest] = process.argv.slice(2)
env.ELECTRON_EXEC_PATH = electronExecutable()
const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
// the app's own flags (`npm start -- --training`) are for Electron: electron-vite hands on only
// what follows its `--`, and refuses options it does not know
const APP_FLAGS = ['--training']
const appArgs = rest.includes('--') ? [] : rest.filter((arg) => APP_FLAGS.includes(arg))
const viteArgs = rest.filter((arg) => !appArgs.includes(arg))
const args = [cli, command, ...viteArgs, ...(appArgs.length ? ['--', ...appArgs] : [])]
const child = spawn(process.execPath, args, { stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
