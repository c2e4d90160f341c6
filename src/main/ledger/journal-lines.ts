import type { Journal } from '../journal/journal'
import type { JournalLines } from './replicator'

const seqOf = (text: string | undefined): number | null => {
  try {
    const value = JSON.parse(text ?? '') as { seq?: unknown }
    return typeof value.seq === 'number' ? value.seq : null
  } catch {
    return null
  }
}

/**
 * The journal as the replicator reads it: its lines exactly as written (`texts`), never parsed
 * entries re-serialized — a parsed entry's fields come back in the schema's order, so its JSON
 * would be another line and the server would rightly see a fork. Line i holds seq i+1 in a whole
 * journal; a damaged one (a line that does not read) is searched for the next seq.
 */
export function journalLines(journal: Journal): JournalLines {
  return {
    lastSeq: () => journal.head?.seq ?? 0,
    linesAfter: (seq, limit) => {
      const direct = journal.texts(seq, seq + limit)
      if (seqOf(direct[0]) === seq + 1 && seqOf(direct.at(-1)) === seq + direct.length) return direct
      const all = journal.texts(0, journal.count)
      const start = all.findIndex((text) => (seqOf(text) ?? 0) > seq)
      return start < 0 ? [] : all.slice(start, start + limit).filter((text) => seqOf(text) !== null)
    }
  }
}
