import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppFailure } from '@shared/errors'
import type { Env } from '../settings/settings'
import type { KeyValueStore } from '../settings/storage'

/** `npm start -- --training`, `npm run harness -- --training` */
export const TRAINING_FLAG = '--training'
/** where the real books' settings keep the mode chosen in the app (first-run screen, settings) */
export const START_MODE_KEY = 'startMode'

export interface StartMode {
  training: boolean
  /** asked for by the flag or TAQUILLA_TRAINING: the app cannot switch it off */
  forced: boolean
}

/** The mode is fixed for the life of the process: switching means a restart. */
export function startMode(argv: readonly string[], env: Env, realStore: KeyValueStore): StartMode {
  const fromEnv = env['TAQUILLA_TRAINING']?.trim().toLowerCase()
  if (argv.includes(TRAINING_FLAG) || fromEnv === '1' || fromEnv === 'true') return { training: true, forced: true }
  return { training: realStore.get(START_MODE_KEY) === 'training', forced: false }
}

/** Training keeps its own books: nothing mixes with the real ones. */
export const trainingDataDir = (dataDir: string): string => join(dataDir, 'training')

const MARKER = 'TRAINING.txt'
const BOOKS = ['journal.jsonl', 'outbox.log', 'decisions.jsonl', 'deposits.jsonl']

/**
 * A data directory belongs to one mode for good. Training refuses a directory with real books
 * in it (no marker), and the real counter refuses a training one — so practice entries never
 * land in the real journal, and real payments never in a training one.
 */
export function claimDataDir(dir: string, training: boolean): void {
  const marked = existsSync(join(dir, MARKER))
  const hasBooks = BOOKS.some((name) => existsSync(join(dir, name)))
  if (training && !marked && hasBooks) throw new AppFailure({ code: 'DATA_DIR_MODE', reason: 'real' })
  if (!training && marked) throw new AppFailure({ code: 'DATA_DIR_MODE', reason: 'training' })
  if (training && !marked) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, MARKER), 'Taquilla training mode: practice books, no real payments.\n')
  }
}
