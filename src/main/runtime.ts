import { recoverOperators } from './operators/integrity'
import { createServices, type ServiceDeps, type Services } from './services'
import type { Env } from './settings/settings'
import type { KeyValueStore, SecretStore } from './settings/storage'
import { START_MODE_KEY, startMode, trainingDataDir } from './training/mode'
import { startSimulators, type Simulators } from './training/simulators'

export interface RuntimeDeps extends Omit<ServiceDeps, 'dataDir' | 'store' | 'secrets' | 'training' | 'switchMode'> {
  /** the real books' directory; training keeps its own inside it */
  dataDir: string
  argv: readonly string[]
  env: Env
  /** the settings store of a data directory (electron-store, or a JSON file in the harness) */
  openStore(dir: string): KeyValueStore
  secretsFor(store: KeyValueStore): SecretStore
  /** starts the app again, in the mode now saved (Electron relaunches; the harness rebuilds) */
  restart?: () => void
}

/** What runs until a restart: the services of one mode, and the simulators when training. */
export interface Runtime {
  services: Services
  training: boolean
  /** where this mode's books are */
  dataDir: string
  simulators: Simulators | null
  dispose(): Promise<void>
}

/** A first training start: a counter to practise at, in the language the counter already speaks. */
function practiceSettings(realStore: KeyValueStore): Record<string, string> {
  const real = (realStore.get('settings') ?? {}) as Record<string, unknown>
  const language = real['language'] === 'en' ? 'en' : 'es'
  return {
    terminal: language === 'en' ? 'Practice agency, Counter 1' : 'Agencia de práctica, Taquilla 1',
    operator: typeof real['operator'] === 'string' && real['operator'] ? real['operator'] : '',
    language
  }
}

/**
 * Picks the mode (flag, TAQUILLA_TRAINING, else the choice saved in the real settings), starts
 * the simulators when training, and builds the services on that mode's own data directory.
 */
export async function startRuntime(deps: RuntimeDeps): Promise<Runtime> {
  const { openStore, secretsFor, restart, argv, ...common } = deps
  const realStore = openStore(deps.dataDir)
  const mode = startMode(argv, deps.env, realStore)
  const dataDir = mode.training ? trainingDataDir(deps.dataDir) : deps.dataDir
  const store = mode.training ? openStore(dataDir) : realStore
  if (mode.training && store.get('settings') === undefined) store.set('settings', practiceSettings(realStore))
  const simulators = mode.training ? await startSimulators() : null
  try {
    const services = createServices({
      ...common,
      dataDir,
      store,
      secrets: secretsFor(store),
      recoverOperators: recoverOperators(argv, deps.env),
      training: simulators ? { simulators, forced: mode.forced } : undefined,
      switchMode: restart
        ? (training) => {
            realStore.set(START_MODE_KEY, training ? 'training' : 'real')
            restart()
          }
        : undefined
    })
    return {
      services,
      training: mode.training,
      dataDir,
      simulators,
      async dispose() {
        await services.dispose()
        await simulators?.stop()
      }
    }
  } catch (cause) {
    await simulators?.stop()
    throw cause
  }
}
