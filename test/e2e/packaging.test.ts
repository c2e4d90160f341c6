import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ipcChannel, operationNames } from '../../src/shared/contract'

/**
 * Packs the app with electron-builder.yml (offline, stand-in Electron) and checks app.asar,
 * then proves the check has teeth: configs that drop a bundle or ship sources must FAIL.
 */
const root = resolve(__dirname, '../..')
const run = promisify(execFile)
const BUILT = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']

interface Outcome {
  code: number
  output: string
}

async function distCheck(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'scripts/dist-check.mjs'), ...args], {
      cwd: root,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024
    })
    return { code: 0, output: stdout + stderr }
  } catch (cause) {
    const failure = cause as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      output: `${failure.stdout ?? ''}${failure.stderr ?? ''}`
    }
  }
}

let scratch: string
const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8')

/** A temp copy of electron-builder.yml with its `files` list changed. */
function brokenConfig(name: string, edit: (yaml: string) => string): string {
  const changed = edit(config)
  expect(changed, `the ${name} edit must change the config`).not.toBe(config)
  const file = join(scratch, `${name}.yml`)
  writeFileSync(file, changed)
  return file
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'taquilla-packaging-test-'))
  if (BUILT.every((file) => existsSync(join(root, file)))) return
  // only when out/ is incomplete: building is slow and others may be building too
  try {
    await run('npm', ['run', 'build'], { cwd: root, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 })
  } catch (cause) {
    const failure = cause as { stdout?: string; stderr?: string }
    throw new Error(`npm run build failed, cannot check packaging:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`, {
      cause
    })
  }
}, 300_000)

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

describe('packaging (electron-builder --dir --linux, offline)', () => {
  it('packs an app.asar with package.json and the three bundles, and nothing else of ours', async () => {
    const result = await distCheck()
    expect(result.output, result.output).toContain('dist-check: OK')
    expect(result.code).toBe(0)
  })

  it('fails when the config leaves out the main bundle', async () => {
    const file = brokenConfig('no-main', (yaml) => yaml.replace('  - out/main/**\n', "  - '!out/main/**'\n"))
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output, result.output).toMatch(/dist-check: FAILED[\s\S]*out\/main\/index\.js/)
  })

  it('fails when the config leaves out the preload', async () => {
    const file = brokenConfig('no-preload', (yaml) => yaml.replace('  - out/preload/**\n', ''))
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output, result.output).toContain('missing from app.asar: out/preload/index.js')
  })

  it('fails when the config ships sources and tests', async () => {
    const file = brokenConfig('with-sources', (yaml) =>
      yaml
        .replace('  - out/main/**\n', '  - out/main/**\n  - src/**\n  - test/**\n')
        .replace("  - '!**/*.{ts,tsx,mts,cts}'\n", '')
    )
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output, result.output).toMatch(/source\/test path in app\.asar: (src|test)\//)
    expect(result.output, result.output).toMatch(/TypeScript in app\.asar: \S+\.ts/)
  })

  it('fails when a hardening fuse is not set as required', async () => {
    const file = brokenConfig('run-as-node', (yaml) => yaml.replace('runAsNode: false', 'runAsNode: true'))
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output, result.output).toContain('fuse runAsNode is on')
  })

  it('fails on what only the installer targets would hit: deb dependencies replaced, no mac zip, a secret', async () => {
    // one run, three faults: each dist-check packs the app (~30 s here)
    const file = brokenConfig('installer-targets', (yaml) =>
      yaml
        .replace('npmRebuild: false', 'npmRebuild: false\ndeb:\n  depends:\n    - libsecret-1-0')
        .replace(/ {4}- target: zip\n {6}arch: \[x64, arm64\]\n/, '')
        .replace('  hardenedRuntime: true', '  hardenedRuntime: true\n  identity: Someone (ABCDE12345)')
    )
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output, result.output).toContain(
      "deb dependencies lack libgtk-3-0 (a deb.depends list replaces electron-builder's defaults)"
    )
    expect(result.output).toContain('mac: no zip target (electron-updater installs from the zip)')
    expect(result.output).toContain('signing setting "identity"')
  })
})

/**
 * The built bundles, run against a stand-in `electron` (the real binary cannot run here):
 * catches what only bundling can break (paths from __dirname, ESM deps inlined into CJS, a
 * preload that needs more than the sandbox gives).
 */
