import { expect } from 'vitest'
import type { Services } from '../../src/main/services'

/** The corruption matrix's operators.json row: the supervisor its template was made with. */
const MATRIX_SUPERVISOR = { name: 'Ana Supervisora', pin: '2468' }

/** Adds the first supervisor to a filled data folder's services (the row's template). */
export async function addSupervisor(services: Services): Promise<void> {
  const added = await services.handlers['operators.add']({ ...MATRIX_SUPERVISOR, role: 'supervisor' })
  expect(added).toMatchObject({ ok: true, value: { signIn: 'on' } })
}

/**
 * One cell of the operators.json row: the counter never opens unsigned (main refuses the outbox
 * list before a sign-in), what was found is an open journal incident, and the supervisor signs
 * in with the accounts restored from the copy in the settings. A read-only file is read as it is;
 * the first write it refuses (a wrong PIN's count) is said plainly, never dropped.
 */
export async function checkOperatorsCell(services: Services, path: string, readOnly: boolean): Promise<void> {
  const state = await services.handlers['operators.state'](undefined)
  if (!state.ok) throw new Error('operators.state failed')
  expect(state.value).toMatchObject({ signIn: 'on', lost: null, session: { operator: null } })
  expect(await services.handlers['outbox.list'](undefined)).toMatchObject({
    ok: false,
    error: { code: 'SIGN_IN_REQUIRED' }
  })
  const ana = state.value.accounts.find((account) => account.name === MATRIX_SUPERVISOR.name)
  expect(ana, 'the supervisor, restored').toBeDefined()
  const status = await services.handlers['journal.status'](undefined)
  if (!status.ok) throw new Error('journal.status failed')
  const reasons = status.value.incidents.map((incident) => incident.reason)
  if (readOnly) {
    expect(reasons).toEqual([])
    const wrong = await services.handlers['operators.signIn']({ operatorId: ana!.id, pin: '0000' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'STORAGE_UNWRITABLE', detail: { file: path } } })
  } else {
    expect(reasons.filter((reason) => reason.startsWith('operators'))).toHaveLength(1)
    expect(reasons[0]).toMatch(/^operators(Missing|Damaged)$/)
  }
  const signedIn = await services.handlers['operators.signIn']({ operatorId: ana!.id, pin: MATRIX_SUPERVISOR.pin })
  expect(signedIn).toMatchObject({ ok: true, value: { session: { operator: { name: MATRIX_SUPERVISOR.name } } } })
}
