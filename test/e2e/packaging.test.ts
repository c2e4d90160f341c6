import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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
    return { code: typeof failure.code === 'number' ? failure.code : 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` }
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
    throw new Error(`npm run build failed, cannot check packaging:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`)
  }
}, 300_000)

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

describe('packaging (electron-builder --dir --linux, offline)', () => {
  it('packs an app.asar with package.json and the three bundles, and nothing else of ours', async () => {
    const result = await distCheck()
    expect(result.output).toContain('dist-check: OK')
    expect(result.code).toBe(0)
  })

  it('fails when the config leaves out the main bundle', async () => {
    const file = brokenConfig('no-main', (yaml) => yaml.replace('  - out/main/**\n', "  - '!out/main/**'\n"))
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output).toMatch(/dist-check: FAILED[\s\S]*out\/main\/index\.js/)
  })

  it('fails when the config leaves out the preload', async () => {
    const file = brokenConfig('no-preload', (yaml) => yaml.replace('  - out/preload/**\n', ''))
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('missing from app.asar: out/preload/index.js')
  })

  it('fails when the config ships sources and tests', async () => {
    const file = brokenConfig('with-sources', (yaml) =>
      yaml.replace('  - out/main/**\n', '  - out/main/**\n  - src/**\n  - test/**\n').replace("  - '!**/*.{ts,tsx,mts,cts}'\n", '')
    )
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output).toMatch(/source\/test path in app\.asar: (src|test)\//)
    expect(result.output).toMatch(/TypeScript in app\.asar: \S+\.ts/)
  })

  it('fails when a hardening fuse is not set as required', async () => {
    const file = brokenConfig('run-as-node', (yaml) => yaml.replace('runAsNode: false', 'runAsNode: true'))
    const result = await distCheck('--config', file)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('fuse runAsNode is on')
  })
})
