import type { Lox24Account, Lox24Status, SmsRecord, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SmsPrompt } from '../../shared/receipt-offer'
import type { SliceCreator } from '../../shared/store'

/** SMS receipts: the "Send SMS" dialog, each operation's last SMS, LOX24's state and the credit. */
export interface SmsSlice {
  smsPrompt: SmsPrompt | null
  smsSending: boolean
  smsError: AppError | null
  /** the last SMS per operation (`kind:ref`) */
  smsByAbout: Record<string, SmsRecord>
  lox24Status: Lox24Status | null
  smsCredit: Lox24Account | null
  smsCreditError: AppError | null
  openSms: (prompt: SmsPrompt) => void
  closeSms: () => void
  sendSms: (phone: string, text: string) => Promise<void>
  loadLox24: () => Promise<void>
  applySms: (record: SmsRecord) => void
  applyLox24Status: (status: Lox24Status) => void
  applySmsCredit: (account: Lox24Account) => void
}

export const aboutKey = (about: SmsRecord['about']): string => `${about.kind}:${about.ref}`

export const createSmsSlice =
  (api: TaquillaApi): SliceCreator<SmsSlice> =>
  (set, get) => ({
    smsPrompt: null,
    smsSending: false,
    smsError: null,
    smsByAbout: {},
    lox24Status: null,
    smsCredit: null,
    smsCreditError: null,
    openSms: (prompt) => set({ smsPrompt: prompt, smsError: null }),
    closeSms: () => set({ smsPrompt: null, smsError: null, smsSending: false }),
    sendSms: async (phone, text) => {
      const prompt = get().smsPrompt
      if (!prompt || get().smsSending) return
      set({ smsSending: true, smsError: null })
      const result = await api['lox24.sendSms']({ about: prompt.about, phone, text })
      if (!result.ok) return set({ smsSending: false, smsError: result.error })
      get().applySms(result.value)
      set({ smsSending: false, smsPrompt: null })
    },
    loadLox24: async () => {
      const status = await api['lox24.status'](undefined)
      if (!status.ok) return
      set({ lox24Status: status.value })
      if (!status.value.configured) return
      const [account, list] = await Promise.all([api['lox24.account']({}), api['lox24.smsList'](undefined)])
      if (account.ok) set({ smsCredit: account.value, smsCreditError: null })
      else set({ smsCreditError: account.error })
      if (list.ok) for (const record of [...list.value].reverse()) get().applySms(record)
    },
    applySms: (record) =>
      set((state) => {
        const key = aboutKey(record.about)
        const current = state.smsByAbout[key]
        // the newest SMS for an operation wins; updates of an older one are ignored
        if (current && current.id !== record.id && current.createdAt > record.createdAt) return {}
        return { smsByAbout: { ...state.smsByAbout, [key]: record } }
      }),
    applyLox24Status: (status) => set({ lox24Status: status }),
    applySmsCredit: (account) => set({ smsCredit: account, smsCreditError: null })
  })
