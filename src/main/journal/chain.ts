import { createHash } from 'node:crypto'
import type { JournalEntry } from '@shared/books'
import { JOURNAL_ACTIONS } from '@shared/vocabulary'

export const GENESIS = '0'.repeat(64)

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

export type BreakReason = 'edited' | 'removed' | 'reordered' | 'malformed' | 'truncated' | 'unanchored' | 'key'

/** One place where the chain breaks; `fingerprint` names it the same way at every later check. */
export interface Break {
  seq: number | null
  line: number
  reason: BreakReason
  fingerprint: string
}

/** Where a check starts: the genesis, or a verified checkpoint (its last entry). */
export interface ChainPoint {
  seq: number
  hash: string
  /** the chain is keyed from here on: an unkeyed line is a forgery */
  keyed: boolean
  /** lines before this point */
  line: number
}

const HASH_FIELD = ',"hash":"'
const MAX_BREAKS = 50
/** how far ahead a missing seq is looked for before the gap counts as a removal */
const LOOKAHEAD = 1000

/** The text an entry's hash is over: the line up to its hash field (nothing re-serialized). */
export function hashedText(line: string): string | null {
  const at = line.lastIndexOf(HASH_FIELD)
  return at < 0 ? null : line.slice(0, at) + '}'
}

/**
 * Checks journal lines one at a time, in file order, so a year of entries is verified in
 * pages without holding them. Unkeyed (SHA-256) lines are accepted only before the first
 * keyed (HMAC) one — an old journal's prefix; after it, a line hashed without the key is a
 * forgery. Every break is kept (up to 50), each named by a fingerprint that stays the same
 * however many entries are appended later, so an incident is recorded once per damage.
 */
export class ChainChecker {
  readonly breaks: Break[] = []
  /** entries that read, and the last of them */
  entries = 0
  last: { seq: number; hash: string } | null
  keyed: boolean
  /** lines that verified with plain SHA-256 (an older journal's prefix) */
  plain = 0
  /** the hash seen for a given seq (the anchor's), when it was passed */
  seen: { seq: number; hash: string } | null = null
  private line: number
  private macRun: Break | null = null
  private pending: { missing: number; until: number; at: Break } | null = null

  constructor(
    private readonly mac: ((text: string) => string) | null,
    from: ChainPoint | null = null,
    private readonly watchSeq: number | null = null
  ) {
    this.last = from && from.seq > 0 ? { seq: from.seq, hash: from.hash } : null
    this.keyed = from?.keyed ?? false
    this.line = from?.line ?? 0
  }

  /** Feeds the next line; answers the entry when it reads (even when it breaks the chain). */
  feed(text: string): JournalEntry | null {
    const line = ++this.line
    const entry = parseEntry(text)
    if (!entry) {
      this.macRun = null
      this.add({ seq: null, line, reason: 'malformed', fingerprint: `malformed:${line}` })
      return null
    }
    if (this.pending && entry.seq === this.pending.missing) {
      this.pending.at.reason = 'reordered'
      this.pending.at.fingerprint = `reordered:${this.pending.at.line}`
      this.pending = null
    } else if (this.pending && line > this.pending.until) this.pending = null
    const expected = (this.last?.seq ?? 0) + 1
    if (!this.hashOk(text, entry.hash)) {
      // a run of lines that fail their hash (a wrong key, a rewrite without it) is one break
      if (this.macRun) this.macRun.seq ??= entry.seq
      else {
        this.macRun = { seq: entry.seq, line, reason: 'edited', fingerprint: `edited:${entry.seq}` }
        this.add(this.macRun)
      }
    } else {
      this.macRun = null
      if (entry.seq > expected && entry.prev !== this.last?.hash) {
        const gap: Break = {
          seq: entry.seq,
          line,
          reason: 'removed',
          fingerprint: `missing:${expected}-${entry.seq - 1}`
        }
        this.add(gap)
        this.pending = { missing: expected, until: line + LOOKAHEAD, at: gap }
      } else if (entry.seq < expected) {
        this.add({ seq: entry.seq, line, reason: 'reordered', fingerprint: `reordered:${line}` })
      } else if (entry.seq !== expected || entry.prev !== (this.last?.hash ?? GENESIS)) {
        this.add({ seq: entry.seq, line, reason: 'edited', fingerprint: `edited:${entry.seq}` })
      }
    }
    if (entry.seq === this.watchSeq) this.seen = { seq: entry.seq, hash: entry.hash }
    this.last = { seq: entry.seq, hash: entry.hash }
    this.entries++
    return entry
  }

  get lines(): number {
    return this.line
  }

  add(found: Break): void {
    if (this.breaks.length < MAX_BREAKS) this.breaks.push(found)
  }

  private hashOk(line: string, claimed: string): boolean {
    const text = hashedText(line)
    if (text === null) return false
    if (this.keyed) return this.mac!(text) === claimed
    if (sha256(text) === claimed) {
      this.plain++
      return true
    }
    if (this.mac && this.mac(text) === claimed) {
      this.keyed = true
      return true
    }
    return false
  }
}

/**
 * A line as an entry, or null when it is not one. The shape is checked by hand (the same
 * fields and types as JournalEntrySchema): a year of lines is read at every full check, and
 * the schema's parse was most of that time. The hash chain vouches for the content.
 */
export function parseEntry(text: string): JournalEntry | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  return isEntry(value) ? value : null
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function isEntry(value: unknown): value is JournalEntry {
  if (!isRecord(value)) return false
  const { seq, at, operator, terminal, training, action, refs, amount, amounts, result, detail, prev, hash } = value
  return (
    Number.isInteger(seq) &&
    (seq as number) > 0 &&
    typeof at === 'string' &&
    typeof operator === 'string' &&
    typeof terminal === 'string' &&
    (training === undefined || training === true) &&
    typeof action === 'string' &&
    ACTIONS.has(action) &&
    isRecord(refs) &&
    (amount === null || isRecord(amount)) &&
    Array.isArray(amounts) &&
    typeof result === 'string' &&
    isRecord(detail) &&
    typeof prev === 'string' &&
    typeof hash === 'string'
  )
}

const ACTIONS = new Set<string>(JOURNAL_ACTIONS)
