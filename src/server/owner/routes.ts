import type { IncomingMessage, ServerResponse } from 'node:http'
import { JournalEntrySchema } from '@shared/books'
import { ShiftBook } from '../../main/books/shift'
import type { Journal } from '../../main/journal/journal'
import type { ServerContext } from '../http'
import { readRaw } from '../http'
import { createEnrolmentCode } from '../ledger/enrol'
import { checkOwner } from './accounts'
import { dayCsv } from './csv'
import { STYLE } from './html'
import { pickLang, WORDS, type Lang } from './i18n'
import { dayPage, signInPage, zReportPage } from './pages'
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
    return send(response, { status: 200, type: HTML, body: signInPage(lang, false), cookies: langCookie })
  if (path === '/signin') {
    const owner = await checkOwner(pool, form.get('email') ?? '', form.get('password') ?? '')
    if (owner === null) return send(response, { status: 401, type: HTML, body: signInPage(lang, true) })
    const session = makeSession(secret, owner)
    return send(response, { status: 303, location: '/day', cookies: [sessionCookie(session, config.secureCookies)] })
  }

  const session = cookies[SESSION_COOKIE]
  if (!session || readSession(secret, session) === null)
    return send(response, { status: 303, location: '/signin', cookies: langCookie })
  if (post && !csrfValid(secret, session, form.get('csrf') ?? undefined))
    return send(response, { status: 403, type: HTML, body: w.forbidden })

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
    const code = post ? await createEnrolmentCode(pool, readSession(secret, session)) : undefined
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
