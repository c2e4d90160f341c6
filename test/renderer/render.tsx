import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '@renderer/app/App'
import { preloadPanels } from '@renderer/app/Panels'
import { fakeApi, type FakeApi } from './fake-api'

/** Lets every already-settled fake answer reach the screen. */
export const settle = (): Promise<void> =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })

/**
 * Renders the whole window around a fake api and waits for app.info and luka.status.
 * The panels' chunks are loaded first, as the window itself does while idle after its first
 * paint, so a shortcut opens its panel in the same render; the press that comes before they
 * are here (loading dialog, then the panel) is tested in panels-on-demand.test.tsx.
 */
export async function renderApp(api: FakeApi = fakeApi()) {
  await preloadPanels()
  const user = userEvent.setup()
  const view = render(<App api={api} />)
  await settle()
  return { ...view, user, api }
}

export const searchField = (): HTMLInputElement =>
  screen.getByRole('textbox', { name: /Buscar pago por|Find payment by/ })
export const card = (): HTMLElement => screen.getByRole('region', { name: /Pago encontrado|Payment found/ })

/** Types a value into the search field the way a scanner does: characters, then Enter. */
export async function scan(user: ReturnType<typeof userEvent.setup>, value: string): Promise<void> {
  await user.clear(searchField())
  await user.type(searchField(), `${value}{Enter}`)
  await settle()
}
