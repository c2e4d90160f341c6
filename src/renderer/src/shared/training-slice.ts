import type { TaquillaApi, TrainingState } from '@shared/contract'
import type { AppError } from '@shared/errors'
import type { SliceCreator } from './store'

/**
 * Training mode as the window sees it: the guided start's references, the Luka simulator's
 * state, and a switch of mode (which restarts the app: modes never change while running).
 * Whether the window is in training at all comes with app.info (the session slice).
 */
export interface TrainingSlice {
  trainingState: TrainingState | null
  trainingError: AppError | null
  /** a switch was accepted: the app is restarting into this mode */
  restartingTo: 'training' | 'real' | null
  loadTraining: () => Promise<void>
  setTrainingLuka: (up: boolean) => Promise<void>
  switchMode: (training: boolean) => Promise<void>
}

/**
 * Electron relaunches and this window goes away. The browser (harness) stays: main builds the
 * other mode's services in place, and the page reloads once app.info says they are there.
 */
function reloadWhenRestarted(api: TaquillaApi, training: boolean, triesLeft = 60): void {
  setTimeout(() => {
    void api['app.info'](undefined).then((info) => {
      if (info.ok && info.value.training === training) window.location.reload()
      else if (triesLeft > 0) reloadWhenRestarted(api, training, triesLeft - 1)
    })
  }, 250)
}

export const createTrainingSlice =
  (api: TaquillaApi): SliceCreator<TrainingSlice> =>
  (set) => ({
    trainingState: null,
    trainingError: null,
    restartingTo: null,

    loadTraining: async () => {
      const state = await api['training.state'](undefined)
      set(state.ok ? { trainingState: state.value, trainingError: null } : { trainingError: state.error })
    },

    setTrainingLuka: async (up) => {
      const state = await api['training.setLuka']({ up })
      set(state.ok ? { trainingState: state.value, trainingError: null } : { trainingError: state.error })
    },

    switchMode: async (training) => {
      const switched = await api['app.switchMode']({ training })
      if (!switched.ok) return set({ trainingError: switched.error })
      if (!switched.value.restarting) return
      set({ restartingTo: training ? 'training' : 'real', trainingError: null })
      reloadWhenRestarted(api, training)
    }
  })
