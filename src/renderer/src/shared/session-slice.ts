import type { Language, LukaStatus, OperationOutput, PublicSettings, Result, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from './store'

export type AppInfo = OperationOutput<'app.info'>

/** What every feature may know: who is at the counter, in which language, and Luka's state. */
export interface SessionSlice {
  appInfo: AppInfo | null
  appInfoError: AppError | null
  language: Language
  terminal: string
  operator: string
  lukaStatus: LukaStatus | null
  /** a luka.signIn started here is under way */
  signingIn: boolean
  /** why the last luka.signIn started here failed outright */
  signInError: AppError | null
  loadSession: () => Promise<void>
  applySettings: (settings: PublicSettings) => void
  setLukaStatus: (status: LukaStatus) => void
  signIn: () => Promise<Result<LukaStatus>>
}

export const createSessionSlice =
  (api: TaquillaApi): SliceCreator<SessionSlice> =>
  (set) => ({
    appInfo: null,
    appInfoError: null,
    language: 'es',
    terminal: '',
    operator: '',
    lukaStatus: null,
    signingIn: false,
    signInError: null,

    loadSession: async () => {
      const [info, status] = await Promise.all([api['app.info'](undefined), api['luka.status'](undefined)])
      if (info.ok) {
        const { language, terminal, operator } = info.value
        set({ appInfo: info.value, appInfoError: null, language, terminal, operator })
      } else {
        set({ appInfoError: info.error })
      }
      if (status.ok) set({ lukaStatus: status.value })
    },

    applySettings: (settings) =>
      set({ language: settings.language, terminal: settings.terminal, operator: settings.operator }),

    setLukaStatus: (status) => set({ lukaStatus: status, signInError: null }),

    signIn: async () => {
      set({ signingIn: true, signInError: null })
      const result = await api['luka.signIn'](undefined)
      if (result.ok) set({ lukaStatus: result.value, signingIn: false })
      else set({ signingIn: false, signInError: result.error })
      return result
    }
  })
