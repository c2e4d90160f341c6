import type { ZReport } from '@shared/books'
import { nav } from './admin-pages'
import { html, money, page, table, time, type Html } from './html'
import { WORDS, type Lang } from './i18n'
import { ADMIN_WORDS } from './i18n-admin'
import type { ShiftRow } from './reconcile'
import type { IncidentRow, OperatorRow, TerminalStatus, UnconfirmedRow } from './status'

export interface DayData {
  lang: Lang
  timeZone: string
  day: string
  csrf: string
  shifts: ShiftRow[]
  operators: OperatorRow[]
  unconfirmed: UnconfirmedRow[]
  terminals: TerminalStatus[]
  incidents: IncidentRow[]
  /** a fresh enrolment code, shown once */
  code?: string
}

/** `problem`: why the last try was refused (wrong password, too many tries), or null. */
export function signInPage(lang: Lang, problem: string | null): string {
  const w = WORDS[lang]
  return page(
    lang,
    w.signInTitle,
    html`<main>
      <h1>${w.signInTitle}</h1>
      ${problem ? html`<p role="alert" class="bad">${problem}</p>` : ''}
      <form method="post" action="/signin">
        <p>
          <label>${w.email} <input name="email" type="email" autocomplete="username" required autofocus /></label>
        </p>
        <p>
          <label
            >${w.password} <input name="password" type="password" autocomplete="current-password" required
          /></label>
        </p>
        <p><button type="submit">${w.signIn}</button></p>
      </form>
      <p><a href="/signin?lang=es" lang="es">Español</a> · <a href="/signin?lang=en" lang="en">English</a></p>
    </main>`
  )
}

const count = (lang: Lang, value: { count: number; minor: number }, currency: string) =>
  `${value.count} · ${money(lang, value.minor, currency)}`

function totals(rows: ShiftRow[]): ShiftRow[] {
  const merged = new Map<string, ShiftRow>()
  const add = (a: { count: number; minor: number }, b: { count: number; minor: number }) => {
    a.count += b.count
    a.minor += b.minor
  }
  for (const row of rows) {
    const key = `${row.agency}\u0000${row.currency}`
    const into = merged.get(key)
    if (!into) {
      merged.set(key, structuredClone(row))
      continue
    }
    into.float += row.float
    for (const field of ['approvals', 'approvalsWaiting', 'rejections', 'deposits', 'links'] as const)
      add(into[field], row[field])
    into.expected += row.expected
    into.counted = into.counted === null || row.counted === null ? null : into.counted + row.counted
    into.variance = into.counted === null ? null : into.counted - into.expected
  }
  return [...merged.values()]
}

function header(data: DayData): Html {
  const w = WORDS[data.lang]
  return html`<header>
    <h1>${w.title}</h1>
    <form method="get" action="/day">
      <label>${w.day} <input type="date" name="date" value="${data.day}" /></label>
      <button type="submit">${w.show}</button>
    </form>
    <a href="/day.csv?date=${data.day}">${w.csv}</a>
    <a href="/day?date=${data.day}&amp;lang=es" lang="es">Español</a
    ><a href="/day?date=${data.day}&amp;lang=en" lang="en">English</a>
    ${nav(data.lang, data.csrf)}
  </header>`
}

