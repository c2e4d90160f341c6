import { screen, waitFor, within } from '@testing-library/react'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { fakeApi, type FakeApi } from './fake-api'
import { paymentLink } from './fake-link'
import { renderApp, searchField, settle } from './render'

function english(): FakeApi {
  const api = fakeApi()
  api['app.info'].mockResolvedValue({
    ok: true,
    value: {
      version: '0.1.0',
      mode: 'electron',
      terminal: 'Agencia CCCT, Taquilla 2',
      operator: 'Ana',
      language: 'en',
      training: false,
      trainingForced: false
    }
  })
  return api
}

async function openPanel(api = english()) {
  const view = await renderApp(api)
  searchField().focus()
  await view.user.keyboard('{Control>}k{/Control}')
  await settle()
  return { ...view, panel: screen.getByRole('dialog', { name: 'Payment link' }) }
}

/** Reads the QR back from the SVG on screen: rasterizes its path and decodes it with jsQR. */
function decodeQr(svg: Element): string | null {
  const size = Number(svg.getAttribute('viewBox')!.split(' ')[2])
  const scale = 4
  const width = size * scale
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255)
  const d = svg.querySelector('path')!.getAttribute('d')!
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0
      }
  }
  return jsQR(pixels, width, width)?.data ?? null
}

describe('the payment-link panel', () => {
  it('Ctrl+K opens it with the amount focused; Enter creates; the QR encodes exactly the URL; Esc goes back to search', async () => {
    const { user, api, panel } = await openPanel()
    const amount = within(panel).getByRole('textbox', { name: 'Amount' })
    expect(document.activeElement).toBe(amount)
    expect(within(panel).getByRole('combobox', { name: 'Currency' })).toHaveProperty('value', 'USD')
    expect(within(panel).getByRole('textbox', { name: 'Name' })).toBeTruthy()
    expect(within(panel).getByRole('textbox', { name: 'E-mail' })).toBeTruthy()
    expect(within(panel).getByRole('button', { name: 'Create link' }).getAttribute('aria-keyshortcuts')).toBe('Enter')
    await user.type(amount, '12.20{Enter}')
    await settle()
    expect(api['link.create']).toHaveBeenCalledWith({
      amount: { minor: 1220, currency: 'USD' },
      methods: [],
      name: '',
      email: ''
    })
    const url = paymentLink().url!
    const qr = await waitFor(() => within(panel).getByRole('img', { name: `QR code ${url}` }))
    expect(decodeQr(qr)).toBe(url)
    expect(within(panel).getByText(url)).toBeTruthy()
    expect(within(panel).getByText('3372')).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(searchField())
  })

  it('checks the e-mail before anything is sent', async () => {
    const { user, api, panel } = await openPanel()
    await user.type(within(panel).getByRole('textbox', { name: 'E-mail' }), 'ana@correo')
    await user.type(within(panel).getByRole('textbox', { name: 'Amount' }), '5{Enter}')
    await settle()
    expect(within(panel).getByRole('alert').textContent).toMatch(/e-mail|email/i)
    expect(api['link.create']).not.toHaveBeenCalled()
  })

  it("shows Luka's 400 in the teller's language with Luka's own words", async () => {
    const api = english()
    api['link.create'].mockResolvedValue({
      ok: false,
      error: {
        code: 'PROVIDER_REJECTED',
        provider: 'luka',
        httpStatus: 400,
        providerCode: '400',
        providerMessage: 'Correo electrónico inválido'
      }
    })
    const { user, panel } = await openPanel(api)
    await user.type(within(panel).getByRole('textbox', { name: 'Amount' }), '5{Enter}')
    await settle()
    const text = panel.textContent ?? ''
    expect(text).toContain('Luka refused')
    expect(text).toContain('Correo electrónico inválido')
  })

  it('an unknown outcome says so plainly and offers to create again, naming the first attempt', async () => {
    const api = english()
    const unknown = paymentLink({
      state: 'unknown',
      url: null,
      orderNumber: null,
      error: { code: 'TIMEOUT', provider: 'luka' }
    })
    api['link.create'].mockResolvedValueOnce({ ok: true, value: unknown })
    const { user, panel } = await openPanel(api)
    await user.type(within(panel).getByRole('textbox', { name: 'Amount' }), '12.20{Enter}')
    await settle()
    expect(within(panel).getByRole('alert').textContent).toContain('Unknown whether Luka created the link')
    expect(within(panel).queryByRole('img', { name: /QR code/ })).toBeNull()
    await user.click(within(panel).getByRole('button', { name: 'Create again' }))
    await settle()
    expect(api['link.create']).toHaveBeenLastCalledWith(
      expect.objectContaining({ amount: { minor: 1220, currency: 'USD' }, retryOf: unknown.trace })
    )
    expect(api['link.create']).toHaveBeenCalledTimes(2)
  })
})