describe('built bundles', () => {
  it('the preload runs with nothing but require("electron") and exposes one function per operation', async () => {
    const code = readFileSync(join(root, 'out/preload/index.js'), 'utf8')
    const exposed: [string, Record<string, unknown>][] = []
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.push([key, value]) },
      ipcRenderer: { invoke: async (channel: string) => channel, on: () => undefined, removeListener: () => undefined }
    }
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron
      throw new Error(`a sandboxed preload cannot require ${name}`)
    }
    // a fresh context: no Buffer, process or Node globals, like the sandbox
    runInNewContext(`(function (require, exports, module) {${code}\n})`, {})(sandboxRequire, {}, { exports: {} })
    expect(exposed).toHaveLength(1)
    const [key, api] = exposed[0]!
    expect(key).toBe('taquilla')
    expect(Object.keys(api)).toContain('luka.lookup')
    expect(await (api['luka.status'] as () => Promise<string>)()).toBe('taquilla:luka.status')
  })

  it('main boots: window with the built preload, the built index.html loaded, every operation answered', async () => {
    const dataDir = join(scratch, 'data')
    const stub = join(scratch, 'stub-electron.cjs')
    writeFileSync(stub, STUB_ELECTRON)
    const { stdout } = await run(process.execPath, ['-r', stub, join(root, 'out/main/index.js')], {
      cwd: root,
      env: { ...process.env, TAQUILLA_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: 'https://evil.example/' },
      timeout: 30_000
    })
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      preload: [string, boolean]
      loaded: [string, boolean]
      channels: string[]
      info: { ok: boolean }
      forbidden: { ok: boolean; error?: { code: string } }
    }
    expect(report.preload).toEqual([join(root, 'out/preload/index.js'), true])
    // packaged: the built file, never the env-provided URL
    expect(report.loaded).toEqual([join(root, 'out/renderer/index.html'), true])
    expect(report.channels.sort()).toEqual(operationNames.map(ipcChannel).sort())
    expect(report.info.ok).toBe(true)
    expect(report.forbidden).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(readFileSync(join(dataDir, 'logs', 'taquilla.log'), 'utf8')).toContain('taquilla started')
  })
})

const STUB_ELECTRON = String.raw`
const Module = require('node:module')
const { EventEmitter } = require('node:events')
const { pathToFileURL } = require('node:url')
const { existsSync } = require('node:fs')
const path = require('node:path')
const report = { channels: [] }
class WebContents extends EventEmitter { constructor() { super(); this.id = 1 } send() {} isDestroyed() { return false } setWindowOpenHandler() {} }
class BrowserWindow extends EventEmitter {
  constructor(options) { super(); this.webContents = new WebContents(); const p = options.webPreferences.preload; report.preload = [p, existsSync(p)] }
  loadFile(file) { report.loaded = [file, existsSync(file)]; return Promise.resolve() }
  loadURL(url) { report.loaded = [url, false]; return Promise.resolve() }
  show() {} isDestroyed() { return false }
}
const handlers = new Map()
const app = Object.assign(new EventEmitter(), {
  isPackaged: true, enableSandbox() {}, requestSingleInstanceLock: () => true, quit() {}, exit(code) { process.exit(code) },
  getPath: () => process.env.TAQUILLA_DATA_DIR, setPath() {}, getVersion: () => '0.0.0-stub', getName: () => 'Taquilla',
  whenReady: () => Promise.resolve()
})
const electron = {
  app, BrowserWindow,
  dialog: { showErrorBox: (title, message) => { console.error(message); process.exit(3) } },
  ipcMain: { handle: (channel, handler) => { handlers.set(channel, handler); report.channels.push(channel) }, removeHandler() {}, on() {}, removeAllListeners() {} },
  safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString() { throw new Error('no') }, decryptString() { throw new Error('no') } },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {}, webRequest: { onHeadersReceived() {} } } },
  shell: {}
}
const load = Module._load
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest) }
setTimeout(async () => {
  const url = report.loaded ? pathToFileURL(report.loaded[0]).href : ''
  report.info = await handlers.get('taquilla:app.info')({ sender: { id: 1 }, senderFrame: { parent: null, url } }, undefined)
  report.forbidden = await handlers.get('taquilla:app.info')({ sender: { id: 2 }, senderFrame: { parent: null, url } }, undefined)
  console.log(JSON.stringify(report))
  app.emit('will-quit', { preventDefault() {} })
  setTimeout(() => process.exit(0), 200)
}, 500)
`
