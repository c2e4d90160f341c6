import { createHash } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { Break } from './chain'
import type { StateJson } from './state'

/**
 * A verified point of the journal, signed with its key: how many lines and bytes were checked,
 * the last entry's seq and hash, the damages already known and the folded state. A start reads
 * only the entries after it, so its cost does not grow with the journal's age; the full check
 * runs in the background. A checkpoint that does not verify is ignored (the journal is read
 * whole, as before), so it can speed a start up but never hide anything.
 */
export interface Checkpoint {
  lines: number
  /** lines that read as entries */
  entries: number
  bytes: number
  seq: number
  hash: string
  keyed: boolean
  breaks: Break[]
  state: StateJson
  /** the written facts, sorted, in `<journal>.facts` (8 bytes each): their SHA-256 */
  factsSha: string
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export function readCheckpoint(
  path: string,
  mac: (text: string) => string
): { checkpoint: Checkpoint; facts: Float64Array } | null {
  try {
    const text = readFileSync(path, 'utf8')
    const cut = text.indexOf('\n')
    if (cut < 0 || text.slice(0, cut) !== mac(text.slice(cut + 1))) return null
    const checkpoint = JSON.parse(text.slice(cut + 1)) as Checkpoint
    const raw = readFileSync(`${path}.facts`)
    if (raw.length % 8 !== 0 || sha(raw) !== checkpoint.factsSha) return null
    // little-endian doubles, as every platform Taquilla runs on stores them
    return { checkpoint, facts: new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length)) }
  } catch {
    return null
  }
}

/** Written whole and renamed into place (a cache: no fsync; a lost one means a slower start). */
export function writeCheckpoint(
  path: string,
  mac: (text: string) => string,
  checkpoint: Omit<Checkpoint, 'factsSha'>,
  facts: Float64Array
): void {
  const bytes = new Uint8Array(facts.buffer, facts.byteOffset, facts.byteLength)
  const body = JSON.stringify({ ...checkpoint, factsSha: sha(bytes) })
  try {
    writeFileSync(`${path}.facts`, bytes)
    writeFileSync(`${path}.tmp`, `${mac(body)}\n${body}`)
    renameSync(`${path}.tmp`, path)
  } catch {
    // the next start reads more of the journal; nothing is lost
  }
}
