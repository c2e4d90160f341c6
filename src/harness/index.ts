import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppFailure } from '@shared/errors'
import { fillSentence, lockedSentence } from '@shared/startup-text'
import { startRuntime, type Runtime, type RuntimeDeps } from '../main/runtime'
import type { Services } from '../main/services'
import { MemorySecretStore } from '../main/settings/storage'
import { createLogger } from '../main/support/log'
import { JsonFileKeyValueStore } from './file-store'
import { createHarnessServer } from './server'

/**
 * `npm run harness`: the real main-process services in plain Node (no Electron), behind a
 * loopback HTTP bridge, serving the built renderer — so the whole app runs in a browser.
 * Secrets typed into the settings live in memory only here; provision them with env vars.
 * `npm run harness -- --training` (or TAQUILLA_TRAINING=1) practises on the simulators.
 */
const env = process.env
const here = fileURLToPath(new URL('.', import.meta.url))
const dataDir = env.TAQUILLA_DATA_DIR || join(process.cwd(), '.taquilla-data')
const port = Number(env.TAQUILLA_HARNESS_PORT || 5174)
const token = randomBytes(24).toString('hex')
const version = (JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string }).version

let runtime: Runtime | undefined
const log = createLogger(
  (level, line) => {
    if (level !== 'debug' || env.TAQUILLA_DEBUG) process.stderr.write(`[${level}] ${line}\n`)
  },
  () => [...(runtime?.services.settings.secretValues() ?? []), token]
)

function failed(cause: unknown): never {
  const error = cause instanceof AppFailure ? cause.error : null
  const sentence = error?.code === 'OUTBOX_LOCKED' ? lockedSentence : null
  process.stderr.write(
    sentence
      ? `${fillSentence(env.TAQUILLA_LANG === 'en' ? sentence.en : sentence.es, error?.detail)}\n`
      : error?.code === 'DATA_DIR_MODE'
        ? `${dataDir} holds the other mode's books (training vs real); set TAQUILLA_DATA_DIR\n`
        : `harness could not start: ${error?.code ?? String(cause)}\n`
  )
  process.exit(1)
}

const deps: RuntimeDeps = {
  mode: 'harness',
  version,
  dataDir,
  argv: process.argv.slice(2),
  env,
  log,
  openStore: (dir) => new JsonFileKeyValueStore(join(dir, 'harness-settings.json')),
  secretsFor: () => new MemorySecretStore(true),
  // the browser cannot relaunch us: the services of the other mode are built here, the page reloads
  restart: () =>
    setTimeout(() => {
      const previous = runtime
      runtime = undefined
      void previous
        ?.dispose()
        .then(() => startRuntime(deps))
        .then(announce, failed)
    }, 50)
}

function announce(started: Runtime): void {
  runtime = started
  if (started.training) process.stdout.write(`training mode: simulators on 127.0.0.1, books in ${started.dataDir}\n`)
}

announce(await startRuntime(deps).catch(failed))

/** Always the running mode's services, also after a restart into the other mode. */
const current: Services = {
  get handlers() {
    return live().handlers
  },
  get bus() {
    return live().bus
  },
  get settings() {
    return live().settings
  },
  get updates() {
    return live().updates
  },
  networkBack: (reason) => live().networkBack(reason),
  lock: (reason) => live().lock(reason),
  dispose: () => live().dispose()
}
function live(): Services {
  if (!runtime) throw new AppFailure({ code: 'INTERNAL' }) // between two modes, for a moment
  return runtime.services
}

const server = createHarnessServer({ services: current, token, rendererDir: join(here, '../renderer'), port, log })
server.listen(port, '127.0.0.1', () => {
  const bound = (server.address() as AddressInfo).port
  process.stdout.write(`harness ready at http://127.0.0.1:${bound}/?token=${token}\n`)
})

const shutdown = () => {
  server.closeAllConnections()
  server.close()
  void (runtime?.dispose() ?? Promise.resolve()).finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
