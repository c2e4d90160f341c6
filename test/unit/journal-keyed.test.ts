import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { JournalEntry } from '@shared/books'
import { zReportCsv } from '@shared/books-csv'
import { ShiftBook } from '../../src/main/books/shift'
import type { AnchorHead } from '../../src/main/journal/anchor'
import { acknowledgeIncident, recordIncidents } from '../../src/main/journal/incidents'
import { Journal, entryHash } from '../../src/main/journal/journal'
import { loadJournalKey, macWith, type JournalKey } from '../../src/main/journal/key'
import { MemorySecretStore } from '../../src/main/settings/storage'
import { StorageHealth } from '../../src/main/storage/health'
import { createLogger } from '../../src/main/support/log'

let dir: string
let now: number
let anchor: { get: () => AnchorHead | undefined; set: (head: AnchorHead) => void; head?: AnchorHead }
let secret: Buffer
const clock = { now: () => (now += 1000) }
const who = () => ({ operator: 'María Pérez', terminal: 'Agencia CCCT, Taquilla 2' })
const path = () => join(dir, 'journal.jsonl')
const lines = () => readFileSync(path(), 'utf8').trimEnd().split('\n')
const rewrite = (rows: string[]) => writeFileSync(path(), rows.length ? rows.join('\n') + '\n' : '')
const key = (created = false, bytes = secret): JournalKey => ({ key: bytes, protection: 'file', created })
const health = () => new StorageHealth(createLogger(() => undefined))

function open(options: { created?: boolean; bytes?: Buffer } = {}) {
  const journal = new Journal(path(), clock, who, anchor, health(), key(options.created ?? false, options.bytes))
  const stop = recordIncidents(journal)
  const report = journal.open()
  return { journal, report, stop }
}

function fill(count: number, options: { created?: boolean } = { created: true }): void {
  const { journal } = open(options)
  for (let i = 0; i < count; i++) journal.append({ action: 'lookup', refs: { reference: `R${i}` }, result: 'found' })
  journal.close()
}

const all = (journal: Journal) => journal.entries(0, journal.count)
const incidents = (journal: Journal) => all(journal).filter((entry) => entry.action === 'journalIncident')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taquilla-keyed-'))
  now = Date.parse('2026-11-21T12:00:00Z')
  secret = randomBytes(32)
  anchor = {
    get: () => anchor.head,
    set: (head) => {
      anchor.head = head
    }
  }
})

describe('keyed journal: forgeries are detected', () => {
  it('an intact keyed journal verifies; its hashes are HMACs, not plain SHA-256', () => {
    fill(4)
    const { journal, report } = open()
    expect(report).toMatchObject({ ok: true, entries: 4, firstBad: null, protection: 'file' })
    const first = all(journal)[0]!
    expect(first.hash).not.toBe(entryHash(first))
    expect(anchor.head?.mac).toMatch(/^[0-9a-f]{64}$/)
  })

  it('deleting an entry and recomputing the rest (and the anchor) without the key is caught', () => {
    fill(5)
    const rows = lines().map((line) => JSON.parse(line) as JournalEntry)
    rows.splice(2, 1)
    // the forger renumbers and rehashes every later entry with plain SHA-256, and rewrites the anchor
    let prev = rows[1]!.hash
    for (const row of rows.slice(2)) {
      row.seq -= 1
      row.prev = prev
      row.hash = entryHash(row)
      prev = row.hash
    }
    rewrite(rows.map((row) => JSON.stringify(row)))
    anchor.head = { seq: 4, hash: prev, mac: 'f'.repeat(64) }
    const { report } = open()
    expect(report.ok).toBe(false)
    expect(report.firstBad).toMatchObject({ seq: 3, line: 3, reason: 'edited' })
  })

  it('removing the anchor and cutting the tail is caught (a keyed journal without its anchor)', () => {
    fill(5)
    rewrite(lines().slice(0, 3))
    anchor.head = undefined
    expect(open().report).toMatchObject({ ok: false, firstBad: { reason: 'unanchored' } })
  })

  it('deleting the whole journal is caught, and later appends keep the gap visible', () => {
    fill(5)
    rmSync(path())
    rmSync(`${path()}.checkpoint`, { force: true })
    const first = open()
    expect(first.report).toMatchObject({ ok: false, entries: 0, firstBad: { reason: 'truncated', seq: 5 } })
    // the incident continues from the anchor: seq 6, chained to entry 5 that is gone
    expect(all(first.journal)[0]).toMatchObject({ seq: 6, action: 'journalIncident' })
    first.journal.append({ action: 'lookup', refs: { reference: 'after' }, result: 'found' })
    first.journal.close()
    const again = open()
    expect(again.report).toMatchObject({ ok: false, firstBad: { seq: 6, line: 1, reason: 'removed' } })
    expect(incidents(again.journal)).toHaveLength(1) // the same damage: recorded once
  })

  it('replacing the key is caught as a key that is not the journal’s', () => {
    fill(3)
    const { report } = open({ created: true, bytes: randomBytes(32) })
    expect(report).toMatchObject({ ok: false, firstBad: { reason: 'key' } })
  })

  it('an anchor written back without the key (an old-format anchor) is caught', () => {
    fill(3)
    const { seq, hash } = anchor.head!
    anchor.head = { seq, hash }
    expect(open().report).toMatchObject({ ok: false, firstBad: { reason: 'unanchored' } })
  })
})

