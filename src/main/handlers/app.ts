import type { SettingsUpdate } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { JournalRecorder } from '../books/recorder'
import type { SettingsService } from '../settings/settings'
import type { Impls } from './guard'

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
}): Impls<'app.info' | 'settings.get' | 'settings.update' | 'app.savePdf'> {
  const { settings, recorder } = deps
  return {
    'app.info': () => {
      const { terminal, operator, language } = settings.effective()
      return { version: deps.version, mode: deps.mode, terminal, operator, language }
    },
    'settings.get': () => settings.publicView(),
    'settings.update': (update) => {
      const view = settings.update(update)
      recorder.record({ action: 'settingsChanged', result: 'saved', detail: settingsDetail(update) })
      return view
    },
    'app.savePdf': ({ name }) => {
      if (!deps.savePdf) throw new AppFailure({ code: 'NOT_CONFIGURED' })
      return deps.savePdf(name)
    }
  }
}
