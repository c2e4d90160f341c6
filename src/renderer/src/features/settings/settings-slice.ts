import type { LukaStatus, Printer, PublicSettings, Result, SettingsUpdate, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SessionSlice } from '../../shared/session-slice'
import type { SliceCreator } from '../../shared/store'
import { withSupervisor } from '../../shared/with-supervisor'

export type SettingsField = Exclude<keyof SettingsUpdate, 'approval'>
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
  'printerName',
  'paperWidthMm',
  'linkCurrencies',
  'linkMethods',
  'customerDisplay',
  'lox24BaseUrl',
  'lox24Token',
  'lox24Sender',
  'lox24Country',
  'lox24Receipts',
  'lox24LowCredit',
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
  /** Settings → Operators: closes the settings and opens the operators panel (issue 11) */
  showOperators: () => void
  saveSettings: (update: SettingsUpdate) => Promise<void>
  /** the printers the OS offers (none in browser mode) */
  printers: Printer[] | null
  loadPrinters: () => Promise<void>
  diagnostics: { state: 'idle' | 'saving' } | { state: 'saved'; path: string } | { state: 'error'; error: AppError }
  exportDiagnostics: () => Promise<void>
}

const fresh = {
  settingsLoadError: null,
  settingsSaving: false,
  settingsError: null,
  fieldErrors: {},
  settingsSaved: false,
  connectionCheck: { state: 'idle' },
  diagnostics: { state: 'idle' }
} as const satisfies Partial<SettingsSlice>

/** Which field an error belongs to, if any (VALIDATION names it; a secret that could not be stored is its field's). */
function fieldOf(error: AppError, update: SettingsUpdate): SettingsField | null {
  if (error.code === 'ENCRYPTION_UNAVAILABLE')
    return update.lukaPassword ? 'lukaPassword' : update.luxcoreApiKey ? 'luxcoreApiKey' : 'lox24Token'
  const field = error.field as SettingsField | undefined
  return error.code === 'VALIDATION' && field && settingsFields.includes(field) ? field : null
}

export const createSettingsSlice =
  // the operators panel's opener, named structurally: a feature does not import another
  (api: TaquillaApi): SliceCreator<SettingsSlice, SessionSlice & { openOperators: () => void }> =>
    (set, get) => ({
      settingsOpen: false,
      settings: null,
      printers: null,
      ...fresh,

      loadPrinters: async () => {
        const listed = await api['printer.list'](undefined)
        set({ printers: listed.ok ? listed.value : [] })
      },

      exportDiagnostics: async () => {
        if (get().diagnostics.state === 'saving') return
        set({ diagnostics: { state: 'saving' } })
        const exported = await api['app.exportDiagnostics'](undefined)
        set({
          diagnostics: exported.ok
            ? { state: 'saved', path: exported.value.path }
            : { state: 'error', error: exported.error }
        })
      },

      openSettings: async () => {
        if (get().settingsOpen) return
        set({ settingsOpen: true, ...fresh })
        const loaded = await api['settings.get'](undefined)
        if (loaded.ok) set({ settings: loaded.value })
        else set({ settingsLoadError: loaded.error })
      },

      closeSettings: () => set({ settingsOpen: false, ...fresh }),
      showOperators: () => {
        get().closeSettings()
        get().openOperators()
      },

      saveSettings: async (update) => {
        if (get().settingsSaving) return
        set({ ...fresh, settingsSaving: true })
        // once sign-in is on, a settings change needs a supervisor's PIN
        const saved = await withSupervisor('settingsChange', (approval) =>
          api['settings.update']({ ...update, ...(approval ? { approval } : {}) })
        )
        if (saved === null) return set({ settingsSaving: false })
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
