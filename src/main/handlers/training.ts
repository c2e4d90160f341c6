import type { TrainingState } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { currencyExponent, numberToMinor } from '@shared/money'
import type { Simulators } from '../training/simulators'
import { TRAINING_TRIES } from '../training/seed'
import type { Impls } from './guard'

/** Training mode, as the services know it: the running simulators, and whether a flag forced it. */
export interface TrainingDeps {
  simulators: Simulators
  forced: boolean
}

/** The guided start's references, with what the simulator holds for each (none for "not found"). */
function tries(simulators: Simulators): TrainingState['tries'] {
  const all = [...simulators.luka.transactions.values()]
  return TRAINING_TRIES.map(({ purpose, reference }) => {
    const tx = all.find((candidate) => candidate.reference === reference)
    const minor = tx ? numberToMinor(tx.amount, currencyExponent(tx.currency)) : null
    return {
      purpose,
      reference,
      amount: tx && minor !== null ? { minor, currency: tx.currency } : null,
      payer: tx?.payer ? `${tx.payer.Nombre} ${tx.payer.Apellido}` : null
    }
  })
}

export function trainingHandlers(training: TrainingDeps | undefined): Impls<'training.state' | 'training.setLuka'> {
  const simulators = (): Simulators => {
    if (!training) throw new AppFailure({ code: 'TRAINING_ONLY' })
    return training.simulators
  }
  const state = (): TrainingState => ({ lukaUp: simulators().luka.running, tries: tries(simulators()) })
  return {
    'training.state': state,
    // "down" is a stopped server (connections refused), back on the same port when "up" again:
    // what a trainee sees is the outbox holding the decisions and delivering them later
    'training.setLuka': async ({ up }) => {
      const { luka } = simulators()
      if (up && !luka.running) await luka.start()
      if (!up && luka.running) await luka.stop()
      return state()
    }
  }
}
