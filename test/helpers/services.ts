import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices, type Services } from '../../src/main/services'
import {
  MemoryKeyValueStore,
  MemorySecretStore,
  type KeyValueStore,
  type SecretStore
} from '../../src/main/settings/storage'
import { createLogger, type LogLevel } from '../../src/main/support/log'
import type { Clock } from '../../src/main/support/clock'
import type { UpdateEngine } from '../../src/main/updates/engine'
import type { Authorize } from '../../src/main/operators/approval'

export interface ServicesUnderTest {
  services: Services
  dataDir: string
  logLines: { level: LogLevel; line: string }[]
}

/** Real services pointed at a fake Luka, with a temp data dir and a captured log. */
export function servicesFor(
  lukaUrl: string,
  options: {
    dataDir?: string
    env?: Record<string, string>
    timeoutMs?: number
    retry?: { baseMs: number; capMs: number }
    updates?: UpdateEngine
    clock?: Clock
    authorize?: Authorize
    /** a restart keeps these (and dataDir) */
    store?: KeyValueStore
    secrets?: SecretStore
  } = {}
): ServicesUnderTest {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'taquilla-test-'))
  const logLines: ServicesUnderTest['logLines'] = []
  let services: Services | undefined
  const log = createLogger(
    (level, line) => logLines.push({ level, line }),
    () => services?.settings.secretValues() ?? []
  )
  services = createServices({
    mode: 'harness',
    version: '0.0.0-test',
    dataDir,
    store: options.store ?? new MemoryKeyValueStore(),
    secrets: options.secrets ?? new MemorySecretStore(true),
    env: {
      LUKA_BASE_URL: lukaUrl,
      LUKA_USERNAME: 'cajero',
      LUKA_PASSWORD: 's3creta-clave',
      TAQUILLA_TERMINAL: 'Agencia CCCT, Taquilla 2',
      TAQUILLA_OPERATOR: 'María Pérez',
      ...options.env
    },
    log,
    lukaTimeoutMs: options.timeoutMs ?? 1_000,
    retry: options.retry ?? { baseMs: 20, capMs: 200 },
    poll: { firstMs: 30, factor: 1.5, maxMs: 200 },
    updates: options.updates,
    clock: options.clock,
    authorize: options.authorize
  })
  return { services, dataDir, logLines }
}
