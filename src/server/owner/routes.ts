import type { IncomingMessage, ServerResponse } from 'node:http'
import { JournalEntrySchema } from '@shared/books'
import { ShiftBook } from '../../main/books/shift'
import type { Journal } from '../../main/journal/journal'
import type { ServerContext } from '../http'
import { readRaw } from '../http'
import { createEnrolmentCode } from '../ledger/enrol'
import { checkOwner } from './accounts'
import { handleAdmin } from './admin-routes'
import { dayCsv } from './csv'
import { STYLE } from './html'
import { LOCALE, pickLang, WORDS, type Lang } from './i18n'
import { ADMIN_WORDS } from './i18n-admin'
import { sessionActive } from './owners'
import { dayPage, signInPage, zReportPage } from './pages'
import { accountKey, addressKey, beginAttempt, recordSuccess } from './signin-limit'
import { dayShifts } from './reconcile'
import { csrfToken, csrfValid, makeSession, readCookies, readSession, SESSION_COOKIE, sessionCookie } from './session'
import { incidents, operatorTotals, terminalStatus, unconfirmed } from './status'

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  // not no-referrer: under it Chromium sends `Origin: null` with our own form posts
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store'
}

interface Reply {
  status: number
  type?: string
  body?: string
  location?: string
  cookies?: string[]
  headers?: Record<string, string>
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, {
    ...SECURITY_HEADERS,
    ...(reply.type ? { 'content-type': reply.type } : {}),
    ...(reply.location ? { location: reply.location } : {}),
    ...(reply.cookies ? { 'set-cookie': reply.cookies } : {}),
    ...reply.headers
  })
  response.end(reply.body ?? '')
}

const HTML = 'text/html; charset=utf-8'
const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A POST must come from our own page: the browser's Origin names this host. With SameSite=Strict
 * cookies and the session's form token this closes cross-site requests (CSRF) three ways.
 */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin
  if (!origin) return false
  try {
    return new URL(origin).host === request.headers.host
  } catch {
    return false
  }
}

/**
 * The client's address for the sign-in limit: the socket's, or behind a proxy we trust
 * (TAQUILLA_TRUST_PROXY=1) the last X-Forwarded-For entry — the one our proxy added itself.
 */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for']
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim()
  return trustProxy && last ? last : (request.socket.remoteAddress ?? 'unknown')
}