describe('migration of an unkeyed journal', () => {
  it('verifies the old chain once and continues it with a keyed entry naming its last seq and hash', () => {
    const legacy = new Journal(path(), clock, who, anchor)
    legacy.open()
    for (let i = 0; i < 3; i++) legacy.append({ action: 'lookup', refs: { reference: `L${i}` }, result: 'found' })
    legacy.close()
    const old = anchor.head!
    expect(old.mac).toBeUndefined()

    const { journal, report } = open({ created: true })
    expect(report).toMatchObject({ ok: true, entries: 3 })
    const marker = all(journal)[3]!
    expect(marker).toMatchObject({
      seq: 4,
      action: 'journalKeyed',
      prev: old.hash,
      detail: { continuesSeq: 3, continuesHash: old.hash }
    })
    expect(marker.hash).not.toBe(entryHash(marker))
    journal.append({ action: 'lookup', refs: { reference: 'K1' }, result: 'found' })
    journal.close()
    // next start: the key exists, the mixed chain verifies, nothing is migrated twice
    const next = open()
    expect(next.report).toMatchObject({ ok: true, entries: 5 })
    expect(all(next.journal).filter((entry) => entry.action === 'journalKeyed')).toHaveLength(1)
  })

  it('an unkeyed line written after the keyed ones is a forgery', () => {
    fill(2)
    const rows = lines()
    const last = JSON.parse(rows[1]!) as JournalEntry
    const forged = { ...last, seq: 3, prev: last.hash, result: 'notFound' } as JournalEntry
    forged.hash = entryHash(forged)
    rewrite([...rows, JSON.stringify(forged)])
    expect(open().report).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'edited' } })
  })
})

describe('the journal key', () => {
  it('is kept through the OS store when there is one, else in a key file (weaker), and reloads the same', () => {
    const secrets = new MemorySecretStore(true)
    const made = loadJournalKey(secrets, dir)
    expect(made).toMatchObject({ protection: 'os', created: true })
    expect(loadJournalKey(secrets, dir)).toMatchObject({ protection: 'os', created: false, key: made.key })
    const file = loadJournalKey(null, dir)
    expect(file).toMatchObject({ protection: 'file', created: true })
    expect(readFileSync(join(dir, 'journal.key'), 'utf8').trim()).toBe(file.key.toString('hex'))
    expect(loadJournalKey(null, dir)).toMatchObject({ protection: 'file', created: false, key: file.key })
    expect(macWith(file.key)('x')).toMatch(/^[0-9a-f]{64}$/)
    expect(macWith(file.key)('x')).not.toBe(macWith(made.key)('x'))
  })
})

