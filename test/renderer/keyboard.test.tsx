import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/react'
import { panelRegistry } from '@renderer/app/panel-registry'
import { shortcutHint, shortcuts, type ShortcutId } from '@renderer/shared/keyboard/shortcuts'
import { renderApp } from './render'

describe('key caps per language', () => {
  it('names the keys as a Spanish or an English keyboard prints them', () => {
    const pairs: [ShortcutId, string, string][] = [
      ['discard', 'Supr', 'Del'],
      ['previousPage', 'RePág', 'PgUp'],
      ['nextPage', 'AvPág', 'PgDn'],
      ['firstRow', 'Inicio', 'Home'],
      ['lastRow', 'Fin', 'End'],
      ['openSettings', 'Ctrl+,', 'Ctrl+,'],
      ['clear', 'Esc', 'Esc'],
      ['searchByReference', 'Alt+1', 'Alt+1'],
      ['previousRow', '↑', '↑']
    ]
    for (const [id, es, en] of pairs) {
      expect(shortcutHint(id, 'es'), id).toBe(es)
      expect(shortcutHint(id, 'en'), id).toBe(en)
    }
  })
})

describe('panel registry', () => {
  it('gives every registered panel one launcher in the status bar, with its key declared and shown', async () => {
    await renderApp()
    const bar = screen.getByRole('contentinfo')
    const declared = [...bar.querySelectorAll('button[aria-keyshortcuts]')].map((b) =>
      b.getAttribute('aria-keyshortcuts')
    )
    for (const def of panelRegistry) {
      expect(declared, def.id).toContain(shortcuts[def.shortcut].aria)
    }
    expect(new Set(panelRegistry.map((def) => def.shortcut)).size).toBe(panelRegistry.length)
  })
})
