import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync
} from 'node:fs'
import { writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zip } from '../helpers/zip'

/**
 * `npm start`'s first step (scripts/electron.mjs), run for real in a scratch copy of the project
 * whose node_modules/electron has no binary: offline it must explain itself in one line; with a
 * local mirror it downloads through electron's own installer and launches what it got; with a
 * stand-in Electron it launches the app's main entry without downloading anything.
 */
const root = resolve(__dirname, '../..')
const electronPackage = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
  version: string
}
const version = electronPackage.version
const atLeast22_12 = (node: string): boolean => {
  const [major, minor] = execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' })
    .split('.')
    .map(Number)
  return major! > 22 || (major === 22 && minor! >= 12)
}
// electron's installer declares Node >= 22.12: .ci/run fetches one (TAQUILLA_NODE22) when this Node is older
const node22 = [process.env['TAQUILLA_NODE22'], join(root, '.ci/node22/node_modules/.bin/node'), process.execPath].find(
  (node): node is string => !!node && existsSync(node) && atLeast22_12(node)
)

let scratch: string
let project: string
let mirror: Server
let mirrorUrl: string
const mirrorRequests: string[] = []

/** The project, with node_modules linked except electron, copied without its binary. */
function makeProject(name: string): string {
  const dir = join(scratch, name)
  mkdirSync(join(dir, 'node_modules/electron'), { recursive: true })
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== 'electron' && entry !== '.bin')
      symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry))
  }
  for (const file of ['package.json', 'index.js', 'install.js', 'cli.js', 'checksums.json'])
    copyFileSync(join(root, 'node_modules/electron', file), join(dir, 'node_modules/electron', file))
  symlinkSync(join(root, 'scripts'), join(dir, 'scripts'))
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'))
  mkdirSync(join(dir, 'out/main'), { recursive: true })
  writeFileSync(join(dir, 'out/main/index.js'), '// the built main entry\n')
  return dir
}

/** A stand-in Electron: records where and with what it was started. */
const standIn = '#!/bin/sh\necho "$PWD|$*" >> "$STAND_IN_LOG"\n'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function npmStart(dir: string, env: Record<string, string>, node = process.execPath): Promise<Run> {
  const clean = { ...process.env }
  for (const name of Object.keys(clean))
    if (/^(ELECTRON_|electron_|npm_)|_PROXY$|_proxy$/.test(name)) delete clean[name]
  return new Promise((done) => {
    const child = spawn('npm', ['start', '--silent', '--', '--skipBuild'], {
      cwd: dir,
      env: {
        ...clean,
        PATH: `${dirname(node)}${delimiter}${process.env['PATH']}`,
        STAND_IN_LOG: join(dir, 'stand-in.log'),
        // never the real cache: a fake release must not be found there later
        electron_config_cache: join(dir, 'electron-cache'),
        npm_config_update_notifier: 'false',
        ...env
      }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

const launches = (dir: string): string[] =>
  existsSync(join(dir, 'stand-in.log')) ? readFileSync(join(dir, 'stand-in.log'), 'utf8').trim().split('\n') : []

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'taquilla-start-test-'))
  project = makeProject('project')
  const release = zip([
    { name: 'electron', data: standIn, mode: 0o755 },
    { name: 'version', data: `v${version}` }
  ])
  const fileName = `electron-v${version}-${process.platform}-${process.arch}.zip`
  // the copied electron trusts only the checksums it ships: give it the fake release's
  writeFileSync(
    join(project, 'node_modules/electron/checksums.json'),
    JSON.stringify({ [fileName]: createHash('sha256').update(release).digest('hex') })
  )
  mirror = createServer((req, res) => {
    mirrorRequests.push(req.url ?? '')
    if (req.url?.endsWith(`/${fileName}`)) res.writeHead(200, { 'content-length': release.length }).end(release)
    else res.writeHead(404).end()
  })
  await new Promise<void>((ready) => mirror.listen(0, '127.0.0.1', ready))
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`
})

afterAll(async () => {
  await new Promise((closed) => mirror.close(closed))
  rmSync(scratch, { recursive: true, force: true })
})

describe('npm start: the Electron binary first', () => {
  it('offline with no binary: one plain line saying what is missing and how to fix it, exit 1', async () => {
    // a mirror nobody listens on: no network, whatever this machine has
    const closed = createServer()
    await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready))
    const port = (closed.address() as AddressInfo).port
    await new Promise((done) => closed.close(done))

    const run = await npmStart(project, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, node22 ?? process.execPath)
    const lines = `${run.stdout}${run.stderr}`.trim().split('\n')
    expect(run.code).toBe(1)
    expect(lines, run.stderr).toHaveLength(1)
    expect(lines[0]).not.toMatch(/^\s+at |Error:/)
    if (node22) {
      expect(lines[0]).toMatch(
        new RegExp(`Electron ${version} is not installed and could not be downloaded \\(fetch failed\\)`)
      )
      expect(lines[0]).toMatch(/internet.*HTTPS_PROXY.*ELECTRON_MIRROR/)
    } else {
      expect(lines[0]).toMatch(/downloading it needs Node >= 22\.12\.0.*nvm use/)
    }
    expect(launches(project)).toEqual([])
  })

  it('with ELECTRON_SKIP_BINARY_DOWNLOAD it does not download and says so in one line', async () => {
    const run = await npmStart(project, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_MIRROR: mirrorUrl })
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toMatch(/^taquilla: Electron .* not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set/)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(mirrorRequests).toEqual([])
  })

  it('a stand-in Electron through ELECTRON_OVERRIDE_DIST_PATH: launches the main entry, downloads nothing', async () => {
    const dist = join(scratch, 'stand-in-dist')
    mkdirSync(dist)
    writeFileSync(join(dist, 'electron'), standIn, { mode: 0o755 })
    const run = await npmStart(project, { ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_MIRROR: mirrorUrl })
    expect(run.code, run.stderr).toBe(0)
    // electron-vite starts Electron with "." in the project: Electron then loads package.json's main
    expect(launches(project)).toEqual([`${project}|.`])
    expect(mirrorRequests).toEqual([])
    rmSync(join(project, 'stand-in.log'))
  })

  it.skipIf(!node22)(
    'downloads once through electron’s installer (mirror), launches it; the next start is instant',
    async () => {
      const first = await npmStart(project, { ELECTRON_MIRROR: mirrorUrl }, node22)
      expect(first.code, first.stderr).toBe(0)
      expect(mirrorRequests.filter((url) => url.endsWith('.zip'))).toHaveLength(1)
      expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron')
      expect(launches(project)).toEqual([`${project}|.`])

      const started = Date.now()
      const second = await npmStart(project, { ELECTRON_MIRROR: mirrorUrl }, node22)
      expect(second.code, second.stderr).toBe(0)
      expect(mirrorRequests.filter((url) => url.endsWith('.zip'))).toHaveLength(1)
      expect(launches(project)).toEqual([`${project}|.`, `${project}|.`])
      console.info(`start with the binary present: ${Date.now() - started} ms (npm + electron-vite included)`)
    }
  )
})