describe('incidents', () => {
  it('survive more entries, restarts and "Verify now" until a supervisor acknowledges them with a note', async () => {
    fill(5)
    const rows = lines()
    rows.splice(1, 1) // entry 2 deleted
    rewrite(rows)
    const first = open()
    expect(first.report.ok).toBe(false)
    expect(first.journal.verification.incidents).toHaveLength(1)
    const [incident] = first.journal.verification.incidents
    expect(incident).toMatchObject({ reason: 'removed', seq: 3, line: 2, acknowledged: null })
    for (let i = 0; i < 20; i++)
      first.journal.append({ action: 'lookup', refs: { reference: `M${i}` }, result: 'found' })
    expect(first.journal.verification.incidents).toHaveLength(1)
    first.journal.close()

    const restarted = open()
    expect(restarted.report.ok).toBe(false) // the deletion is still seen after 20 more entries
    expect(restarted.journal.verify().incidents.map((one) => one.id)).toEqual([incident!.id])
    expect(incidents(restarted.journal)).toHaveLength(1)

    const asked: unknown[] = []
    const after = await acknowledgeIncident(
      restarted.journal,
      async (action, approval) => {
        asked.push([action, approval])
        return { id: 'sup-1', name: 'Ana Supervisora' }
      },
      { incidentId: incident!.id, note: 'revisado con soporte', approval: { operatorId: 'sup-1', pin: '1234' } }
    )
    expect(asked).toEqual([['incidentAcknowledge', { operatorId: 'sup-1', pin: '1234' }]])
    expect(after.incidents).toEqual([])
    expect(all(restarted.journal).at(-1)).toMatchObject({
      action: 'incidentAcknowledged',
      refs: { incidentId: incident!.id },
      detail: { note: 'revisado con soporte', approverId: 'sup-1', approverName: 'Ana Supervisora' }
    })
    restarted.journal.close()
    const later = open()
    expect(later.report.ok).toBe(false) // the damage is in the file for good
    expect(later.journal.verification.incidents).toEqual([])
    expect(later.journal.incident(incident!.id)?.acknowledged).toMatchObject({ by: 'Ana Supervisora' })
  })

  it("the Z report's CSV lists the shift's incidents, open or acknowledged with note and approver, in both languages", async () => {
    fill(5)
    const rows = lines()
    rows.splice(1, 1) // entry 2 deleted: an incident at the next start
    rewrite(rows)
    const { journal } = open()
    const shifts = new ShiftBook(journal)
    shifts.open([{ minor: 5000, currency: 'USD' }])
    const [incident] = journal.verification.incidents
    await acknowledgeIncident(journal, async () => ({ id: 'sup-1', name: 'Ana Supervisora' }), {
      incidentId: incident!.id,
      note: 'revisado; con soporte',
      approval: { operatorId: 'sup-1', pin: '1234' }
    })
    const z = shifts.close([{ minor: 5000, currency: 'USD' }], '')
    expect(z.incidents).toHaveLength(1) // acknowledged in the shift (recorded before it opened)
    const at = (iso: string) => `T ${iso}`
    const es = zReportCsv(z, 'es', at).split('\r\n')
    const heading = es.indexOf('Incidentes del diario')
    expect(heading).toBeGreaterThan(0)
    expect(es[heading + 1]).toBe('Registrado;Motivo;Entrada;Línea;Lugares;Reconocido;Aprobó;Nota')
    const acknowledged = journal.incident(incident!.id)!.acknowledged!
    expect(es[heading + 2]).toBe(
      `T ${incident!.at};removed;3;2;1;T ${acknowledged.at};Ana Supervisora;"revisado; con soporte"`
    )
    const openOne = zReportCsv({ ...z, incidents: [{ ...incident!, acknowledged: null }] }, 'en', at).split('\r\n')
    const en = openOne.indexOf('Journal incidents')
    expect(openOne[en + 1]).toBe('Recorded,Reason,Entry,Line,Places,Acknowledged,Approved by,Note')
    expect(openOne[en + 2]).toBe(`T ${incident!.at},removed,3,2,1,open,,`)
    expect(zReportCsv({ ...z, incidents: [] }, 'en')).not.toContain('Journal incidents')
    journal.close()
  })

  it('a refused approval acknowledges nothing', async () => {
    fill(3)
    anchor.head = undefined
    const { journal } = open()
    const [incident] = journal.verification.incidents
    await expect(
      acknowledgeIncident(
        journal,
        async () => {
          throw new Error('wrong PIN')
        },
        { incidentId: incident!.id, note: 'x' }
      )
    ).rejects.toThrow('wrong PIN')
    expect(journal.verification.incidents).toHaveLength(1)
  })
})

describe('the keyed MAC helper', () => {
  it('is HMAC-SHA256 (the key padded once, copied for each text)', async () => {
    const { createHmac } = await import('node:crypto')
    for (const bytes of [randomBytes(32), randomBytes(64), randomBytes(100), Buffer.alloc(0)]) {
      for (const text of ['', 'a', 'línea del diario', 'x'.repeat(5000)])
        expect(macWith(bytes)(text)).toBe(createHmac('sha256', bytes).update(text).digest('hex'))
    }
  })
})
