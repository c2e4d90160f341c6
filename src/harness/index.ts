import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppFailure } from '@shared/errors'
import { fillSentence, lockedSentence } from '@shared/startup-text'
import { createServices } from '../main/services'
import { MemorySecretStore } from '../main/settings/storage'
import { createLogger } from '../main/support/log'
import { JsonFileKeyValueStore } from './file-store'
import { createHarnessServer } from './server'

/**
 * `npm run harness`: the real main-process services in plain Node (no Electron), behind a
 * loopback HTTP bridge, serving the built renderer — so the whole app runs in a browser.
 * Secrets typed into the settings live in memory only here; provision them with env vars.
 */
const env = process.env
const here = fileURLToPath(new URL('.', import.meta.url))
const dataDir = env.TAQUILLA_DATA_DIR || join(process.cwd(), '.taquilla-data')
const port = Number(env.TAQUILLA_HARNESS_PORT || 5174)
const token = randomBytes(24).toString('hex')
const version = (JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string }).version

let services: ReturnType<typeof createServices> | undefined
const log = createLogger(
  (level, line) => {
    if (level !== 'debug' || env.TAQUILLA_DEBUG) process.stderr.write(`[${level}] ${line}\n`)
  },
  () => [...(services?.settings.secretValues() ?? []), token]
)

try {
  services = createServices({
    mode: 'harness',
    version,
    dataDir,
    store: new JsonFileKeyValueStore(join(dataDir, 'harness-settings.json')),
    secrets: new MemorySecretStore(true),
    env,
    log
  })
} catch (cause) {
  const error = cause instanceof AppFailure ? cause.error : null
  const sentence = error?.code === 'OUTBOX_LOCKED' ? lockedSentence : null
  process.stderr.write(
    sentence
      ? `${fillSentence(env.TAQUILLA_LANG === 'en' ? sentence.en : sentence.es, error?.detail)}\n`
      : `harness could not start: ${error?.code ?? String(cause)}\n`
  )
  process.exit(1)
}

const server = createHarnessServer({ services, token, rendererDir: join(here, '../renderer'), port, log })
server.listen(port, '127.0.0.1', () => {
  const bound = (server.address() as AddressInfo).port
  process.stdout.write(`harness ready at http://127.0.0.1:${bound}/?token=${token}\n`)
})

const shutdown = () => {
  server.closeAllConnections()
  server.close()
  void services?.dispose().finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
