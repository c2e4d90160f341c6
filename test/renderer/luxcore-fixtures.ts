import { screen, within } from '@testing-library/react'
import { fakeApi, type FakeApi } from './fake-api'
import { renderApp, settle } from './render'

/** A fixed "now": the fixture deposit was created at 14:00 and expires at 14:45 (UTC). */
export const LUX_NOW = Date.parse('2024-05-02T14:35:00.000Z')

/** Renders the window, presses F2 and waits for the panel's first answers. */
export async function openLuxcore(api: FakeApi = fakeApi()) {
  const rendered = await renderApp(api)
  await rendered.user.keyboard('{F2}')
  await settle()
  const panel = screen.getByRole('dialog', { name: 'Depósitos LuxCore' })
  return { ...rendered, panel }
}

export const amountField = (panel: HTMLElement): HTMLInputElement =>
  within(panel).getByRole('textbox', { name: 'Monto (MXN)' }) as HTMLInputElement

export const depositView = (): HTMLElement => screen.getByRole('region', { name: /^Depósito / })

/** The ids an element's aria-describedby points at, read as text. */
export const describedText = (element: HTMLElement): string =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ')
