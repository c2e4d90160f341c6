import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '@shared/books'
import { fakeApi } from './fake-api'
import { journalEntry, verification } from './fake-books'
import { renderApp, settle } from './render'

const TOTAL = 100_000

/** Entry `index` of a journal of 100 000, newest first (seq 100 000 at the top). */
const entryAt = (index: number): JournalEntry =>
  journalEntry({
    seq: TOTAL - index,
    refs: { reference: `R${TOTAL - index}` },
    action: 'lookup',
    amount: null,
    result: 'found',
    detail: {}
  })

function bigJournal() {
  const api = fakeApi()
  api['journal.query'].mockImplementation(async ({ offset = 0, limit = 100 }) => {
    const items: JournalEntry[] = []
    for (let index = offset; index < Math.min(TOTAL, offset + limit); index++) items.push(entryAt(index))
    return { ok: true, value: { items, total: TOTAL } }
  })
  return api
}

async function openJournal(api = bigJournal()) {
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{F4}')
  await settle()
  const dialog = screen.getByRole('dialog', { name: 'Diario de la taquilla' })
  return { ...rendered, dialog, list: within(dialog).getByRole('listbox', { name: 'Entradas del diario' }) }
}

const offsets = (api: ReturnType<typeof fakeApi>): number[] =>
  api['journal.query'].mock.calls.map(([query]) => query.offset ?? 0)
const selectedText = (list: HTMLElement): string =>
  document.getElementById(list.getAttribute('aria-activedescendant') ?? '')?.textContent ?? ''

