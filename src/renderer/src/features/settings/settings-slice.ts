import type { LukaStatus, PublicSettings, Result, SettingsUpdate, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SessionSlice } from '../../shared/session-slice'
import type { SliceCreator } from '../../shared/store'

export type SettingsField = keyof SettingsUpdate
const settingsFields: readonly SettingsField[] = [
  'lukaEnvironment',
  'lukaCustomUrl',
  'lukaUsername',
  'lukaPassword',
  'terminal',
  'operator',
  'language',
  'luxcoreBaseUrl',
  'luxcoreApiKey',
  'linkCurrencies',
  'linkMethods',
  'customerDisplay',
  'updateUrl'
]

export type ConnectionCheck = { state: 'idle' } | { state: 'testing' } | { state: 'done'; result: Result<LukaStatus> }

export interface SettingsSlice {
  settingsOpen: boolean
  settings: PublicSettings | null
  settingsLoadError: AppError | null
  settingsSaving: boolean
  /** a save failure that belongs to no single field */
  settingsError: AppError | null
  fieldErrors: Partial<Record<SettingsField, AppError>>
  settingsSaved: boolean
  connectionCheck: ConnectionCheck
  openSettings: () => Promise<void>
  closeSettings: () => void
  saveSettings: (update: SettingsUpdate) => Promise<void>
}

const fresh = {
  settingsLoadError: null,
  settingsSaving: false,
  settingsError: null,
  fieldErrors: {},
  settingsSaved: false,
  connectionCheck: { state: 'idle' }
} as const satisfies Partial<SettingsSlice>

/** Which field an error belongs to, if any (VALIDATION names it; a secret that could not be stored is its field's). */
function fieldOf(error: AppError, update: SettingsUpdate): SettingsField | null {
  if (error.code === 'ENCRYPTION_UNAVAILABLE') return update.lukaPassword ? 'lukaPassword' : 'luxcoreApiKey'
  const field = error.field as SettingsField | undefined
  return error.code === 'VALIDATION' && field && settingsFields.includes(field) ? field : null
}

export const createSettingsSlice =
  (api: TaquillaApi): SliceCreator<SettingsSlice, SessionSlice> =>
  (set, get) => ({
    settingsOpen: false,
    settings: null,
    ...fresh,

    openSettings: async () => {
      if (get().settingsOpen) return
      set({ settingsOpen: true, ...fresh })
      const loaded = await api['settings.get'](undefined)
      if (loaded.ok) set({ settings: loaded.value })
      else set({ settingsLoadError: loaded.error })
    },

    closeSettings: () => set({ settingsOpen: false, ...fresh }),

    saveSettings: async (update) => {
      if (get().settingsSaving) return
      set({ ...fresh, settingsSaving: true })
      const saved = await api['settings.update'](update)
      if (!saved.ok) {
        const field = fieldOf(saved.error, update)
        set(
          field
            ? { settingsSaving: false, fieldErrors: { [field]: saved.error } }
            : { settingsSaving: false, settingsError: saved.error }
        )
        return
      }
      set({ settings: saved.value, settingsSaving: false, settingsSaved: true })
      get().applySettings(saved.value)
      set({ connectionCheck: { state: 'testing' } })
      const result = await get().signIn()
      if (get().settingsOpen) set({ connectionCheck: { state: 'done', result } })
    }
  })
