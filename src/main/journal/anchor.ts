import type { Break } from './chain'

/**
 * Where the journal's last seq and hash are also kept (the settings store: another file, in
 * another format), signed with the journal's key. A chain alone cannot show that its last
 * entries — or the whole file — were removed; the anchor can, and without the key it cannot
 * be rewritten to match a shortened journal.
 */
export interface JournalAnchor {
  get(): AnchorHead | undefined
  set(head: AnchorHead): void
}

export interface AnchorHead {
  seq: number
  hash: string
  /** HMAC of `anchor:<seq>:<hash>`; absent in an anchor written before the journal was keyed */
  mac?: string
}

export const anchorText = (seq: number, hash: string): string => `anchor:${seq}:${hash}`

export interface AnchorFacts {
  last: { seq: number; hash: string } | null
  lines: number
  /** the hash the checked lines had at the anchor's seq, when they were checked that far */
  seen: { seq: number; hash: string } | null
  /** the key was made at this start (an older journal is migrated, not damaged) */
  keyCreated: boolean
  /** no line verifies with the key and some fail (with a bad anchor too: the key is not this journal's) */
  macFailures: boolean
}

/**
 * What the anchor says about the journal: a break, and where appends continue (the anchor's
 * head when the file ends before it, so the cut stays visible as a gap for good).
 */
export function checkAnchor(
  head: AnchorHead | undefined,
  facts: AnchorFacts,
  mac: ((text: string) => string) | null
): { found: Break | null; resume: { seq: number; hash: string } | null } {
  const { last, lines } = facts
  const unanchored = (seq: number): Break => ({
    seq,
    line: lines,
    reason: 'unanchored',
    fingerprint: `unanchored:${seq}`
  })
  if (mac) {
    if (facts.keyCreated && facts.macFailures && lines > 0)
      return { found: { seq: null, line: 1, reason: 'key', fingerprint: `key:${last?.seq ?? 0}` }, resume: null }
    if (!head) return { found: last && !facts.keyCreated ? unanchored(last.seq) : null, resume: null }
    if (head.mac === undefined) {
      if (!facts.keyCreated) return { found: unanchored(head.seq), resume: null } // a keyed journal's anchor replaced
    } else if (head.mac !== mac(anchorText(head.seq, head.hash))) {
      const reason = facts.macFailures ? 'key' : 'unanchored'
      return { found: { seq: head.seq, line: lines, reason, fingerprint: `${reason}:${head.seq}` }, resume: null }
    }
  }
  if (!head) return { found: null, resume: null }
  const signed = mac !== null && head.mac !== undefined
  if (!last || last.seq < head.seq) {
    const found: Break = {
      seq: head.seq,
      line: lines + 1,
      reason: 'truncated',
      fingerprint: `missing:${(last?.seq ?? 0) + 1}-${head.seq}`
    }
    return { found, resume: signed ? { seq: head.seq, hash: head.hash } : null }
  }
  const differs = (last.seq === head.seq && last.hash !== head.hash) || (facts.seen && facts.seen.hash !== head.hash)
  if (differs)
    return { found: { seq: head.seq, line: lines, reason: 'edited', fingerprint: `edited:${head.seq}` }, resume: null }
  return { found: null, resume: null }
}
