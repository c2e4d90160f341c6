import type { TaquillaApi, UpdateStatus } from '@shared/contract'
import type { SliceCreator } from '../../shared/store'

/** The app's own update, as main reports it (update.status); installing is main's decision. */
export interface UpdatesSlice {
  update: UpdateStatus | null
  loadUpdate: () => Promise<void>
  applyUpdate: (status: UpdateStatus) => void
  /** main installs only with no shift open and an empty outbox; otherwise the status says why it waits */
  installUpdate: () => Promise<void>
}

export const createUpdatesSlice =
  (api: TaquillaApi): SliceCreator<UpdatesSlice> =>
  (set) => ({
    update: null,
    loadUpdate: async () => {
      const result = await api['update.status'](undefined)
      if (result.ok) set({ update: result.value })
    },
    applyUpdate: (status) => set({ update: status }),
    installUpdate: async () => {
      const result = await api['update.install'](undefined)
      if (result.ok) set({ update: result.value })
    }
  })
