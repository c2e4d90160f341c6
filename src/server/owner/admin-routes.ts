import type { ServerContext } from '../http'
import { confirmPage, countersPage, ownersPage, type Notice } from './admin-pages'
import { listCounters, openCodes, revokeCode, revokeCounter } from './counters'
import type { Lang } from './i18n'
import { ADMIN_WORDS } from './i18n-admin'
import { changePassword, createOwner, disableOwner, listOwners } from './owners'
import { csrfToken, makeSession, sessionCookie, type SessionOwner } from './session'

export interface AdminRequest {
  path: string
  post: boolean
  /** the POST's form (CSRF already checked) */
  form: URLSearchParams
  owner: SessionOwner
  session: string
  lang: Lang
}

export interface AdminReply {
  status: number
  body: string
  cookies?: string[]
}

/**
 * /owners (list, add, change one's own password, disable) and /counters (revoke a terminal, revoke
 * an open enrolment code), for a signed-in owner. Irreversible actions ask first (`confirm=1`).
 * Null when the path is not one of these.
 */
export async function handleAdmin(context: ServerContext, request: AdminRequest): Promise<AdminReply | null> {
  const { pool, config, secret } = context
  const { path, post, form, owner, lang } = request
  const a = ADMIN_WORDS[lang]
  let csrf = csrfToken(secret, request.session)
  const base = { lang, timeZone: config.timeZone }
  const done = (text: string, ok: boolean): Notice => ({ text, bad: !ok })
  const confirming = post && form.get('confirm') !== '1'

  const owners = async (notice?: Notice, cookies?: string[]): Promise<AdminReply> => ({
    status: notice?.bad ? 400 : 200,
    body: ownersPage({ ...base, csrf, notice, me: owner.ownerId, owners: await listOwners(pool) }),
    cookies
  })
  const counters = async (notice?: Notice): Promise<AdminReply> => {
    const [rows, codes] = await Promise.all([listCounters(pool), openCodes(pool)])
    return { status: notice?.bad ? 400 : 200, body: countersPage({ ...base, csrf, notice, counters: rows, codes }) }
  }
  const confirm = (question: string, action: string, fields: Record<string, string>, back: string) => ({
    status: 200,
    body: confirmPage({ ...base, csrf, question, action, fields, back })
  })

  if (path === '/owners' && !post) return owners()
  if (path === '/owners/add' && post) {
    const email = form.get('email') ?? ''
    const result = await createOwner(pool, owner.ownerId, email, form.get('password') ?? '')
    return owners(done(result === 'added' ? a.added(email.trim().toLowerCase()) : a[result], result === 'added'))
  }
  if (path === '/owners/password' && post) {
    const changed = await changePassword(pool, owner.ownerId, form.get('current') ?? '', form.get('next') ?? '')
    if (changed.result !== 'changed') return owners(done(a[changed.result], false))
    // this session goes on under the new epoch; every other one of this owner's ends
    const session = makeSession(secret, { ownerId: owner.ownerId, epoch: changed.epoch })
    csrf = csrfToken(secret, session)
    return owners(done(a.changed, true), [sessionCookie(session, config.secureCookies)])
  }
  if (path === '/owners/disable' && post) {
    const target = Number(form.get('owner'))
    const email = (await listOwners(pool)).find((one) => one.id === target)?.email
    if (!email) return owners(done(a.unknown, false))
    if (confirming) return confirm(a.confirmDisable(email), path, { owner: String(target) }, '/owners')
    const result = await disableOwner(pool, owner.ownerId, target)
    return owners(done(result === 'disabled' ? a.disabledDone(email) : a[result], result === 'disabled'))
  }
  if (path === '/counters' && !post) return counters()
  if (path === '/counters/revoke' && post) {
    const terminal = form.get('terminal') ?? ''
    const row = (await listCounters(pool)).find((one) => one.id === terminal && one.revokedAt === null)
    if (!row) return counters(done(a.gone, false))
    const name = `${row.agency}, ${row.counter}`
    if (confirming) return confirm(a.confirmRevoke(name), path, { terminal }, '/counters')
    const revoked = await revokeCounter(pool, owner.ownerId, terminal)
    return counters(done(revoked ? a.revokedDone(name) : a.gone, revoked))
  }
  if (path === '/codes/revoke' && post) {
    const id = Number(form.get('code'))
    const row = (await openCodes(pool)).find((one) => one.id === id)
    if (!row) return counters(done(a.gone, false))
    if (confirming) return confirm(a.confirmCode(row.hint ?? '····'), path, { code: String(id) }, '/counters')
    const revoked = await revokeCode(pool, id)
    return counters(done(revoked ? a.codeRevoked : a.gone, revoked))
  }
  return null
}
