import { readFileSync } from 'node:fs'
import type { Journal } from '../journal/journal'
import type { JournalLines } from './replicator'

/**
 * The journal as the replicator reads it: its lines exactly as written. They are read from the
 * file once, not re-serialized from parsed entries — a parsed entry's fields come back in the
 * schema's order (`{"minor":…,"currency":…}`), not the order written, so its JSON would be a
 * different line (the server would see a fork). Lines appended later are the JSON.stringify of
 * the very object the journal wrote, so they are added as they come.
 */
export function journalLines(journal: Journal): JournalLines {
  let lines: { seq: number; text: string }[] | undefined
  const load = () => {
    if (lines) return lines
    lines = []
    let text: string
    try {
      text = readFileSync(journal.path, 'utf8')
    } catch {
      text = ''
    }
    for (const line of text.split('\n')) {
      const seq = seqOf(line)
      if (seq !== null) lines.push({ seq, text: line })
    }
    return lines
  }
  journal.onAppend((entry) => {
    if (lines && (lines.at(-1)?.seq ?? 0) < entry.seq) lines.push({ seq: entry.seq, text: JSON.stringify(entry) })
  })
  return {
    lastSeq: () => load().at(-1)?.seq ?? 0,
    linesAfter: (seq, limit) => {
      const all = load()
      // seqs run 1, 2, 3…: seq+1 is at index seq, unless the file was damaged
      const start = all[seq]?.seq === seq + 1 ? seq : all.findIndex((line) => line.seq > seq)
      return start < 0 ? [] : all.slice(start, start + limit).map((line) => line.text)
    }
  }
}

function seqOf(line: string): number | null {
  if (line.trim() === '') return null
  try {
    const value = JSON.parse(line) as { seq?: unknown }
    return typeof value.seq === 'number' ? value.seq : null
  } catch {
    return null // a torn or damaged line: the journal's own check reports it
  }
}
