import { closeSync, openSync } from 'node:fs'
import { checkAnchor, type JournalAnchor } from './anchor'
import { ChainChecker, type Break } from './chain'
import { scanLines } from './pages'

/** What the journal knew when the full check began. */
export interface FullCheckFrom {
  path: string
  mac: ((text: string) => string) | null
  head: ReturnType<JournalAnchor['get']>
  /** lines counted and bytes of whole lines then: appends made during the check are not its business */
  lines: number
  until: number
  /** the journal as it stands when the check ends (appends may have come meanwhile) */
  now: () => { count: number; lastSeq: number }
  /** the journal was closed: stop at the next page */
  stopped: () => boolean
}

/**
 * Re-reads the file from disk and checks every line's chain, yielding every 2 000 lines (so
 * it can run between other work); ends with the checker and its breaks, or null when the
 * journal was closed meanwhile. Lines that vanished since they were counted (a file cut while
 * the app ran) and an anchor the chain does not reach are breaks too.
 */
export function* checkEveryLine(
  from: FullCheckFrom
): Generator<void, { checker: ChainChecker; breaks: Break[] } | null> {
  const checker = new ChainChecker(from.mac, null, from.head?.seq ?? null)
  const fd = openRead(from.path)
  try {
    let n = 0
    if (fd !== null)
      for (const line of scanLines(fd, 0, from.until)) {
        if (from.stopped()) return null
        checker.feed(line.text)
        if (++n % 2000 === 0) yield
      }
  } finally {
    if (fd !== null) closeSync(fd)
  }
  const breaks = [...checker.breaks]
  const now = from.now()
  if (checker.lines < from.lines)
    breaks.push({
      seq: null,
      line: checker.lines + 1,
      reason: 'truncated',
      fingerprint: `missing:${(checker.last?.seq ?? 0) + 1}-${now.lastSeq}`
    })
  else if (checker.lines === now.count) {
    const facts = { last: checker.last, lines: checker.lines, seen: checker.seen, keyCreated: false }
    const found = checkAnchor(from.head, { ...facts, macFailures: keyMismatch(checker) }, from.mac).found
    if (found) breaks.push(found)
  }
  return { checker, breaks }
}

/** No line verifies with this key, and some fail: the key is not the one the journal was written with. */
export function keyMismatch(checker: ChainChecker): boolean {
  return !checker.keyed && checker.plain === 0 && checker.breaks.some((found) => found.reason === 'edited')
}

function openRead(path: string): number | null {
  try {
    return openSync(path, 'r')
  } catch {
    return null
  }
}
