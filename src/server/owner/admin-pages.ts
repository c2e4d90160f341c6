import type { CodeRow, CounterRow } from './counters'
import { html, page, table, time, type Html } from './html'
import { WORDS, type Lang } from './i18n'
import { ADMIN_WORDS } from './i18n-admin'
import type { OwnerRow } from './owners'

/** A line above the page's content: done (status) or refused (alert). */
export interface Notice {
  text: string
  bad: boolean
}

interface AdminPage {
  lang: Lang
  timeZone: string
  csrf: string
  notice?: Notice
}

const hidden = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}" />`

/** The sections of the owner's page, and sign-out (shown on the day's page and these). */
export function nav(lang: Lang, csrf: string): Html {
  const a = ADMIN_WORDS[lang]
  return html`<nav aria-label="${a.nav}">
    <a href="/day">${a.dayLink}</a> · <a href="/counters">${a.countersLink}</a> · <a href="/owners">${a.ownersLink}</a>
    <form method="post" action="/signout">${hidden(csrf)}<button type="submit">${WORDS[lang].signOut}</button></form>
  </nav>`
}

const notice = (value: Notice | undefined) =>
  value ? html`<p role="${value.bad ? 'alert' : 'status'}" class="${value.bad ? 'bad' : ''}">${value.text}</p>` : ''

/** A one-button form posting `fields` (and the form token) to `action`. */
function button(action: string, label: string, text: string, csrf: string, fields: Record<string, string>): Html {
  return html`<form method="post" action="${action}">
    ${hidden(csrf)}${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
    <button type="submit" aria-label="${label}">${text}</button>
  </form>`
}

export function ownersPage(data: AdminPage & { me: number; owners: OwnerRow[] }): string {
  const { lang, csrf } = data
  const a = ADMIN_WORDS[lang]
  const w = WORDS[lang]
  const rows = data.owners.map((owner) => [
    html`${owner.email}${owner.id === data.me ? ` (${a.you})` : ''}`,
    html`${owner.disabledAt ? `${a.disabled} (${time(lang, owner.disabledAt, data.timeZone)})` : a.active}`,
    html`${time(lang, owner.createdAt, data.timeZone)}`,
    html`${owner.createdBy ?? '—'}`,
    owner.disabledAt || owner.id === data.me
      ? html`—`
      : button('/owners/disable', a.disableWho(owner.email), a.disable, csrf, { owner: String(owner.id) })
  ])
  return page(
    lang,
    `${w.title} — ${a.owners}`,
    html`${nav(lang, csrf)}
      <main>
        <h1>${a.owners}</h1>
        ${notice(data.notice)} ${table(w, a.owners, [a.email, a.status, a.createdAt, a.createdBy, a.actions], rows)}
        <h2>${a.addOwner}</h2>
        <form method="post" action="/owners/add">
          ${hidden(csrf)}
          <p>
            <label>${a.email} <input name="email" type="email" autocomplete="off" required /></label>
          </p>
          <p>
            <label
              >${a.initialPassword}
              <input name="password" type="password" autocomplete="new-password" minlength="12" required
            /></label>
          </p>
          <p><button type="submit">${a.add}</button></p>
        </form>
        <h2>${a.changePassword}</h2>
        <form method="post" action="/owners/password">
          ${hidden(csrf)}
          <p>
            <label
              >${a.currentPassword} <input name="current" type="password" autocomplete="current-password" required
            /></label>
          </p>
          <p>
            <label
              >${a.newPassword} <input name="next" type="password" autocomplete="new-password" minlength="12" required
            /></label>
          </p>
          <p><button type="submit">${a.change}</button></p>
        </form>
      </main>`
  )
}

export function countersPage(data: AdminPage & { counters: CounterRow[]; codes: CodeRow[] }): string {
  const { lang, csrf, timeZone } = data
  const a = ADMIN_WORDS[lang]
  const w = WORDS[lang]
  const name = (row: CounterRow) => `${row.agency}, ${row.counter}`
  const counters = data.counters.map((row) => [
    html`${row.agency}`,
    html`${row.counter}`,
    html`${time(lang, row.enrolledAt, timeZone)}`,
    html`${row.lastSeq}`,
    row.revokedAt
      ? html`<span class="bad">${a.revokedBy(row.revokedBy ?? '—', time(lang, row.revokedAt, timeZone))}</span>`
      : html`${a.working}`,
    row.revokedAt ? html`—` : button('/counters/revoke', a.revokeWho(name(row)), a.revoke, csrf, { terminal: row.id })
  ])
  const codes = data.codes.map((row) => [
    html`····-····-${row.hint ?? '····'}`,
    html`${time(lang, row.createdAt, timeZone)}`,
    html`${row.createdBy ?? '—'}`,
    html`${time(lang, row.expiresAt, timeZone)}`,
    button('/codes/revoke', a.revokeCode(row.hint ?? '····'), a.revoke, csrf, { code: String(row.id) })
  ])
  return page(
    lang,
    `${w.title} — ${a.counters}`,
    html`${nav(lang, csrf)}
      <main>
        <h1>${a.counters}</h1>
        ${notice(data.notice)}
        ${table(w, a.counters, [w.agency, w.counter, a.enrolledAt, a.lastSeq, a.status, a.actions], counters)}
        <h2>${a.codes}</h2>
        ${table(w, a.codes, [a.code, a.createdAt, a.createdBy, a.expiresAt, a.actions], codes)}
      </main>`
  )
}

/** Asks before an action that cannot be undone on the page (no script: a second form post). */
export function confirmPage(
  data: AdminPage & { question: string; action: string; fields: Record<string, string>; back: string }
): string {
  const a = ADMIN_WORDS[data.lang]
  return page(
    data.lang,
    a.confirmTitle,
    html`<main>
      <h1>${a.confirmTitle}</h1>
      <p>${data.question}</p>
      ${button(data.action, a.yesDo, a.yesDo, data.csrf, { ...data.fields, confirm: '1' })}
      <p><a href="${data.back}">${a.cancel}</a></p>
    </main>`
  )
}