describe('the journal view (F4)', () => {
  it('opens from the status bar key with the list focused and asks for the first page', async () => {
    const { api, list, dialog } = await openJournal()
    expect(screen.getByRole('button', { name: 'Diario' }).getAttribute('aria-keyshortcuts')).toBe('F4')
    expect(document.activeElement).toBe(list)
    expect(api['journal.query']).toHaveBeenCalledWith({ text: '', offset: 0, limit: 200 })
    expect(within(dialog).getByText('Entradas: 100000')).toBeTruthy()
  })

  it('keeps only a window of rows in the DOM for 100 000 entries, over a spacer of the full height', async () => {
    const { list } = await openJournal()
    const rows = within(list).getAllByRole('option')
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.length).toBeLessThanOrEqual(40)
    expect(rows[0]?.getAttribute('aria-setsize')).toBe(String(TOTAL))
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1')
    expect(rows[0]?.textContent).toContain('R100000')
    const spacer = list.querySelector<HTMLElement>('.virtual-spacer')
    expect(spacer?.style.getPropertyValue('--virtual-height')).toBe(`${TOTAL * 32}px`)
    expect(selectedText(list)).toContain('R100000')
  })

  it('↓, AvPág, Fin and Inicio move the selection, scroll it into view and fetch the pages it reaches', async () => {
    const { user, api, list } = await openJournal()
    await user.keyboard('{ArrowDown}')
    expect(selectedText(list)).toContain('R99999')
    await user.keyboard('{PageDown}')
    expect(selectedText(list)).toContain(`R${TOTAL - 15}`) // 1 + 14 (a page of 15 rows less one)
    await user.keyboard('{End}')
    await settle()
    expect(selectedText(list)).toContain('R1')
    expect(list.querySelector('[aria-selected="true"]')?.getAttribute('aria-posinset')).toBe(String(TOTAL))
    expect(offsets(api)).toContain(99_800)
    expect(within(list).getAllByRole('option').length).toBeLessThanOrEqual(40)
    expect(list.scrollTop).toBe(TOTAL * 32 - 480)
    await user.keyboard('{Home}')
    expect(selectedText(list)).toContain('R100000')
    expect(list.scrollTop).toBe(0)
  })

  it('scrolling far asks for the page under the viewport (page-aligned offsets of 200)', async () => {
    const { api, list } = await openJournal()
    list.scrollTop = 5_000 * 32
    fireEvent.scroll(list)
    await settle()
    expect(offsets(api)).toContain(5_000)
    expect(offsets(api)).toContain(4_800) // the overscan reaches back into the previous page
    const first = within(list).getAllByRole('option')[10]
    expect(first?.textContent).toContain(`R${TOTAL - 5_000}`)
  })

  it('rows say time, action, references, amount, result and operator in the teller’s words', async () => {
    const api = fakeApi()
    api['journal.query'].mockResolvedValue({
      ok: true,
      value: {
        items: [
          journalEntry({
            seq: 7,
            refs: { transactionId: 96336, outboxId: 'ob-1' },
            result: 'delivered',
            action: 'decisionOutcome'
          })
        ],
        total: 1
      }
    })
    const { list } = await openJournal(api)
    const row = within(list).getByRole('option')
    for (const part of ['7', 'Entrega de la decisión', 'Luka 96336', '1.234,50', 'entregado', 'María Pérez'])
      expect(row.textContent).toContain(part)
    expect(row.textContent).not.toContain('ob-1')
  })

  it('filters send the right query and start again from the top', async () => {
    const { user, api, dialog } = await openJournal()
    await user.click(within(dialog).getByRole('textbox', { name: 'Buscar referencia, transacción o monto' }))
    await user.keyboard('16,03')
    await waitFor(() => expect(api['journal.query']).toHaveBeenLastCalledWith({ text: '16,03', offset: 0, limit: 200 }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Acción' }), 'Decisión')
    await settle()
    expect(api['journal.query']).toHaveBeenLastCalledWith({ text: '16,03', action: 'decision', offset: 0, limit: 200 })
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Resultado' }), 'entregado')
    await settle()
    expect(api['journal.query']).toHaveBeenLastCalledWith({
      text: '16,03',
      action: 'decision',
      result: 'delivered',
      offset: 0,
      limit: 200
    })
    fireEvent.change(within(dialog).getByLabelText('Día'), { target: { value: '2024-05-02' } })
    await settle()
    expect(api['journal.query']).toHaveBeenLastCalledWith({
      text: '16,03',
      day: '2024-05-02',
      action: 'decision',
      result: 'delivered',
      offset: 0,
      limit: 200
    })
  })

  it('Enter in the search sends it at once and goes to the list', async () => {
    const { user, api, dialog, list } = await openJournal()
    await user.click(within(dialog).getByRole('textbox', { name: 'Buscar referencia, transacción o monto' }))
    await user.keyboard('96336{Enter}')
    expect(api['journal.query']).toHaveBeenLastCalledWith({ text: '96336', offset: 0, limit: 200 })
    expect(document.activeElement).toBe(within(dialog).getByRole('listbox'))
    expect(list).toBeTruthy()
  })
})

describe('journal integrity', () => {
  const broken = verification({ ok: false, entries: 40, firstBad: { seq: 12, line: 12, reason: 'edited' } })
  const sentence = 'El diario fue alterado: primera entrada inválida nº 12 (línea 12, modificada)'

  it('a broken chain is an alert in the status bar, app-wide, and in the journal view; “Verificar ahora” checks again', async () => {
    const api = fakeApi()
    api['journal.status'].mockResolvedValue({ ok: true, value: broken })
    const { user } = await renderApp(api)
    const bar = screen.getByRole('contentinfo', { name: 'Barra de estado' })
    expect(within(bar).getByRole('alert').textContent).toContain(sentence)
    await user.keyboard('{F4}')
    await settle()
    const view = within(screen.getByRole('dialog')).getByRole('region', { name: 'Integridad del diario' })
    expect(within(view).getByRole('alert').textContent).toBe(sentence)
    api['journal.verify'].mockResolvedValue({ ok: true, value: verification({ entries: 41 }) })
    await user.click(within(view).getByRole('button', { name: 'Verificar ahora' }))
    await settle()
    expect(api['journal.verify']).toHaveBeenCalledTimes(1)
    expect(within(view).queryByRole('alert')).toBeNull()
    expect(view.textContent).toContain('Diario íntegro: 41 entradas verificadas')
    expect(within(bar).queryByRole('alert')).toBeNull()
  })

  it('follows journal.changed: the warning appears as soon as main finds the chain broken', async () => {
    const { api } = await renderApp()
    const bar = screen.getByRole('contentinfo', { name: 'Barra de estado' })
    expect(within(bar).queryByRole('alert')).toBeNull()
    api.emit('journal.changed', verification({ ok: false, firstBad: { seq: null, line: 3, reason: 'malformed' } }))
    await settle()
    expect(within(bar).getByRole('alert').textContent).toContain('primera entrada inválida en la línea 3 (ilegible)')
  })

  it('a recovered torn write is a quiet note, not an alert', async () => {
    const api = fakeApi()
    api['journal.status'].mockResolvedValue({ ok: true, value: verification({ tornTail: true }) })
    await renderApp(api)
    const bar = screen.getByRole('contentinfo', { name: 'Barra de estado' })
    expect(within(bar).queryByRole('alert')).toBeNull()
    expect(bar.textContent).toContain('Se recuperó una escritura interrumpida')
  })

  it('new entries while the view is open: the list reloads and keeps the selected entry selected', async () => {
    const entries = [
      journalEntry({ seq: 1, refs: { reference: 'A' } }),
      journalEntry({ seq: 2, refs: { reference: 'B' } })
    ]
    const api = fakeApi()
    api['journal.query'].mockImplementation(async ({ offset = 0, limit = 100 }) => {
      const items = [...entries].reverse().slice(offset, offset + limit)
      return { ok: true, value: { items, total: entries.length } }
    })
    const { user } = await renderApp(api)
    await user.keyboard('{F4}')
    await settle()
    const list = screen.getByRole('listbox', { name: 'Entradas del diario' })
    await user.keyboard('{ArrowDown}')
    expect(selectedText(list)).toContain('Ref. A')
    entries.push(journalEntry({ seq: 3, refs: { reference: 'C' } }))
    api.emit('journal.changed', verification({ entries: 3 }))
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3))
    expect(selectedText(list)).toContain('Ref. A')
  })
})
