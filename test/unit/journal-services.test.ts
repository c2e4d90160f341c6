import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SupervisorAction } from '@shared/schemas/approval'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { servicesFor, type ServicesUnderTest } from '../helpers/services'

let luka: FakeLuka
const running: ServicesUnderTest[] = []

afterEach(async () => {
  for (const one of running.splice(0)) await one.services.dispose()
  await luka?.stop()
})

/** Issue 11 through the real services (browser mode: the key is a file, and the status says so). */
describe('the keyed journal in the services', () => {
  it('an incident found at start is shown, stays after a restart, and is acknowledged with the approver', async () => {
    luka = new FakeLuka()
    await luka.start()
    const asked: SupervisorAction[] = []
    const authorize = async (action: SupervisorAction) => {
      asked.push(action)
      return { id: 'sup-1', name: 'Ana Supervisora' }
    }
    const first = servicesFor(luka.url, { authorize })
    running.push(first)
    await first.services.handlers['settings.update']({ operator: 'Luis' })
    expect(existsSync(join(first.dataDir, 'journal.key'))).toBe(true)
    const status = await first.services.handlers['journal.status'](undefined)
    expect(status).toMatchObject({ ok: true, value: { ok: true, protection: 'file', incidents: [] } })
    await first.services.dispose()
    running.pop()

    // the same folder with a settings store that lost the signed head: damage, recorded as an incident
    const second = servicesFor(luka.url, { dataDir: first.dataDir, authorize })
    running.push(second)
    const seen = await second.services.handlers['journal.status'](undefined)
    expect(seen).toMatchObject({ ok: true, value: { ok: false, firstBad: { reason: 'unanchored' } } })
    const [incident] = seen.ok ? seen.value.incidents : []
    expect(incident).toMatchObject({ reason: 'unanchored', acknowledged: null })
    const verified = await second.services.handlers['journal.verify'](undefined)
    expect(verified.ok && verified.value.incidents.map((one) => one.id)).toEqual([incident!.id])

    const refused = await second.services.handlers['journal.acknowledge']({ incidentId: incident!.id, note: '  ' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const done = await second.services.handlers['journal.acknowledge']({
      incidentId: incident!.id,
      note: 'settings restaurados de la copia',
      approval: { operatorId: 'sup-1', pin: '1234' }
    })
    expect(done).toMatchObject({ ok: true, value: { incidents: [] } })
    expect(asked).toEqual(['settingsChange', 'incidentAcknowledge'])
    const page = await second.services.handlers['journal.query']({ text: '', offset: 0, limit: 5 })
    expect(page.ok && page.value.items[0]).toMatchObject({
      action: 'incidentAcknowledged',
      detail: { note: 'settings restaurados de la copia', approverName: 'Ana Supervisora' }
    })
  })
})
