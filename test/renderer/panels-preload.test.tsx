import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '@renderer/app/App'
import { preloadPanels } from '@renderer/app/Panels'
import { fakeApi } from './fake-api'
import { searchField, settle } from './render'

/*
 * After its first paint the window fetches the panels' chunks while idle, so the first F-key
 * press finds them here. A fresh test file: no chunk is loaded until the idle callback runs.
 */
afterEach(() => {
  cleanup() // before the stubs go: unmounting cancels the idle callback
  vi.unstubAllGlobals()
})

function stubIdle() {
  const idle = { callbacks: [] as (() => void)[], options: [] as unknown[] }
  vi.stubGlobal(
    'requestIdleCallback',
    vi.fn((callback: () => void, options?: unknown) => {
      idle.callbacks.push(callback)
      idle.options.push(options)
      return 7
    })
  )
  vi.stubGlobal('cancelIdleCallback', vi.fn())
  return idle
}

describe('preloading the panels when the window is idle', () => {
  it('asks for an idle moment (at most 2 s away) after the first paint, and lets it go on unmount', async () => {
    const idle = stubIdle()
    const { unmount } = render(<App api={fakeApi()} />)
    await settle()
    expect(idle.callbacks).toHaveLength(1)
    expect(idle.options[0]).toEqual({ timeout: 2000 })
    unmount()
    expect(window.cancelIdleCallback).toHaveBeenCalledWith(7)
  })

  it('once the idle moment has loaded them, every shortcut opens its panel in the same render as the key press', async () => {
    const idle = stubIdle()
    const user = userEvent.setup()
    render(<App api={fakeApi()} />)
    await settle()
    idle.callbacks[0]?.()
    await preloadPanels() // the same loads the idle callback started

    const presses = [
      ['{F2}', 'Depósitos LuxCore'],
      ['{F6}', 'Cola de envíos'],
      ['{F3}', /^(Turno|Abrir turno)$/], // the shift's own loading view, or already its answer
      ['{F4}', 'Diario de la taquilla'],
      ['{Control>},{/Control}', 'Ajustes']
    ] as const
    for (const [key, title] of presses) {
      await user.keyboard(key)
      // no settle(): the panel is there when the key press is over, and no loading dialog came first
      expect(screen.getByRole('dialog', { name: title }).contains(document.activeElement)).toBe(true)
      expect(screen.queryByRole('dialog', { name: /^Abriendo/ })).toBeNull()
      await settle()
      await user.keyboard('{Escape}')
      await settle()
      expect(screen.queryByRole('dialog')).toBeNull()
      expect(document.activeElement).toBe(searchField())
    }
  })
})
