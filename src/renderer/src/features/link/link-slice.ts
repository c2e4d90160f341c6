import type { CreateLinkInput, LinkCheck, LinkConfig, PaymentLink, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from '../../shared/store'

/** The payment-link panel (Ctrl+K): create a link, show its QR, today's links and their check. */
export interface LinkSlice {
  linkOpen: boolean
  linkConfig: LinkConfig | null
  linkConfigError: AppError | null
  creatingLink: boolean
  /** why the last creation was refused (a VALIDATION names its field; a 400 carries Luka's words) */
  linkError: AppError | null
  /** the link on view: created, or an attempt whose outcome is unknown */
  link: PaymentLink | null
  todayLinks: PaymentLink[] | null
  /** per trace: the last check's answer, or why it failed */
  linkChecks: Record<string, { check: LinkCheck } | { error: AppError }>

  openLink: () => Promise<void>
  closeLink: () => void
  /** true when Luka created it; an unknown outcome stays on view for the teller to decide */
  createLink: (input: CreateLinkInput) => Promise<boolean>
  /** back to an empty form (after a link was shown) */
  newLink: () => void
  checkLink: (trace: string) => Promise<void>
}

const closed = {
  linkOpen: false,
  linkConfigError: null,
  creatingLink: false,
  linkError: null,
  link: null,
  todayLinks: null,
  linkChecks: {}
} as const satisfies Partial<LinkSlice>

export const createLinkSlice =
  (api: TaquillaApi): SliceCreator<LinkSlice> =>
  (set, get) => {
    const loadToday = async (): Promise<void> => {
      const today = await api['link.today'](undefined)
      if (today.ok && get().linkOpen) set({ todayLinks: today.value })
    }
    return {
      ...closed,
      linkConfig: null,

      openLink: async () => {
        if (get().linkOpen) return
        set({ ...closed, linkOpen: true })
        const [config] = await Promise.all([api['link.config'](undefined), loadToday()])
        if (!get().linkOpen) return
        set(config.ok ? { linkConfig: config.value, linkConfigError: null } : { linkConfigError: config.error })
      },

      closeLink: () => set({ ...closed }),

      createLink: async (input) => {
        if (get().creatingLink) return false
        set({ creatingLink: true, linkError: null })
        const result = await api['link.create'](input)
        if (!get().linkOpen) return false
        void loadToday()
        if (!result.ok) {
          set({ creatingLink: false, linkError: result.error })
          return false
        }
        set({ creatingLink: false, link: result.value })
        return result.value.state === 'created'
      },

      newLink: () => set({ link: null, linkError: null }),

      checkLink: async (trace) => {
        const result = await api['link.check']({ trace })
        if (!get().linkOpen) return
        set((state) => ({
          linkChecks: { ...state.linkChecks, [trace]: result.ok ? { check: result.value } : { error: result.error } }
        }))
      }
    }
  }