/** The owner's page: sign-in, the day's reconciliation, Z reports, CSV, enrolment codes. */
export async function handleOwner(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL
): Promise<void> {
  const { pool, secret, config } = context
  const cookies = readCookies(request.headers.cookie)
  const asked = url.searchParams.get('lang')
  const lang: Lang = pickLang(asked, cookies['tq_lang'], request.headers['accept-language'])
  const langCookie = asked === lang ? [`tq_lang=${lang}; Path=/; SameSite=Strict; Max-Age=31536000`] : []
  const w = WORDS[lang]
  const path = url.pathname
  const post = request.method === 'POST'
  if (!post && request.method !== 'GET') return send(response, { status: 405 })
  if (post && !sameOrigin(request)) return send(response, { status: 403, type: HTML, body: w.forbidden })
  const form = post ? new URLSearchParams((await readRaw(request)).toString('utf8')) : new URLSearchParams()

  if (path === '/owner.css') return send(response, { status: 200, type: 'text/css; charset=utf-8', body: STYLE })
  if (path === '/signin' && !post)
    return send(response, { status: 200, type: HTML, body: signInPage(lang, null), cookies: langCookie })
  if (path === '/signin') {
    const email = form.get('email') ?? ''
    const keys = [accountKey(email), addressKey(clientAddress(request, config.trustProxy))] as const
    // refused before any scrypt, the same for known and unknown emails; the try is counted first
    const { ids, until } = await beginAttempt(pool, ...keys)
    if (ids === null) {
      const clock = until.toLocaleTimeString(LOCALE[lang], { timeZone: config.timeZone, timeStyle: 'short' })
      const body = signInPage(lang, ADMIN_WORDS[lang].tooMany(clock))
      const retry = String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)))
      return send(response, { status: 429, type: HTML, body, headers: { 'retry-after': retry } })
    }
    const owner = await checkOwner(pool, email, form.get('password') ?? '')
    if (owner === null) return send(response, { status: 401, type: HTML, body: signInPage(lang, w.badSignIn) })
    await recordSuccess(pool, keys[0], ids)
    const session = makeSession(secret, owner)
    return send(response, { status: 303, location: '/day', cookies: [sessionCookie(session, config.secureCookies)] })
  }

  const session = cookies[SESSION_COOKIE]
  const owner = readSession(secret, session)
  // checked at every request: a disabled owner's (or a changed password's older) sessions end at once
  if (!session || owner === null || !(await sessionActive(pool, owner)))
    return send(response, {
      status: 303,
      location: '/signin',
      cookies: [...langCookie, ...(session ? [sessionCookie('', config.secureCookies, 0)] : [])]
    })
  if (post && !csrfValid(secret, session, form.get('csrf') ?? undefined))
    return send(response, { status: 403, type: HTML, body: w.forbidden })
  const admin = await handleAdmin(context, { path, post, form, owner, session, lang })
  if (admin) return send(response, { ...admin, type: HTML, cookies: [...langCookie, ...(admin.cookies ?? [])] })

  if (path === '/signout' && post)
    return send(response, { status: 303, location: '/signin', cookies: [sessionCookie('', config.secureCookies, 0)] })
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone }).format(new Date())
  const day = url.searchParams.get('date') ?? today
  if (!DAY.test(day) || Number.isNaN(Date.parse(day))) return send(response, { status: 400, type: HTML, body: w.none })

  if (path === '/' && !post) return send(response, { status: 303, location: '/day' })
  if (path === '/day.csv' && !post)
    return send(response, {
      status: 200,
      type: 'text/csv; charset=utf-8',
      body: dayCsv(await dayShifts(pool, day), lang),
      headers: { 'content-disposition': `attachment; filename="taquilla-${day}.csv"` }
    })
  if ((path === '/day' && !post) || (path === '/codes' && post)) {
    const code = post ? await createEnrolmentCode(pool, owner.ownerId) : undefined
    const [shifts, operators, waiting, terminals, found] = await Promise.all([
      dayShifts(pool, day),
      operatorTotals(pool, day),
      unconfirmed(pool, day),
      terminalStatus(pool, config.silentAfterMs),
      incidents(pool)
    ])
    const body = dayPage({
      lang,
      timeZone: config.timeZone,
      day,
      csrf: csrfToken(secret, session),
      shifts,
      operators,
      unconfirmed: waiting,
      terminals,
      incidents: found,
      code
    })
    return send(response, { status: 200, type: HTML, body, cookies: langCookie })
  }
  if (path === '/shift' && !post) return zReport(context, response, url, lang)
  return send(response, { status: 404, type: HTML, body: w.none })
}

/** A shift's Z report by the counter's own ShiftBook over the entries the server holds. */
async function zReport(context: ServerContext, response: ServerResponse, url: URL, lang: Lang): Promise<void> {
  const terminal = url.searchParams.get('terminal') ?? ''
  const shiftId = url.searchParams.get('shift') ?? ''
  const { rows } = await context.pool.query(
    `SELECT s.opened_seq, s.day, coalesce(s.closed_seq, t.last_seq) AS last, t.agency, t.counter
       FROM shifts s JOIN terminals t ON t.id = s.terminal_id
      WHERE s.terminal_id::text = $1 AND s.shift_id = $2`,
    [terminal, shiftId]
  )
  const shift = rows[0]
  if (!shift) return send(response, { status: 404, type: HTML, body: WORDS[lang].none })
  const entries = await context.pool.query(
    'SELECT body FROM entries WHERE terminal_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
    [terminal, shift.opened_seq, shift.last]
  )
  const parsed = entries.rows.map((row) => JournalEntrySchema.parse(JSON.parse(row.body as string)))
  // ShiftBook's report reads only entriesOfShift() and verification: the stored entries stand in for the journal
  const journal = {
    entriesOfShift: (id: string) => (id === shiftId ? parsed : null),
    verification: { ok: true }
  } as unknown as Journal
  const report = new ShiftBook(journal).report(shiftId)
  const where = { agency: shift.agency as string, counter: shift.counter as string, day: shift.day as string }
  send(response, { status: 200, type: HTML, body: zReportPage(lang, context.config.timeZone, where, report) })
}