export function dayPage(data: DayData): string {
  const { lang } = data
  const w = WORDS[lang]
  const variance = (value: number | null, currency: string) =>
    value ? html`<span class="bad">${money(lang, value, currency)}</span>` : html`${money(lang, value, currency)}`
  const cashColumns = [
    w.currency,
    w.float,
    w.approvals,
    w.waiting,
    w.rejections,
    w.deposits,
    w.links,
    w.expected,
    w.counted,
    w.variance
  ]
  const cash = (row: ShiftRow): Html[] => [
    html`${row.currency}`,
    html`${money(lang, row.float, row.currency)}`,
    html`${count(lang, row.approvals, row.currency)}`,
    html`${count(lang, row.approvalsWaiting, row.currency)}`,
    html`${count(lang, row.rejections, row.currency)}`,
    html`${count(lang, row.deposits, row.currency)}`,
    html`${count(lang, row.links, row.currency)}`,
    html`${money(lang, row.expected, row.currency)}`,
    html`${money(lang, row.counted, row.currency)}`,
    variance(row.variance, row.currency)
  ]
  const status = (terminal: TerminalStatus) =>
    terminal.revoked
      ? ADMIN_WORDS[lang].revoked
      : terminal.silent
        ? w.silent
        : terminal.stuck
          ? w.stuck
          : terminal.behind > 0 || terminal.heldEntries > 0
            ? w.lagging
            : w.ok
  return page(
    lang,
    `${w.title} — ${data.day}`,
    html`${header(data)}
      <main>
        <h2>${w.totals}</h2>
        ${table(
          w,
          w.totals,
          [w.agency, ...cashColumns],
          totals(data.shifts).map((row) => [html`${row.agency}`, ...cash(row)])
        )}
        <h2>${w.shifts}</h2>
        ${table(
          w,
          w.shifts,
          [w.agency, w.counter, w.operator, w.opened, w.closed, ...cashColumns, w.zReport],
          data.shifts.map((row) => [
            html`${row.agency}`,
            html`${row.counter}`,
            html`${row.operator}`,
            html`${time(lang, row.openedAt, data.timeZone)}`,
            html`${row.closedAt ? time(lang, row.closedAt, data.timeZone) : w.open}`,
            ...cash(row),
            html`<a href="/shift?terminal=${row.terminalId}&amp;shift=${encodeURIComponent(row.shiftId)}"
              >${w.zReport}</a
            >`
          ])
        )}
        <h2>${w.operators}</h2>
        ${table(
          w,
          w.operators,
          [w.agency, w.operator, w.currency, w.approvals, w.rejections, w.deposits, w.links],
          data.operators.map((row) => [
            html`${row.agency}`,
            html`${row.operator}`,
            html`${row.currency}`,
            html`${count(lang, { count: row.approvals, minor: row.approvalsMinor }, row.currency)}`,
            html`${count(lang, { count: row.rejections, minor: row.rejectionsMinor }, row.currency)}`,
            html`${count(lang, { count: row.deposits, minor: row.depositsMinor }, row.currency)}`,
            html`${count(lang, { count: row.links, minor: row.linksMinor }, row.currency)}`
          ])
        )}
        <h2>${w.unconfirmed}</h2>
        ${table(
          w,
          w.unconfirmed,
          [w.agency, w.counter, w.transaction, w.amount, w.state, w.at],
          data.unconfirmed.map((row) => [
            html`${row.agency}`,
            html`${row.counter}`,
            html`${row.transactionId ?? '—'}`,
            html`${money(lang, row.minor, row.currency)}`,
            html`${row.state}`,
            html`${time(lang, row.at, data.timeZone)}`
          ])
        )}
        <h2>${w.terminals}</h2>
        ${table(
          w,
          w.terminals,
          [
            w.agency,
            w.counter,
            w.status,
            w.lastSeq,
            w.journalHead,
            w.behind,
            w.lastHeartbeat,
            w.outbox,
            w.lastError,
            w.appVersion
          ],
          data.terminals.map((row) => [
            html`${row.agency}`,
            html`${row.counter}`,
            status(row) === w.ok ? html`${w.ok}` : html`<span class="bad">${status(row)}</span>`,
            html`${row.lastSeq}`,
            html`${row.heartbeat?.journalHead ?? '—'}`,
            html`${row.behind + row.heldEntries}`,
            html`${row.heartbeat ? time(lang, row.heartbeat.receivedAt, data.timeZone) : w.never}`,
            html`${(row.heartbeat?.outbox ?? []).map((b) => `${b.provider}: ${b.count} (${Math.round(b.oldestAgeMs / 60_000)} min)`).join(', ') || '0'}`,
            html`${row.heartbeat?.lastError ?? '—'}`,
            html`${row.heartbeat?.appVersion ?? '—'}`
          ])
        )}
        <h2>${w.incidents}</h2>
        ${table(
          w,
          w.incidents,
          [w.at, w.agency, w.counter, w.seq, w.kind],
          data.incidents.map((row) => [
            html`${time(lang, row.at, data.timeZone)}`,
            html`${row.agency}`,
            html`${row.counter}`,
            html`${row.seq}`,
            html`<span class="bad">${row.kind === 'fork' ? w.fork : w.chain}</span>`
          ])
        )}
        <h2>${w.enrol}</h2>
        ${data.code ? html`<p>${w.codeMade}: <output class="code" aria-label="${w.codeMade}">${data.code}</output></p>` : ''}
        <form method="post" action="/codes?date=${data.day}">
          <input type="hidden" name="csrf" value="${data.csrf}" /><button type="submit">${w.newCode}</button>
        </form>
      </main>`
  )
}

/** One shift's Z report, computed by the counter's own ShiftBook from the stored entries. */
export function zReportPage(
  lang: Lang,
  timeZone: string,
  where: { agency: string; counter: string; day: string },
  report: ZReport
): string {
  const w = WORDS[lang]
  const { agency, counter, day } = where
  return page(
    lang,
    `${w.zReport} — ${counter}`,
    html`<main>
      <h1>${w.zReport}: ${agency}, ${counter}</h1>
      <p>
        ${w.operator}: ${report.shift.operator} · ${w.opened}: ${time(lang, report.shift.openedAt, timeZone)} ·
        ${w.closed}: ${time(lang, report.shift.closedAt, timeZone)}
      </p>
      ${table(
        w,
        w.zReport,
        [w.currency, w.float, w.approvals, w.waiting, w.rejections, w.deposits, w.expected, w.counted, w.variance],
        report.currencies.map((row) => [
          html`${row.currency}`,
          html`${money(lang, row.float, row.currency)}`,
          html`${count(lang, row.approvals, row.currency)}`,
          html`${count(lang, row.approvalsWaiting, row.currency)}`,
          html`${count(lang, row.rejections, row.currency)}`,
          html`${count(lang, row.deposits, row.currency)}`,
          html`${money(lang, row.expected, row.currency)}`,
          html`${money(lang, row.counted, row.currency)}`,
          html`${money(lang, row.variance, row.currency)}`
        ])
      )}
      <p><a href="/day?date=${day}">${w.back}</a></p>
    </main>`
  )
}
