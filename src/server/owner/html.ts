import { formatMoney } from '@shared/money'
import { LOCALE, type Lang, type Words } from './i18n'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Everything that comes from the database or a request goes through here before it is HTML. */
export const escape = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]!)

/** Marks text that is already HTML (built from escaped parts). */
export class Html {
  constructor(readonly text: string) {}
}
export const html = (strings: TemplateStringsArray, ...values: unknown[]): Html =>
  new Html(
    strings.reduce((out, part, index) => {
      const value = index === 0 ? '' : values[index - 1]
      const text = Array.isArray(value)
        ? value.map((item) => (item instanceof Html ? item.text : escape(item))).join('')
        : value instanceof Html
          ? value.text
          : escape(value)
      return out + text + part
    }, '')
  )

export const money = (lang: Lang, minor: number | null, currency: string) =>
  minor === null ? '—' : formatMoney({ minor, currency }, LOCALE[lang])

export const time = (lang: Lang, iso: string | null, timeZone: string) =>
  iso === null ? '—' : new Date(iso).toLocaleString(LOCALE[lang], { timeZone, dateStyle: 'short', timeStyle: 'short' })

/** A table with a caption-less header row; `empty` when there are no rows. */
export function table(words: Words, label: string, head: string[], rows: Html[][]): Html {
  if (rows.length === 0) return html`<p>${words.none}</p>`
  return html`<table aria-label="${label}">
    <thead>
      <tr>
        ${head.map((cell) => html`<th scope="col">${cell}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell) => html`<td>${cell}</td>`)}
          </tr>`
      )}
    </tbody>
  </table>`
}

export const STYLE = `body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
td{font-variant-numeric:tabular-nums}header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.bad{color:#a40000;font-weight:600}.code{font:600 1.6rem monospace;letter-spacing:.1em}`

export function page(lang: Lang, title: string, body: Html): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(title)}</title><link rel="stylesheet" href="/owner.css"></head><body>${body.text}</body></html>`
}
