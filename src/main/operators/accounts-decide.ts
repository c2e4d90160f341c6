import type { Account } from './accounts-file'

/** A save of the accounts: a generation counted up by every save, the accounts, a keyed MAC over both. */
export interface Sealed {
  generation: number
  accounts: Account[]
  mac: string
  /** read from a file from before the generation: the MAC it carried (over the accounts alone) */
  legacyMac?: string
}

/** One of the two places the accounts are kept, as read at start. */
export type Read = { state: 'absent' } | { state: 'invalid' } | { state: 'valid'; sealed: Sealed }

/** What the start found wrong with the accounts; each becomes a journal incident (incident.ts). */
export interface AccountsFinding {
  /** the file missing, damaged (unreadable, wrong MAC, not a file) or rolled back (an older valid save), or the settings' copy missing, damaged or older */
  found: 'missing' | 'damaged' | 'rolledBack' | 'copy'
  /** restored: the file written again from the copy; fileKept: the copy written again from the file; lost: no valid save */
  outcome: 'restored' | 'fileKept' | 'lost'
  /** names this damage, so a start that finds it again does not record it twice */
  fingerprint: string
  /** where the file found wrong was moved */
  keptAs: string | null
}

export interface Decision {
  use: Sealed | null
  finding: Omit<AccountsFinding, 'keptAs'> | null
  /** which place is written again from `use` */
  write: 'file' | 'copy' | 'both' | null
}

/**
 * The rules, in one place: the newer valid save wins and the other is written again from it; an
 * older valid save is a rollback and counts as damage. `anchor` is the last save's MAC in the
 * settings store ('lost' once the journal showed accounts nobody could restore): with it and no
 * valid save at all the accounts are lost — never "no accounts, sign-in off".
 */
export function decideAccounts(file: Read, copy: Read, anchor: string | null): Decision {
  const f = file.state === 'valid' ? file.sealed : null
  const c = copy.state === 'valid' ? copy.sealed : null
  const found = file.state === 'absent' ? 'missing' : 'damaged'
  const restored = (use: Sealed, what: AccountsFinding['found']): Decision => ({
    use,
    finding: { found: what, outcome: 'restored', fingerprint: `operators-${what}:${use.mac}` },
    write: 'file'
  })
  const fileKept = (use: Sealed): Decision => ({
    use,
    finding: { found: 'copy', outcome: 'fileKept', fingerprint: `operators-copy:${use.mac}` },
    write: 'copy'
  })
  const lost = (what: AccountsFinding['found']): Decision => ({
    use: null,
    finding: { found: what, outcome: 'lost', fingerprint: `operators-lost:${anchor ?? 'copy'}` },
    write: null
  })
  if (f && c) {
    if (f.mac === c.mac) return { use: f, finding: null, write: null }
    if (f.generation > c.generation) return fileKept(f)
    return restored(c, f.generation < c.generation ? 'rolledBack' : 'damaged')
  }
  if (c) return restored(c, found)
  if (f) {
    // an install from before the copy: the anchor is the last save's MAC; both are written in today's form
    if (copy.state === 'absent' && anchor === (f.legacyMac ?? f.mac)) return { use: f, finding: null, write: 'both' }
    // the settings lost (or their copy damaged) while the file is whole: the file is used, and said
    if (copy.state === 'invalid' || anchor === null) return fileKept(f)
    return lost('rolledBack') // a whole file that is not the last one saved, and nothing to restore it from
  }
  if (file.state === 'absent' && copy.state === 'absent' && anchor === null)
    return { use: null, finding: null, write: null }
  return lost(found)
}
