import type { JournalAction, JournalEntry, JournalVerification } from '@shared/books'
import type { OperationInput, TaquillaApi } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from '../../shared/store'
import { askSupervisor } from '../../shared/supervisor'
import { MAX_IN_FLIGHT, PAGE_SIZE, entryAt, indexOfSeq, pagesFor, withPage, type Pages } from './journal-pages'

export interface JournalFilters {
  text: string
  /** YYYY-MM-DD, or '' for every day */
  day: string
  action: JournalAction | ''
  result: string
}

export const noFilters: JournalFilters = { text: '', day: '', action: '', result: '' }

/** The journal: its integrity (app-wide) and the journal view (F4), fed page by page. */
export interface JournalSlice {
  journalStatus: JournalVerification | null
  journalStatusError: AppError | null
  verifying: boolean
  journalOpen: boolean
  journalFilters: JournalFilters
  /** bumped when the filters change: the list starts again at the top */
  journalQueryId: number
  /** how many entries match, once the first page answered */
  journalTotal: number | null
  journalPages: Pages
  journalError: AppError | null
  /** the selected row (newest first), -1 when the list is empty */
  journalSelected: number

  loadJournalStatus: () => Promise<void>
  applyJournalStatus: (status: JournalVerification) => void
  verifyJournal: () => Promise<void>
  openJournal: () => void
  closeJournal: () => void
  setJournalFilters: (filters: Partial<JournalFilters>) => void
  /** the rows the view shows (with its overscan): loads the pages they are on */
  showJournalRange: (first: number, last: number) => void
  selectJournalEntry: (index: number) => void
  /** a supervisor acknowledges an incident with a note (asked for their PIN first); null when done or cancelled */
  acknowledgeIncident: (incidentId: string, note: string) => Promise<AppError | null>
}

export const selectSelectedJournalEntry = (state: JournalSlice): JournalEntry | null =>
  state.journalSelected < 0 ? null : (entryAt(state.journalPages, state.journalSelected) ?? null)

/** journal.changed comes after every append: reload the view once per burst. */
const RELOAD_DEBOUNCE_MS = 300

const closedView = {
  journalOpen: false,
  journalTotal: null,
  journalPages: {},
  journalError: null,
  journalSelected: 0
} as const

export const createJournalSlice =
  (api: TaquillaApi): SliceCreator<JournalSlice> =>
  (set, get) => {
    let generation = 0
    const inFlight = new Set<number>()
    let wanted = { first: 0, last: PAGE_SIZE - 1 }
    /** after a reload, the entry to keep selected where it moved to */
    let follow: number | null = null
    let reloadTimer: ReturnType<typeof setTimeout> | null = null

    const queryFor = (page: number): OperationInput<'journal.query'> => {
      const { text, day, action, result } = get().journalFilters
      return {
        text: text.trim(),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        ...(day ? { day } : {}),
        ...(action ? { action } : {}),
        ...(result.trim() ? { result: result.trim() } : {})
      }
    }

    const fetchPage = async (page: number): Promise<void> => {
      const mine = generation
      inFlight.add(page)
      const answer = await api['journal.query'](queryFor(page))
      if (mine !== generation) return
      inFlight.delete(page)
      if (!answer.ok) return set({ journalError: answer.error })
      const { items, total } = answer.value
      const around = Math.floor((wanted.first + wanted.last) / 2 / PAGE_SIZE)
      set((state) => ({
        journalPages: withPage(state.journalPages, page, items, around),
        journalTotal: total,
        journalError: null,
        journalSelected: Math.min(state.journalSelected, total - 1)
      }))
      if (follow !== null) {
        const moved = indexOfSeq(get().journalPages, follow)
        if (moved >= 0) set({ journalSelected: moved })
        if (moved >= 0 || inFlight.size === 0) follow = null
      }
      ensurePages()
    }

    const ensurePages = (): void => {
      const state = get()
      if (!state.journalOpen) return
      const pages = state.journalTotal === null ? [0] : pagesFor(wanted.first, wanted.last, state.journalTotal)
      for (const page of pages) {
        if (inFlight.size >= MAX_IN_FLIGHT) return
        if (state.journalPages[page] || inFlight.has(page)) continue
        void fetchPage(page)
      }
    }

    /** Drops every page (new filters, or new entries on top) and asks again. */
    const restart = (): void => {
      generation++
      inFlight.clear()
      ensurePages()
    }

    return {
      journalStatus: null,
      journalStatusError: null,
      verifying: false,
      journalFilters: noFilters,
      journalQueryId: 0,
      ...closedView,

      loadJournalStatus: async () => {
        const status = await api['journal.status'](undefined)
        if (status.ok) set({ journalStatus: status.value, journalStatusError: null })
        else set({ journalStatusError: status.error })
      },

      applyJournalStatus: (status) => {
        set({ journalStatus: status, journalStatusError: null })
        if (!get().journalOpen) return
        if (reloadTimer) clearTimeout(reloadTimer)
        reloadTimer = setTimeout(() => {
          reloadTimer = null
          if (!get().journalOpen) return
          follow = selectSelectedJournalEntry(get())?.seq ?? null
          set({ journalPages: {} })
          restart()
        }, RELOAD_DEBOUNCE_MS)
      },

      verifyJournal: async () => {
        if (get().verifying) return
        set({ verifying: true })
        const checked = await api['journal.verify'](undefined)
        if (checked.ok) set({ verifying: false, journalStatus: checked.value, journalStatusError: null })
        else set({ verifying: false, journalStatusError: checked.error })
      },

      acknowledgeIncident: async (incidentId, note) => {
        const approval = await askSupervisor('incidentAcknowledge')
        if (approval === null) return null
        const done = await api['journal.acknowledge']({ incidentId, note, ...(approval ? { approval } : {}) })
        if (!done.ok) return done.error
        set({ journalStatus: done.value })
        return null
      },

      openJournal: () => {
        if (get().journalOpen) return
        wanted = { first: 0, last: PAGE_SIZE - 1 }
        set({ ...closedView, journalOpen: true, journalFilters: noFilters, journalQueryId: get().journalQueryId + 1 })
        restart()
      },

      closeJournal: () => {
        generation++
        inFlight.clear()
        follow = null
        if (reloadTimer) clearTimeout(reloadTimer)
        reloadTimer = null
        set(closedView)
      },

      setJournalFilters: (filters) => {
        wanted = { first: 0, last: PAGE_SIZE - 1 }
        follow = null
        set((state) => ({
          journalFilters: { ...state.journalFilters, ...filters },
          journalQueryId: state.journalQueryId + 1,
          journalTotal: null,
          journalPages: {},
          journalSelected: 0
        }))
        restart()
      },

      showJournalRange: (first, last) => {
        wanted = { first, last }
        ensurePages()
      },

      selectJournalEntry: (index) => {
        const total = get().journalTotal ?? 0
        set({ journalSelected: total === 0 ? -1 : Math.max(0, Math.min(total - 1, index)) })
      }
    }
  }
