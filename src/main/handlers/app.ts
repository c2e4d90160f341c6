import type { SettingsUpdate } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { JournalRecorder } from '../books/recorder'
import type { SettingsService } from '../settings/settings'
import type { Impls } from './guard'
import type { TrainingDeps } from './training'

/** Provider settings: in training mode the simulators stand in for them, and nothing real is taken. */
const PROVIDER_FIELDS = [
  'lukaEnvironment',
  'lukaCustomUrl',
  'lukaUsername',
  'lukaPassword',
  'luxcoreBaseUrl',
  'luxcoreApiKey',
  'lox24BaseUrl',
  'lox24Token'
] as const

const SECRET_FIELDS = new Set(['lukaPassword', 'luxcoreApiKey', 'lox24Token'])

/** What a settings change writes to the journal: the fields, and their values unless secret. */
function settingsDetail(update: SettingsUpdate): Record<string, string> {
  const detail: Record<string, string> = {}
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue
    detail[key] = SECRET_FIELDS.has(key) ? (value ? '(changed)' : '(kept)') : String(value)
  }
  return detail
}

export function appHandlers(deps: {
  mode: 'electron' | 'harness'
  version: string
  settings: SettingsService
  recorder: JournalRecorder
  savePdf?: (name: string) => Promise<{ saved: boolean; path: string | null }>
  training?: TrainingDeps
  /** the entry point saves the mode to start in and restarts (after this answer is sent) */
  switchMode?: (training: boolean) => void
}): Impls<'app.info' | 'settings.get' | 'settings.update' | 'app.savePdf' | 'app.switchMode'> {
  const { settings, recorder, training } = deps
  return {
    'app.info': () => {
      const { terminal, operator, language } = settings.effective()
      return {
        version: deps.version,
        mode: deps.mode,
        terminal,
        operator,
        language,
        training: training !== undefined,
        trainingForced: training?.forced ?? false
      }
    },
    'settings.get': () => settings.publicView(),
    'settings.update': (update) => {
      const provider = PROVIDER_FIELDS.find((field) => update[field] !== undefined)
      if (training && provider) throw new AppFailure({ code: 'TRAINING_REFUSED', field: provider })
      const view = settings.update(update)
      recorder.record({ action: 'settingsChanged', result: 'saved', detail: settingsDetail(update) })
      return view
    },
    'app.savePdf': ({ name }) => {
      if (!deps.savePdf) throw new AppFailure({ code: 'NOT_CONFIGURED' })
      return deps.savePdf(name)
    },
    'app.switchMode': ({ training: wanted }) => {
      if (!deps.switchMode) throw new AppFailure({ code: 'NOT_CONFIGURED' })
      if (wanted === (training !== undefined)) return { restarting: false }
      if (training?.forced) throw new AppFailure({ code: 'TRAINING_REFUSED', reason: 'forced' })
      deps.switchMode(wanted)
      return { restarting: true }
    }
  }
}
