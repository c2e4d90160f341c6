import type { OutboxItemView, OutboxSummary, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import { movedIndex } from '../../shared/listbox'
import type { SliceCreator } from '../../shared/store'
import { canDiscard, canRetryNow, flatten, withItem, type OutboxList } from './outbox-items'
import { withSupervisor } from '../../shared/with-supervisor'

/** The outbox: its summary for the status bar, and the queue panel (F6). */
export interface OutboxSlice {
  outboxSummary: OutboxSummary | null
  outboxSummaryError: AppError | null
  outboxOpen: boolean
  outboxList: OutboxList | null
  outboxListError: AppError | null
  outboxSelectedId: string | null
  /** the item whose retry or discard is under way */
  outboxBusyId: string | null
  outboxActionError: AppError | null
  outboxNotice: 'retried' | 'discarded' | null
  /** the item the discard confirmation is open for */
  discardingId: string | null

  loadOutboxSummary: () => Promise<void>
  applyOutboxSummary: (summary: OutboxSummary) => void
  applyOutboxItem: (item: OutboxItemView) => void
  openOutbox: () => Promise<void>
  closeOutbox: () => void
  loadOutboxList: () => Promise<void>
  selectOutboxItem: (id: string) => void
  /** ArrowUp/ArrowDown (±1), Home/End (±Infinity) */
  moveOutboxSelection: (delta: number) => void
  retryOutboxItem: () => Promise<void>
  openDiscard: () => void
  cancelDiscard: () => void
  discardOutboxItem: (reason: string) => Promise<void>
}

export const selectOutboxItems = (state: OutboxSlice): OutboxItemView[] => flatten(state.outboxList)

export const selectSelectedOutboxItem = (state: OutboxSlice): OutboxItemView | null =>
  flatten(state.outboxList).find((item) => item.id === state.outboxSelectedId) ?? null

/** outbox.updated comes in bursts while a queue drains: reload the list once per burst. */
const RELOAD_DEBOUNCE_MS = 150

const closed = {
  outboxOpen: false,
  outboxList: null,
  outboxListError: null,
  outboxSelectedId: null,
  outboxBusyId: null,
  outboxActionError: null,
  outboxNotice: null,
  discardingId: null
} as const satisfies Partial<OutboxSlice>

export const createOutboxSlice =
  (api: TaquillaApi): SliceCreator<OutboxSlice> =>
  (set, get) => {
    let listSeq = 0
    let summarySeq = 0
    let reloadTimer: ReturnType<typeof setTimeout> | null = null

    const keepSelection = (list: OutboxList): string | null => {
      const items = flatten(list)
      const current = get().outboxSelectedId
      return items.some((item) => item.id === current) ? current : (items[0]?.id ?? null)
    }

    const applyItem = (item: OutboxItemView): void => {
      const list = get().outboxList
      if (list) set({ outboxList: withItem(list, item) })
    }

    return {
      outboxSummary: null,
      outboxSummaryError: null,
      ...closed,

      loadOutboxSummary: async () => {
        const seq = ++summarySeq
        const summary = await api['outbox.summary'](undefined)
        if (seq !== summarySeq) return // an outbox.updated came meanwhile and is newer
        if (summary.ok) set({ outboxSummary: summary.value, outboxSummaryError: null })
        else set({ outboxSummaryError: summary.error })
      },

      applyOutboxSummary: (summary) => {
        summarySeq++
        set({ outboxSummary: summary, outboxSummaryError: null })
        if (!get().outboxOpen) return
        if (reloadTimer) clearTimeout(reloadTimer)
        reloadTimer = setTimeout(() => {
          reloadTimer = null
          if (get().outboxOpen) void get().loadOutboxList()
        }, RELOAD_DEBOUNCE_MS)
      },

      applyOutboxItem: applyItem,

      openOutbox: async () => {
        if (get().outboxOpen) return
        set({ ...closed, outboxOpen: true })
        await get().loadOutboxList()
      },

      closeOutbox: () => {
        listSeq++
        if (reloadTimer) clearTimeout(reloadTimer)
        reloadTimer = null
        set(closed)
      },

      loadOutboxList: async () => {
        const seq = ++listSeq
        const listed = await api['outbox.list'](undefined)
        if (seq !== listSeq || !get().outboxOpen) return
        if (listed.ok)
          set({ outboxList: listed.value, outboxListError: null, outboxSelectedId: keepSelection(listed.value) })
        else set({ outboxListError: listed.error })
      },

      selectOutboxItem: (id) => set({ outboxSelectedId: id, outboxNotice: null, outboxActionError: null }),

      moveOutboxSelection: (delta) => {
        const items = selectOutboxItems(get())
        if (items.length === 0) return
        const index = items.findIndex((item) => item.id === get().outboxSelectedId)
        const id = items[movedIndex(items.length, index, delta)]?.id
        if (id) get().selectOutboxItem(id)
      },

      retryOutboxItem: async () => {
        const item = selectSelectedOutboxItem(get())
        if (!item || !canRetryNow(item) || get().outboxBusyId) return
        set({ outboxBusyId: item.id, outboxActionError: null, outboxNotice: null })
        const retried = await api['outbox.retryNow']({ id: item.id })
        if (retried.ok) {
          applyItem(retried.value)
          set({ outboxBusyId: null, outboxNotice: 'retried' })
        } else {
          set({ outboxBusyId: null, outboxActionError: retried.error })
        }
      },

      openDiscard: () => {
        const item = selectSelectedOutboxItem(get())
        if (!item || !canDiscard(item) || get().outboxBusyId) return
        set({ discardingId: item.id, outboxActionError: null, outboxNotice: null })
      },

      cancelDiscard: () => set({ discardingId: null, outboxActionError: null }),

      discardOutboxItem: async (reason) => {
        const id = get().discardingId
        if (!id || get().outboxBusyId) return
        set({ outboxBusyId: id, outboxActionError: null })
        // a discard needs a supervisor's PIN once sign-in is on
        const discarded = await withSupervisor('outboxDiscard', (approval) =>
          api['outbox.discard']({ id, reason, ...(approval ? { approval } : {}) })
        )
        if (discarded === null) return set({ outboxBusyId: null })
        if (discarded.ok) {
          applyItem(discarded.value)
          set({ outboxBusyId: null, discardingId: null, outboxNotice: 'discarded' })
        } else {
          set({ outboxBusyId: null, outboxActionError: discarded.error })
        }
      }
    }
  }
