import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '@renderer/app/App'
import { fakeApi } from './fake-api'
import { listedApi } from './outbox-fixtures'
import { searchField, settle } from './render'

/*
 * The panels a shortcut opens are chunks loaded on demand (app/panels.tsx). Vitest gives every
 * test file its own modules, so here each panel's chunk is not loaded until its first press;
 * renderApp() is not used, because it loads them all first. The window's own idle preload is
 * held back, so nothing loads behind the tests' backs.
 */
const LOAD = { timeout: 10_000 }

beforeEach(() => {
  vi.stubGlobal(
    'requestIdleCallback',
    vi.fn(() => 1)
  )
  vi.stubGlobal('cancelIdleCallback', vi.fn())
})
afterEach(() => {
  cleanup() // before the stubs go: unmounting cancels the idle callback
  vi.unstubAllGlobals()
})

async function renderCold(api = fakeApi()) {
  const user = userEvent.setup()
  const view = render(<App api={api} />)
  await settle()
  expect(document.activeElement).toBe(searchField())
  return { ...view, user, api }
}

/** The focused element, named as a teller's screen reader would say it. */
function focusedName(): string {
  const active = document.activeElement as HTMLElement | null
  if (!active) return ''
  const labelled = active.getAttribute('aria-labelledby')
  const label =
    active.getAttribute('aria-label') ??
    (labelled ? document.getElementById(labelled)?.textContent : null) ??
    (active as HTMLInputElement).labels?.[0]?.textContent ??
    active.textContent
  return `${active.getAttribute('role') ?? active.tagName.toLowerCase()}: ${label ?? ''}`
}

const panels = [
  { key: '{F2}', title: 'Depósitos LuxCore', focus: /^input: Monto \(MXN\)/, asked: 'luxcore.status', api: fakeApi },
  // a list that arrives with the panel takes the focus from the dialog, as it does when it arrives later
  { key: '{F6}', title: 'Cola de envíos', focus: /^listbox: Envíos/, asked: 'outbox.list', api: listedApi },
  {
    key: '{F3}',
    title: 'Abrir turno',
    loading: 'Turno',
    focus: /^input: Fondo inicial en USD/,
    asked: 'shift.current',
    api: fakeApi
  },
  {
    key: '{Control>},{/Control}',
    title: 'Ajustes',
    focus: /^select: Entorno de Luka/,
    asked: 'settings.get',
    api: fakeApi
  }
] as const

describe('a panel pressed open before its code is here', () => {
  it.each(panels)(
    '$key: a loading dialog owns the keys, then “$title” opens with the focus where it always lands',
    async (panel) => {
      const { user, api } = await renderCold(panel.api())
      const askedBefore = api[panel.asked].mock.calls.length
      const signInsBefore = api['luka.signIn'].mock.calls.length
      await user.keyboard(panel.key)

      // at once: a modal dialog with a status line, focused, so screen shortcuts wait
      const loading = screen.getByRole('dialog', {
        name: `Abriendo ${'loading' in panel ? panel.loading : panel.title}…`
      })
      expect(loading.getAttribute('aria-modal')).toBe('true')
      expect(within(loading).getByRole('status').textContent).toBe('Cargando…')
      expect(document.activeElement).toBe(loading)
      // the panel's data is asked for while its code loads
      expect(api[panel.asked].mock.calls.length).toBeGreaterThan(askedBefore)
      // a screen shortcut pressed meanwhile does nothing (Ctrl+L would sign in to Luka)
      await user.keyboard('{Control>}l{/Control}')
      expect(api['luka.signIn'].mock.calls.length).toBe(signInsBefore)

      const dialog = await screen.findByRole('dialog', { name: panel.title }, LOAD)
      expect(screen.queryByRole('dialog', { name: /^Abriendo/ })).toBeNull()
      expect(dialog.contains(document.activeElement)).toBe(true)
      const cold = focusedName()
      expect(cold).toMatch(panel.focus)

      // Esc gives the focus back to the search field, as it always has
      await user.keyboard('{Escape}')
      await settle()
      expect(screen.queryByRole('dialog')).toBeNull()
      expect(document.activeElement).toBe(searchField())

      // the second time the chunk is here: the panel opens in the same render, focus in the same place
      await user.keyboard(panel.key)
      expect(screen.queryByRole('dialog', { name: /^Abriendo/ })).toBeNull()
      await settle()
      expect(screen.getByRole('dialog', { name: panel.title }).contains(document.activeElement)).toBe(true)
      expect(focusedName()).toBe(cold)
    }
  )

  it('F4: Esc while the journal loads closes it, the search keeps the focus, and the view does not pop up later', async () => {
    const { user, api } = await renderCold()
    await user.keyboard('{F4}')
    const loading = screen.getByRole('dialog', { name: 'Abriendo Diario de la taquilla…' })
    expect(document.activeElement).toBe(loading)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(searchField())
    await import('@renderer/features/journal/JournalView')
    await settle()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(searchField())

    // once the chunk is here (the next press finds it), F4 opens the view with its list focused
    await user.keyboard('{F4}')
    const dialog = await screen.findByRole('dialog', { name: 'Diario de la taquilla' }, LOAD)
    expect(document.activeElement).toBe(within(dialog).getByRole('listbox', { name: 'Entradas del diario' }))
    expect(api['journal.query']).toHaveBeenCalled()
    await user.keyboard('{Escape}')
    expect(document.activeElement).toBe(searchField())
  })
})
