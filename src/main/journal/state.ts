import type { JournalEntry, JournalIncident } from '@shared/books'
import { factId, factKey } from './facts'

/** A shift's place in the journal: the lines of its opening and closing entries. */
export interface ShiftRef {
  id: string
  opened: number
  closed: number | null
}

export interface StateJson {
  shifts: ShiftRef[]
  incidents: JournalIncident[]
  known: string[]
}

/**
 * What the counter needs to know about the whole journal without holding it: where each
 * shift starts and ends, the incidents and the damages already recorded, and which facts are
 * written (so replayed events are not written twice). Folded entry by entry; kept in the
 * keyed checkpoint so a start reads only the entries after it.
 */
export class JournalState {
  shifts: ShiftRef[] = []
  readonly incidents = new Map<string, JournalIncident>()
  /** fingerprints of the damages incidents were recorded for */
  readonly known = new Set<string>()
  /** written facts: sorted (from the checkpoint's facts file) plus those since */
  private sortedFacts: Float64Array = new Float64Array(0)
  private readonly recentFacts = new Set<number>()

  hasFact(id: number): boolean {
    if (this.recentFacts.has(id)) return true
    const sorted = this.sortedFacts
    let low = 0
    let high = sorted.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const value = sorted[middle]!
      if (value === id) return true
      if (value < id) low = middle + 1
      else high = middle - 1
    }
    return false
  }

  /** Every written fact, sorted: kept beside the checkpoint as 8 bytes each (a year: about 2 MB). */
  facts(): Float64Array {
    const all = new Float64Array(this.sortedFacts.length + this.recentFacts.size)
    all.set(this.sortedFacts)
    let at = this.sortedFacts.length
    for (const id of this.recentFacts) all[at++] = id
    this.sortedFacts = all.sort()
    this.recentFacts.clear()
    return this.sortedFacts
  }

  apply(entry: JournalEntry, line: number): void {
    const key = factKey(entry)
    if (key) {
      const id = factId(key)
      if (!this.hasFact(id)) this.recentFacts.add(id)
    }
    const id = String(entry.refs['shiftId'] ?? entry.refs['incidentId'] ?? '')
    if (entry.action === 'shiftOpened') this.shifts.push({ id, opened: line, closed: null })
    else if (entry.action === 'shiftClosed') {
      const shift = this.shifts.findLast((one) => one.id === id && one.closed === null)
      if (shift) shift.closed = line
    } else if (entry.action === 'journalIncident') {
      for (const fingerprint of String(entry.detail['found'] ?? '').split(' '))
        if (fingerprint) this.known.add(fingerprint)
      this.incidents.set(id, {
        id,
        at: entry.at,
        reason: String(entry.result),
        seq: typeof entry.detail['seq'] === 'number' ? entry.detail['seq'] : null,
        line: Number(entry.detail['line'] ?? 0),
        places: Number(entry.detail['places'] ?? 1),
        acknowledged: null
      })
    } else if (entry.action === 'incidentAcknowledged') {
      const incident = this.incidents.get(id)
      if (incident)
        incident.acknowledged = {
          at: entry.at,
          note: String(entry.detail['note'] ?? ''),
          by: String(entry.detail['approverName'] ?? entry.operator)
        }
    }
  }

  /** The open shift: the last one opened and not closed. */
  openShift(): ShiftRef | null {
    const last = this.shifts.at(-1)
    return last && last.closed === null ? last : null
  }

  openIncidents(): JournalIncident[] {
    return [...this.incidents.values()].filter((incident) => incident.acknowledged === null)
  }

  toJson(): StateJson {
    return {
      shifts: this.shifts,
      incidents: [...this.incidents.values()],
      known: [...this.known]
    }
  }

  static fromJson(json: StateJson, facts: Float64Array): JournalState {
    const state = new JournalState()
    state.shifts = json.shifts.map((shift) => ({ ...shift }))
    for (const incident of json.incidents) state.incidents.set(incident.id, { ...incident })
    for (const fingerprint of json.known) state.known.add(fingerprint)
    state.sortedFacts = facts
    return state
  }
}
