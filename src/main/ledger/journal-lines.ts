import type { Journal } from '../journal/journal'
import type { JournalLines } from './replicator'

/**
 * The journal as the replicator reads it. An entry's JSON is the line as written: the journal
 * writes JSON.stringify of the same object it keeps, and its schema keeps the fields in that order
 * (the replication test checks the two agree, byte for byte).
 */
export function journalLines(journal: Journal): JournalLines {
  return {
    lastSeq: () => journal.all().at(-1)?.seq ?? 0,
    linesAfter: (seq, limit) => {
      const entries = journal.all()
      // seqs run 1, 2, 3…: entry seq+1 is at index seq, unless the file was damaged
      const start = entries[seq]?.seq === seq + 1 ? seq : entries.findIndex((entry) => entry.seq > seq)
      return start < 0 ? [] : entries.slice(start, start + limit).map((entry) => JSON.stringify(entry))
    }
  }
}
