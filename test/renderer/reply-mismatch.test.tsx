import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AppError } from '@shared/errors'
import { fakeApi } from './fake-api'
import { renderApp, scan } from './render'

const mismatch: AppError = { code: 'REPLY_MISMATCH', provider: 'luka', providerMessage: 'TransaccionId 96337 ≠ 96336' }

function answering(error: AppError, language: 'es' | 'en' = 'es') {
  const api = fakeApi()
  api['luka.lookup'].mockResolvedValue({ ok: false, error })
  api['app.info'].mockResolvedValue({
    ok: true,
    value: {
      version: '0.1.0',
      mode: 'harness',
      terminal: 'Agencia CCCT, Taquilla 2',
      operator: 'María',
      language,
      training: false,
      trainingForced: false
    }
  })
  return api
}

describe('a lookup reply about something else', () => {
  it('says so in Spanish with Luka’s own words, and offers nothing to approve', async () => {
    const { user } = await renderApp(answering(mismatch))
    await scan(user, '96336')
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('Luka respondió sobre otra cosa')
    expect(alert.textContent).toContain('Luka: «TransaccionId 96337 ≠ 96336»')
    expect(screen.queryByRole('region', { name: 'Pago encontrado' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Aprobar/ })).toBeNull()
  })

  it('says so in English', async () => {
    const { user } = await renderApp(answering(mismatch, 'en'))
    await scan(user, '96336')
    expect(screen.getByRole('alert').textContent).toContain('Luka answered about something else')
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull()
  })

  it('shows a refusal (403) as Luka’s refusal, in Luka’s words and code', async () => {
    const refusal: AppError = {
      code: 'PROVIDER_REJECTED',
      provider: 'luka',
      httpStatus: 403,
      providerCode: '403',
      providerMessage: 'Comercio sin permiso para pagos diferidos'
    }
    const { user } = await renderApp(answering(refusal))
    await scan(user, '6567704')
    const text = screen.getByRole('alert').textContent ?? ''
    expect(text).toContain('Luka rechazó la solicitud')
    expect(text).toContain('«Comercio sin permiso para pagos diferidos, código 403»')
  })
})
